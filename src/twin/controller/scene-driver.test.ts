import { describe, expect, it } from 'vitest';
import { trackTopicReads } from './scene-driver.ts';

describe('trackTopicReads', () => {
  it('notes every topic looked up, present or not, and returns the same values', () => {
    const read = new Set<string>();
    const values = { 'weather.radar': { seq: 1 } as never, 'health.trend': { seq: 2 } as never };
    const tracked = trackTopicReads(values, read);
    expect(tracked['weather.radar']).toBe(values['weather.radar']);
    expect(tracked['traffic.vehicles']).toBeUndefined();
    expect([...read].sort()).toEqual(['traffic.vehicles', 'weather.radar']);
  });
});
