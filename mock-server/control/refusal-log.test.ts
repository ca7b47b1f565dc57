import { afterEach, describe, expect, it, vi } from 'vitest';
import { refusalLog } from './refusal-log.ts';

afterEach(() => vi.useRealTimers());

describe('refusalLog', () => {
  it('logs a key once per window, then one line with how many more', () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const refusals = refusalLog((msg) => lines.push(msg), 1000);
    for (let i = 0; i < 5000; i++) refusals.note('display main/0', 'command refused from display main/0');
    refusals.note('operator x', 'command refused from operator x');
    expect(lines).toEqual(['command refused from display main/0', 'command refused from operator x']);
    vi.advanceTimersByTime(1000);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('command refused from display main/0 (and 4999 more like it in 1 s)');
    // A new window logs the first one again.
    refusals.note('display main/0', 'command refused from display main/0');
    expect(lines).toHaveLength(4);
    refusals.stop();
  });

  it('holds a bounded number of keys: past it, refusals count under one line', () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const refusals = refusalLog((msg) => lines.push(msg), 1000);
    for (let i = 0; i < 20_000; i++) refusals.note(`address ${i}`, `refused ${i}`);
    expect(lines).toHaveLength(10_001);
    expect(lines.at(-1)).toBe('refusals from too many sources to name');
    refusals.stop();
    expect(lines.at(-1)).toMatch(/^refusals from too many sources to name \(and 9999 more/);
  });
});
