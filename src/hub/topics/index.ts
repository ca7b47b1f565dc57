import type { TopicSpec } from '../schema-kit.ts';
import { environmentTopics } from './environment.ts';
import { eventsTopics } from './events.ts';
import { govTopics } from './gov.ts';
import { overviewTopics } from './overview.ts';
import { healthTopics } from './health.ts';
import { povertyTopics } from './poverty.ts';
import { trafficTopics } from './traffic.ts';
import { weatherTopics } from './weather.ts';

/** Every topic a hub may serve, by name. One file per scenario module in this folder. */
export const TOPICS: ReadonlyMap<string, TopicSpec> = new Map(
  [...overviewTopics, ...weatherTopics, ...healthTopics, ...trafficTopics, ...povertyTopics, ...environmentTopics, ...govTopics, ...eventsTopics].map((t) => [t.name, t]),
);

export function topicSpec(name: string): TopicSpec | undefined {
  return TOPICS.get(name);
}
