import type { TopicSpec } from '../schema-kit.ts';

/** Topics of the health module. */
export const healthTopics: TopicSpec[] = [];
