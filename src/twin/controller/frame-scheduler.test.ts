import { describe, expect, it, vi } from 'vitest';
import { createFrameScheduler } from './frame-scheduler.ts';

function fakeFrames() {
  let next = 1;
  const pending = new Map<number, (t: number) => void>();
  return {
    requestFrame: (cb: (t: number) => void) => (pending.set(next, cb), next++),
    cancelFrame: (h: number) => void pending.delete(h),
    get pending() {
      return pending.size;
    },
    /** Runs the frames asked for so far, at time t. */
    run(t: number) {
      const due = [...pending.values()];
      pending.clear();
      due.forEach((cb) => cb(t));
    },
  };
}

describe('frame scheduler', () => {
  it('asks for no frame while nothing moves', () => {
    const frames = fakeFrames();
    const draw = vi.fn();
    const s = createFrameScheduler({ draw, ...frames });
    expect(frames.pending).toBe(0);
    expect(s.busy).toBe(false);
    expect(draw).not.toHaveBeenCalled();
  });

  it('runs every animator in one frame and draws once per frame', () => {
    const frames = fakeFrames();
    const draw = vi.fn();
    const s = createFrameScheduler({ draw, ...frames });
    const a = vi.fn(() => true);
    const b = vi.fn(() => true);
    s.animate(a);
    s.animate(b);
    expect(frames.pending).toBe(1);
    frames.run(16);
    expect(a).toHaveBeenCalledWith(16);
    expect(b).toHaveBeenCalledWith(16);
    expect(draw).toHaveBeenCalledTimes(1);
    expect(frames.pending).toBe(1);
  });

  it('stops asking for frames once every animator is done', () => {
    const frames = fakeFrames();
    const draw = vi.fn();
    const s = createFrameScheduler({ draw, ...frames });
    let left = 2;
    s.animate(() => --left > 0);
    frames.run(1);
    expect(frames.pending).toBe(1);
    frames.run(2);
    expect(frames.pending).toBe(0);
    expect(s.busy).toBe(false);
    expect(draw).toHaveBeenCalledTimes(2);
  });

  it('coalesces single-frame requests and animations into one frame', () => {
    const frames = fakeFrames();
    const draw = vi.fn();
    const s = createFrameScheduler({ draw, ...frames });
    s.request();
    s.request();
    s.animate(() => false);
    expect(frames.pending).toBe(1);
    frames.run(1);
    expect(draw).toHaveBeenCalledTimes(1);
    expect(frames.pending).toBe(0);
  });

  it('drops a throwing animator and keeps the others running', () => {
    const frames = fakeFrames();
    const s = createFrameScheduler({ draw: () => {}, ...frames });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const good = vi.fn(() => true);
    s.animate(() => {
      throw new Error('broken');
    });
    s.animate(good);
    frames.run(1);
    frames.run(2);
    expect(good).toHaveBeenCalledTimes(2);
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  it('stops an animator on request, and nothing after dispose', () => {
    const frames = fakeFrames();
    const s = createFrameScheduler({ draw: () => {}, ...frames });
    const a = vi.fn(() => true);
    const stop = s.animate(a);
    frames.run(1);
    stop();
    frames.run(2);
    expect(a).toHaveBeenCalledTimes(1);
    s.animate(a);
    s.dispose();
    expect(frames.pending).toBe(0);
    s.request();
    expect(frames.pending).toBe(0);
  });
});
