/** Something that moves: called once per frame with the frame's time; returns whether it still moves. */
export type Animator = (frameTime: number) => boolean;

export interface FrameSchedulerDeps {
  /** Draws one frame of the twin (maplibre's triggerRepaint: the map, deck and the city together). */
  draw: () => void;
  requestFrame?: (cb: (t: number) => void) => number;
  cancelFrame?: (handle: number) => void;
}

export interface FrameScheduler {
  /** Runs `animator` every frame until it returns false or the returned function is called. */
  animate(animator: Animator): () => void;
  /** Asks for one frame (something changed that is still): coalesced with any other request. */
  request(): void;
  /** Whether any animator is running (a still twin runs none and draws nothing). */
  readonly busy: boolean;
  dispose(): void;
}

/**
 * The twin's one frame loop. Camera flights, the orbit, animated deck layers and the city's
 * effects all step here, in one requestAnimationFrame, then one frame is drawn. When nothing
 * moves, no animation frame is asked for at all: the twin draws only when something changed.
 */
export function createFrameScheduler(deps: FrameSchedulerDeps): FrameScheduler {
  const requestFrame = deps.requestFrame ?? ((cb) => requestAnimationFrame(cb));
  const cancelFrame = deps.cancelFrame ?? ((h) => cancelAnimationFrame(h));
  const animators = new Set<Animator>();
  let handle: number | null = null;
  let disposed = false;

  const tick = (time: number) => {
    handle = null;
    // A copy: an animator may start or stop others while it runs.
    for (const animator of [...animators]) {
      if (!animators.has(animator)) continue;
      let more = false;
      try {
        more = animator(time);
      } catch (err) {
        // One broken animation must not stop the others (nor the next frame): it is dropped.
        console.error('twin animation failed', err);
      }
      if (!more) animators.delete(animator);
    }
    deps.draw();
    if (animators.size) schedule();
  };

  function schedule() {
    if (handle === null && !disposed) handle = requestFrame(tick);
  }

  return {
    animate(animator) {
      animators.add(animator);
      schedule();
      return () => void animators.delete(animator);
    },
    request: schedule,
    get busy() {
      return animators.size > 0;
    },
    dispose() {
      disposed = true;
      animators.clear();
      if (handle !== null) cancelFrame(handle);
      handle = null;
    },
  };
}
