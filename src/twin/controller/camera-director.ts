import { flightAt, planFlight, type CameraPose, type Flight, type FlightEasing } from '../wall-flight.ts';
import type { FrameScheduler } from './frame-scheduler.ts';

/**
 * Who may move the camera, highest first. The console's hold beats everything: a wall steered from
 * the console must stay in lock-step, so a tap on one display cannot fly it away. A person at the
 * wall (`local`: double-tap, Home) beats the attract-loop orbit, which turns the scene's camera.
 */
export const CAMERA_HOLDERS = ['console', 'tour', 'attention', 'local', 'orbit', 'scene'] as const;
export type CameraHolder = (typeof CAMERA_HOLDERS)[number];

/** A pose, or the current scene's own camera (resolved when flown, and again if the scene changes mid-flight). */
export type CameraGoal = CameraPose | 'scene';

export interface FlyOptions {
  /** Wall-clock ms the flight starts (a command's issuedAt); now if left out. */
  start?: number;
  /** 0: put at once. */
  duration: number;
  /** Give the camera back once there (a flight home); otherwise the holder keeps it until released. */
  release?: boolean;
  /** How the flight eases (a tour step's choice); ease-in-out unless given. */
  easing?: FlightEasing;
}

export interface CameraSurface {
  /** The camera now, in design space (src/twin/framing.ts). */
  read(): CameraPose;
  put(pose: CameraPose): void;
}

