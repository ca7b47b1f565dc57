import type { TopicSpec } from '../schema-kit.ts';

/** Topics of the environment module. */
export const environmentTopics: TopicSpec[] = [];
