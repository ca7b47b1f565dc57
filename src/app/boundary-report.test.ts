import { describe, expect, it } from 'vitest';
import { reportOnce, topicsStamp } from './boundary-report.ts';

describe('boundary reports', () => {
  it('reports each distinct failure once', () => {
    const lines: string[] = [];
    const report = reportOnce((m) => lines.push(m));
    report(new RangeError('Invalid time value'));
    report(new RangeError('Invalid time value'));
    report('x'.repeat(1000));
    report(new Error(''));
    report(new RangeError('Invalid time value'));
    expect(lines).toEqual(['Invalid time value', 'x'.repeat(300), 'error', 'Invalid time value']);
  });

  it('a topic’s new value (or a new hub run) changes the stamp; others do not', () => {
    const values = { a: { seq: 1, time: 0, data: 1 }, b: { epoch: 'e1', seq: 5, time: 0, data: 2 } };
    const before = topicsStamp(values, ['a', 'b', 'missing']);
    expect(topicsStamp({ ...values, c: { seq: 9, time: 0, data: 0 } }, ['a', 'b', 'missing'])).toBe(before);
    expect(topicsStamp({ ...values, a: { seq: 2, time: 0, data: 1 } }, ['a', 'b', 'missing'])).not.toBe(before);
    expect(topicsStamp({ ...values, b: { epoch: 'e2', seq: 5, time: 0, data: 2 } }, ['a', 'b', 'missing'])).not.toBe(before);
    expect(topicsStamp(undefined, [])).toBe('');
  });
});