export interface CameraDirectorDeps {
  surface: CameraSurface;
  scheduler: FrameScheduler;
  /** The hub-synchronised wall clock: every display of a wall computes the same pose at the same moment. */
  now: () => number;
  sceneCamera: () => CameraPose;
  /** The orbit's bearing at a wall-clock moment (src/twin/orbit.ts). */
  orbitBearing: (wallMs: number) => number;
  onOrbit?: (wallMs: number, bearing: number) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

interface Claim {
  goal: CameraGoal;
  /** The movement under way; null once there (the holder keeps the camera still). */
  flight: Flight | null;
  release: boolean;
}

/** A visitor's touch stops the orbit for this long; it then resumes at the wall's phase. */
export const ORBIT_IDLE_RESUME_MS = 60_000;

const rank = (h: CameraHolder) => CAMERA_HOLDERS.length - CAMERA_HOLDERS.indexOf(h);

/**
 * The one owner of the camera. Every movement (scene cameras, console commands, fly-to-district,
 * home, orbit, later tours and event attention) is asked of it; it decides who holds the camera
 * and flies on the wall clock, as a pure function of (from, to, start, duration), so displays of
 * one wall move in lock-step whatever started the flight. Frames come from the twin's one
 * scheduler and only while something moves.
 */
export function createCameraDirector(deps: CameraDirectorDeps) {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  const claims = new Map<CameraHolder, Claim>();
  let orbitOn = false;
  let orbitPausedUntil = 0;
  let resumeTimer: unknown = null;
  let stopAnimating: (() => void) | null = null;

  const orbitTurning = () => orbitOn && deps.now() >= orbitPausedUntil;

  /** Who holds the camera now. */
  function holder(): CameraHolder {
    for (const h of CAMERA_HOLDERS) if (h === 'orbit' ? orbitTurning() : claims.has(h)) return h;
    return 'scene';
  }

  /** Where the camera is (or is due to be) at a wall-clock moment: the holder's flight, or the camera itself. */
  function poseAt(at: number): CameraPose {
    const flight = claims.get(holder())?.flight;
    return flight ? flightAt(flight, at).pose : deps.surface.read();
  }

  const goalPose = (goal: CameraGoal) => (goal === 'scene' ? deps.sceneCamera() : goal);

  function step(): boolean {
    const now = deps.now();
    const h = holder();
    const claim = claims.get(h);
    if (claim?.flight) {
      const { pose, done } = flightAt(claim.flight, now);
      deps.surface.put(pose);
      if (done) {
        claim.flight = null;
        if (claim.release) claims.delete(h);
      }
      return true; // one more frame: the next holder (the orbit) may want it
    }
    if (h === 'orbit') {
      const bearing = deps.orbitBearing(now);
      deps.surface.put({ ...deps.surface.read(), bearing });
      deps.onOrbit?.(now, bearing);
      return true;
    }
    return false;
  }

  const frame = () => {
    const more = step();
    if (!more) stopAnimating = null;
    return more;
  };

  /** Puts the pose due now at once, then keeps stepping each frame while something moves. */
  function animate() {
    if (step()) stopAnimating ??= deps.scheduler.animate(frame);
    else {
      stopAnimating?.();
      stopAnimating = null;
    }
  }

  /** The orbit waits until `until`, then turns again without anyone having to ask. */
  function pauseOrbit(until: number) {
    orbitPausedUntil = Math.max(orbitPausedUntil, until);
    if (resumeTimer !== null) clearTimer(resumeTimer);
    resumeTimer = orbitOn ? setTimer(() => ((resumeTimer = null), animate()), Math.max(0, orbitPausedUntil - deps.now())) : null;
  }

  /**
   * Asks for the camera. Granted (true) when nobody above `who` holds it; the flight then starts
   * from wherever the camera is due to be at `start`, so an interrupted flight hands over exactly
   * where it was, on every display alike.
   */
  function fly(who: CameraHolder, goal: CameraGoal, options: FlyOptions): boolean {
    const current = holder();
    // Anything that flies may interrupt the orbit (it resumes after the flight, at the wall's phase).
    if (current !== 'orbit' && rank(who) < rank(current)) return false;
    const start = options.start ?? deps.now();
    if (current === 'orbit' || (orbitOn && rank(who) < rank('orbit'))) pauseOrbit(start + options.duration);
    const from = poseAt(start);
    // One camera, one flight: what the holders below were doing is over.
    for (const [h, c] of claims) {
      if (rank(h) >= rank(who)) continue;
      if (c.release) claims.delete(h);
      else c.flight = null;
    }
    claims.set(who, { goal, flight: planFlight(from, goalPose(goal), start, options.duration, options.easing), release: options.release ?? false });
    animate();
    return true;
  }

  return {
    fly,
    holder,
    poseAt,
    /** The camera as it is now, in design space. */
    camera: () => deps.surface.read(),
    /** Gives the camera back; it stays where it is until someone else moves it. */
    release(who: CameraHolder) {
      claims.delete(who);
      animate();
    },
    /**
     * The scene (or its camera) changed. A flight bound for "the scene's camera" is re-aimed at the
     * new one without changing its start, so the order in which a console's scene switch reaches
     * the scene and the camera does not matter. A person's local view ends; the scene's camera is
     * flown to unless someone above holds the camera.
     */
    sceneChanged(duration: number) {
      for (const c of claims.values()) {
        if (c.goal === 'scene' && c.flight) c.flight = planFlight(c.flight.from, deps.sceneCamera(), c.flight.start, c.flight.duration, c.flight.easing);
      }
      claims.delete('local');
      const h = holder();
      if (claims.get(h)?.goal === 'scene') return animate();
      fly('scene', 'scene', { duration, release: true });
    },
    /** Someone touched the wall: the orbit stops for a while, and a local or scene flight ends where it is. */
    userInput() {
      for (const h of ['local', 'scene'] as const) claims.delete(h);
      if (orbitOn) pauseOrbit(deps.now() + ORBIT_IDLE_RESUME_MS);
    },
    setOrbit(on: boolean) {
      orbitOn = on;
      if (!on && resumeTimer !== null) clearTimer(resumeTimer);
      animate();
    },
    /** Whether the camera is flying (a flight under way, whoever holds it). */
    flying() {
      return [...claims.values()].some((c) => c.flight !== null);
    },
    dispose() {
      stopAnimating?.();
      if (resumeTimer !== null) clearTimer(resumeTimer);
      claims.clear();
      orbitOn = false;
    },
  };
}

export type CameraDirector = ReturnType<typeof createCameraDirector>;
