import type { TopicSpec } from '../schema-kit.ts';

/** Topics of the gov module. */
export const govTopics: TopicSpec[] = [];
