import type { TopicSpec } from '../schema-kit.ts';

/** Topics of the poverty module. */
export const povertyTopics: TopicSpec[] = [];
