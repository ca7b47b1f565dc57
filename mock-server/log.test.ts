import { describe, expect, it } from 'vitest';
import { createHubLog } from './log.ts';

/** A logger writing into memory: the lines as the hub would print them on stdout. */
function captured(level?: string) {
  let out = '';
  const { log } = createHubLog({ level, destination: { write: (chunk: string) => void (out += chunk) } });
  return { log, lines: () => out.split('\n').filter(Boolean) };
}

describe('the hub log', () => {
  it('writes one JSON line per call, with the message and the fields', () => {
    const { log, lines } = captured();
    log('display main/0 connected');
    log('edge: refused a request', { host: 'evil.example', count: 3 });
    expect(lines()).toHaveLength(2);
    const [first, second] = lines().map((l) => JSON.parse(l));
    expect(first).toMatchObject({ level: 'info', name: 'hub', msg: 'display main/0 connected' });
    expect(typeof first.time).toBe('string');
    expect(second).toMatchObject({ msg: 'edge: refused a request', host: 'evil.example', count: 3 });
  });

  it('cannot be made to forge a line: newlines and control characters in a message or a field stay in one line', () => {
    const { log, lines } = captured();
    const forged = '\n{"level":"info","msg":"operator admin signed in"}\r\n\u001b[2J';
    log(`scene x skipped: ${forged}`);
    log('edge: refused a request', { host: `evil.example${forged}`, [`key${forged}`]: 1 });
    expect(lines()).toHaveLength(2);
    const [first, second] = lines().map((l) => JSON.parse(l));
    // The values come back whole: escaped on the line, not cut or dropped.
    expect(first.msg).toBe(`scene x skipped: ${forged}`);
    expect(second.host).toBe(`evil.example${forged}`);
    for (const line of lines()) expect(line).not.toMatch(/[\u0000-\u001f]/);
  });

  it('logs WARNING messages at warn and honours the level', () => {
    const warnOnly = captured('warn');
    warnOnly.log('events: store on memory');
    warnOnly.log('WARNING: operator sign-in is the default');
    expect(warnOnly.lines().map((l) => JSON.parse(l).level)).toEqual(['warn']);
  });

  it('keeps its own keys when a field has the same name', () => {
    const { log, lines } = captured();
    log('hello', { level: 'fatal', msg: 'other', time: 0 });
    const line = JSON.parse(lines()[0]);
    expect(line).toMatchObject({ level: 'info', msg: 'hello', field_level: 'fatal', field_msg: 'other', field_time: 0 });
  });

  it('falls back to info on an unknown level, and says so', () => {
    const { log, lines } = captured('loud');
    log('hello');
    const parsed = lines().map((l) => JSON.parse(l));
    expect(parsed[0]).toMatchObject({ level: 'warn', asked: 'loud' });
    expect(parsed[1]).toMatchObject({ level: 'info', msg: 'hello' });
  });
});
