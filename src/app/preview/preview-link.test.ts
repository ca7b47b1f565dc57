import { describe, expect, it, vi } from 'vitest';
import { listenToDesigner, PreviewToken } from './preview-link.ts';

/** Just enough of a window: its origin, its parent, and message listeners. */
function fakeWindow() {
  const parent = { postMessage: vi.fn() };
  const listeners: ((e: MessageEvent) => void)[] = [];
  const win = {
    location: { origin: 'http://127.0.0.1:5173' },
    parent,
    addEventListener: (_: string, l: (e: MessageEvent) => void) => listeners.push(l),
    removeEventListener: (_: string, l: (e: MessageEvent) => void) => listeners.splice(listeners.indexOf(l), 1),
  };
  const send = (data: unknown, origin = win.location.origin, source: unknown = parent) =>
    listeners.forEach((l) => l({ data, origin, source } as MessageEvent));
  return { win: win as unknown as Window, send, listeners };
}

describe('the preview hears only its designer', () => {
  it('takes a well-formed message from the parent page of its own origin', () => {
    const { win, send } = fakeWindow();
    const heard = vi.fn();
    listenToDesigner(heard, win);
    send({ type: 'onescreen:scene', scene: { id: 'x' } });
    expect(heard).toHaveBeenCalledWith({ type: 'onescreen:scene', scene: { id: 'x' } });
  });

  it('ignores another origin, another sender and malformed messages', () => {
    const { win, send } = fakeWindow();
    const heard = vi.fn();
    listenToDesigner(heard, win);
    send({ type: 'onescreen:scene', scene: {} }, 'http://evil.example');
    send({ type: 'onescreen:scene', scene: {} }, undefined, {});
    send({ type: 'onescreen:init', hubUrl: 'http://h', token: 'short' });
    send('onescreen:capture-camera');
    expect(heard).not.toHaveBeenCalled();
  });

  it('stops listening when told', () => {
    const { win, listeners } = fakeWindow();
    const stop = listenToDesigner(() => {}, win);
    expect(listeners).toHaveLength(1);
    stop();
    expect(listeners).toHaveLength(0);
  });
});

describe('the preview token', () => {
  it('hands out the designer token until the hub refuses it, then waits for the next one', async () => {
    const token = new PreviewToken('token-one-0123456789');
    expect(await token.current()).toBe('token-one-0123456789');
    token.refused();
    let next: string | null = null;
    void token.current().then((t) => (next = t));
    await Promise.resolve();
    expect(next).toBeNull();
    token.set('token-two-0123456789');
    await Promise.resolve();
    expect(next).toBe('token-two-0123456789');
    expect(await token.current()).toBe('token-two-0123456789');
  });
});
