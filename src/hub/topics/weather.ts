import type { TopicSpec } from '../schema-kit.ts';

/** Topics of the weather module. */
export const weatherTopics: TopicSpec[] = [];
