import { describe, expect, it } from 'vitest';
import { createCameraDirector, ORBIT_IDLE_RESUME_MS, type CameraHolder } from './camera-director.ts';
import type { FrameScheduler } from './frame-scheduler.ts';
import type { CameraPose } from '../wall-flight.ts';

const SCENE_A: CameraPose = { center: [106.5, 29.5], zoom: 9, pitch: 40, bearing: 0 };
const SCENE_B: CameraPose = { center: [107.5, 30.5], zoom: 8, pitch: 30, bearing: 20 };
const DISTRICT: CameraPose = { center: [106.58, 29.56], zoom: 12, pitch: 50, bearing: 0 };
const ELSEWHERE: CameraPose = { center: [108, 31], zoom: 10, pitch: 0, bearing: 0 };

/** A director on a fake camera, a fake clock and a scheduler that steps when told. */
function rig(orbitBearing = (t: number) => (t / 1000) % 360) {
  let now = 1_000_000;
  let camera: CameraPose = SCENE_A;
  let scene = SCENE_A;
  const animators = new Set<(t: number) => boolean>();
  const timers: { at: number; fn: () => void }[] = [];
  const scheduler: FrameScheduler = {
    animate: (a) => (animators.add(a), () => void animators.delete(a)),
    request: () => {},
    get busy() {
      return animators.size > 0;
    },
    dispose: () => animators.clear(),
  };
  const director = createCameraDirector({
    surface: { read: () => camera, put: (p) => (camera = p) },
    scheduler,
    now: () => now,
    sceneCamera: () => scene,
    orbitBearing,
    setTimer: (fn, ms) => {
      const t = { at: now + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => timers.splice(timers.indexOf(t as never), 1),
  });
  return {
    director,
    animators,
    camera: () => camera,
    setScene: (s: CameraPose) => (scene = s),
    /** Advances the wall clock, firing due timers and stepping one frame. */
    advance(ms: number) {
      now += ms;
      for (const t of timers.filter((t) => t.at <= now)) (timers.splice(timers.indexOf(t), 1), t.fn());
      for (const a of [...animators]) if (!a(now)) animators.delete(a);
    },
    get now() {
      return now;
    },
  };
}

describe('camera director', () => {
  it('puts a flight of no duration at once and asks for no frames after', () => {
    const r = rig();
    expect(r.director.fly('local', DISTRICT, { duration: 0, release: true })).toBe(true);
    expect(r.camera()).toEqual(DISTRICT);
    r.advance(16);
    expect(r.animators.size).toBe(0);
    expect(r.director.flying()).toBe(false);
    expect(r.director.holder()).toBe('scene');
  });

  it('flies on the wall clock: the pose is a function of the moment, not of the frames drawn', () => {
    const a = rig();
    const b = rig();
    const start = a.now;
    a.director.fly('console', DISTRICT, { start, duration: 3000 });
    b.director.fly('console', DISTRICT, { start, duration: 3000 });
    a.advance(1500); // one display draws one frame at 1.5 s…
    for (let i = 0; i < 100; i++) b.advance(15); // …another a hundred frames to the same moment
    expect(b.camera()).toEqual(a.camera());
    a.advance(2000);
    expect(a.camera()).toEqual(DISTRICT);
    expect(a.director.holder()).toBe('console'); // a hold without release keeps the camera
  });

  it('resolves who holds the camera: the console beats a person at the wall, who beats the orbit', () => {
    const r = rig();
    r.director.fly('console', ELSEWHERE, { duration: 0 });
    expect(r.director.fly('local', DISTRICT, { duration: 0, release: true })).toBe(false);
    expect(r.camera()).toEqual(ELSEWHERE);
    r.director.release('console');
    expect(r.director.fly('local', DISTRICT, { duration: 0, release: true })).toBe(true);
    expect(r.camera()).toEqual(DISTRICT);
    const order: CameraHolder[] = ['console', 'tour', 'attention', 'local', 'orbit', 'scene'];
    for (let i = 1; i < order.length; i++) {
      const s = rig();
      if (order[i] === 'orbit') continue;
      s.director.fly(order[i - 1] === 'orbit' ? 'local' : order[i - 1], ELSEWHERE, { duration: 0 });
      expect(s.director.fly(order[i], DISTRICT, { duration: 0 })).toBe(false);
    }
  });

  it('hands an interrupted flight over where it was at the new command, whatever the frame timing', () => {
    const a = rig();
    const start = a.now;
    a.director.fly('console', ELSEWHERE, { start, duration: 3000 });
    a.advance(2500);
    // The next command was issued at 1 s; it reaches this display late.
    a.director.fly('console', DISTRICT, { start: start + 1000, duration: 3000 });
    const b = rig();
    b.director.fly('console', ELSEWHERE, { start, duration: 3000 });
    b.advance(1000);
    b.director.fly('console', DISTRICT, { start: start + 1000, duration: 3000 });
    b.advance(1500);
    expect(a.camera()).toEqual(b.camera());
  });

  it('re-aims a flight bound for the scene camera when the scene changes, in either order', () => {
    // The console switches scene: the camera command may arrive before or after the scene itself.
    const sceneFirst = rig();
    const start = sceneFirst.now;
    sceneFirst.setScene(SCENE_B);
    sceneFirst.director.sceneChanged(3000);
    sceneFirst.director.fly('console', 'scene', { start, duration: 3000, release: true });
    const cameraFirst = rig();
    cameraFirst.director.fly('console', 'scene', { start, duration: 3000, release: true });
    cameraFirst.setScene(SCENE_B);
    cameraFirst.director.sceneChanged(3000);
    sceneFirst.advance(1200);
    cameraFirst.advance(1200);
    expect(cameraFirst.camera()).toEqual(sceneFirst.camera());
    sceneFirst.advance(2000);
    cameraFirst.advance(2000);
    expect(sceneFirst.camera()).toEqual(SCENE_B);
    expect(cameraFirst.camera()).toEqual(SCENE_B);
    expect(sceneFirst.director.holder()).toBe('scene');
  });

  it('keeps the console view through a scene change, and ends a local view', () => {
    const held = rig();
    held.director.fly('console', ELSEWHERE, { duration: 0 });
    held.setScene(SCENE_B);
    held.director.sceneChanged(0);
    expect(held.camera()).toEqual(ELSEWHERE);
    const local = rig();
    local.director.fly('local', DISTRICT, { duration: 3000, release: true });
    local.setScene(SCENE_B);
    local.director.sceneChanged(0);
    expect(local.camera()).toEqual(SCENE_B);
  });

  it('orbits at the wall phase, pauses for a person, and resumes by itself', () => {
    const r = rig((t) => (t / 100) % 360);
    r.director.setOrbit(true);
    expect(r.director.holder()).toBe('orbit');
    r.advance(16);
    expect(r.camera().bearing).toBeCloseTo((r.now / 100) % 360);
    r.director.userInput();
    const paused = r.camera().bearing;
    r.advance(1000);
    expect(r.camera().bearing).toBe(paused);
    expect(r.animators.size).toBe(0); // a paused orbit asks for no frames
    r.advance(ORBIT_IDLE_RESUME_MS);
    expect(r.camera().bearing).toBeCloseTo((r.now / 100) % 360);
  });

  it('lets a flight interrupt the orbit, which resumes once the flight is over', () => {
    const r = rig((t) => (t / 100) % 360);
    r.director.setOrbit(true);
    expect(r.director.fly('local', DISTRICT, { duration: 1000, release: true })).toBe(true);
    r.advance(500);
    expect(r.director.holder()).toBe('local');
    r.advance(600);
    r.advance(16);
    expect(r.director.holder()).toBe('orbit');
    expect(r.camera().center).toEqual(DISTRICT.center);
  });

  it('a touch ends a local flight where it is', () => {
    const r = rig();
    r.director.fly('local', DISTRICT, { duration: 3000, release: true });
    r.advance(1000);
    const there = r.camera();
    r.director.userInput();
    r.advance(1000);
    expect(r.camera()).toEqual(there);
    expect(r.director.flying()).toBe(false);
  });
});
