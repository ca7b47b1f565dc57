import type { TopicSpec } from '../schema-kit.ts';

/** Topics of the traffic module. */
export const trafficTopics: TopicSpec[] = [];
