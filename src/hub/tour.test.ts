import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scene } from './contract.ts';
import { parseScene } from './scene-migrations.ts';
import { findTour, planOf, tourLengthMs, tourProblems, TourSchema, type Tour, type TourWorld } from './tour.ts';

const SCENES_DIR = new URL('../../scenes/', import.meta.url);
const scenes = new Map<string, Scene>();
for (const f of readdirSync(SCENES_DIR).filter((n) => n.endsWith('.json'))) {
  const parsed = parseScene(JSON.parse(readFileSync(new URL(f, SCENES_DIR), 'utf8')));
  if (!parsed.ok) throw new Error(`${f}: ${parsed.error}`);
  scenes.set(parsed.scene.id, parsed.scene);
}
const districts = JSON.parse(readFileSync(new URL('../../public/geo/chongqing-districts.geojson', import.meta.url), 'utf8')) as {
  features: { properties: { code: string } }[];
};
const world: TourWorld = {
  scenes,
  districtCodes: new Set(districts.features.map((f) => f.properties.code)),
  bounds: [105.0, 27.6, 110.7, 32.7],
};

const step = (over: Record<string, unknown> = {}) => ({
  scene: 'overview',
  camera: { target: { district: '500103' }, durationMs: 4000, easing: 'ease-in-out' },
  caption: { zh: '渝中半岛', en: 'The Yuzhong peninsula' },
  dwellMs: 20_000,
  ...over,
});
const tour = (steps: unknown[]) => ({ id: 't', title: { zh: '测试', en: 'Test' }, steps });
const overviewFile = () => JSON.parse(readFileSync(new URL('01-overview.json', SCENES_DIR), 'utf8'));

describe('shipped tours', () => {
  const all = [...scenes.values()].flatMap((s) => (s.tours ?? []).map((t) => ({ scene: s.id, tour: t })));

  it('every tour makes sense against the shipped scenes and the real districts', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const { scene, tour: t } of all) expect({ scene, tour: t.id, problems: tourProblems(t, world) }).toEqual({ scene, tour: t.id, problems: [] });
  });

  it('the city briefing takes about five minutes over the existing scenes', () => {
    const briefing = findTour(scenes, 'overview', 'city-briefing')!;
    expect(briefing.steps.length).toBeGreaterThanOrEqual(8);
    expect(briefing.steps.length).toBeLessThanOrEqual(10);
    expect(tourLengthMs(briefing)).toBeGreaterThanOrEqual(270_000);
    expect(tourLengthMs(briefing)).toBeLessThanOrEqual(330_000);
    expect(new Set(briefing.steps.map((s) => s.scene)).size).toBeGreaterThanOrEqual(6);
  });

  it('the storm review is in the weather scene and moves through rain, roads and events', () => {
    const storm = findTour(scenes, 'weather', 'storm-review')!;
    expect(storm.steps.map((s) => s.scene)).toEqual(expect.arrayContaining(['weather', 'traffic', 'events']));
    expect(storm.steps.some((s) => s.highlight)).toBe(true);
  });

  it('captions have Chinese first and English beneath, and fit one or two lines', () => {
    for (const { tour: t } of all)
      for (const s of t.steps) {
        expect(s.caption.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(s.caption.en).toMatch(/^[\x20-\x7e]+$/);
        // Three lines are allowed; the shipped ones keep to one line of Chinese at the design size (24 characters).
        expect(s.caption.zh.length).toBeLessThanOrEqual(24);
      }
  });

  it('the plan the hub freezes is each step\'s scene and dwell', () => {
    const storm = findTour(scenes, 'weather', 'storm-review')!;
    expect(planOf(storm)).toEqual(storm.steps.map((s) => ({ scene: s.scene, dwellMs: s.dwellMs })));
  });
});

describe('tour problems name the step and the field', () => {
  const problems = (steps: unknown[]) => tourProblems(tour(steps), world);

  it('in the shape', () => {
    expect(problems([step(), step(), step({ camera: { target: { district: '500103' }, durationMs: 25_000 } })])).toContain(
      'Step 3 · camera · duration: must be at most 20 s',
    );
    expect(problems([step({ dwellMs: 1000, camera: undefined })])).toEqual(['Step 1 · dwell time: must be at least 3 s']);
    expect(problems([step({ dwellMs: 700_000 })])).toEqual(['Step 1 · dwell time: must be at most 600 s']);
    expect(problems([step({ caption: { zh: '字'.repeat(61), en: 'x' } })])).toEqual(['Step 1 · caption · Chinese: at most 60 characters']);
    expect(problems([step({ caption: { zh: '字', en: 'x'.repeat(121) } })])).toEqual(['Step 1 · caption · English: at most 120 characters']);
    expect(problems([step({ caption: undefined })])).toEqual(['Step 1 · caption: missing']);
    expect(problems([step({ notes: 'n'.repeat(1001) })])).toEqual(['Step 1 · presenter notes: at most 1000 characters']);
    expect(problems([step({ camera: { target: { district: '500103' }, durationMs: 3000, easing: 'bounce' } })])).toEqual([
      'Step 1 · camera · easing: one of ease-in-out, ease-out, ease-in, linear',
    ]);
    expect(problems([step({ camera: { target: { district: '500103' }, durationMs: 8000 }, dwellMs: 5000 })])).toEqual([
      "Step 1 · camera · duration: the flight (8 s) is longer than the step's dwell time (5 s)",
    ]);
    expect(problems([step({ camera: { target: { center: [200, 30] } } })])).toEqual(['Step 1 · camera · target · centre · longitude: must be at most 180']);
    expect(problems([step({ highlight: { district: '5001' } })])).toEqual(['Step 1 · highlight · district: a 6-digit administrative code']);
    expect(problems([step({ highlight: { point: [106.58, 29.56] } })])).toEqual(['Step 1 · highlight · label: missing']);
    expect(problems([step({ highlight: { colour: 'red' } })])).toEqual(['Step 1 · highlight: a district {district}, a point {point, label} or an event {event}']);
    expect(problems([step({ highlight: { district: '500103', lable: '渝中' } })])).toEqual(['Step 1 · highlight: unknown field "lable"']);
    expect(problems([step({ camera: { target: { centre: [106.5, 29.5] }, durationMs: 1000 } })])).toEqual([
      'Step 1 · camera · target: a district {district} or a point {center, zoom, pitch, bearing}',
    ]);
    expect(problems([step({ highlight: { event: 'EV-1' } })])).toEqual(['Step 1 · highlight · event: an event id: EV-yyyymmdd-nnnnn']);
    expect(problems([step({ layers: { rain: 'yes' } })])).toEqual(['Step 1 · layers · rain: true (shown) or false (hidden)']);
    expect(problems([])).toEqual(['Steps: a tour has at least one step']);
    expect(problems(Array.from({ length: 61 }, () => step()))).toEqual(['Steps: at most 60 steps']);
    expect(tourProblems({ ...tour([step()]), title: { zh: '', en: 'x' } })).toEqual(['Title · Chinese: must not be empty']);
  });

  it('in meaning, against the scenes and the city', () => {
    expect(problems([step({ scene: 'nowhere' })])).toEqual(['Step 1 · scene: no scene "nowhere"']);
    expect(problems([step(), step({ scene: 'weather', layers: { rain: true, district: false } })])).toEqual([
      'Step 2 · layers · district: scene "weather" has no layer "district"',
    ]);
    expect(problems([step({ camera: { target: { district: '500199' }, durationMs: 1000 } })])).toEqual([
      'Step 1 · camera · target · district: no district "500199" in the city',
    ]);
    expect(problems([step({ highlight: { point: [116.4, 39.9], label: '北京 Beijing' } })])).toEqual(['Step 1 · highlight: 116.4, 39.9 is outside the city']);
    // An event is looked up on the board when shown: the id's shape is all that can be checked.
    expect(problems([step({ highlight: { event: 'EV-20260712-00042' } })])).toEqual([]);
    // Without a world, only the shape.
    expect(tourProblems(tour([step({ scene: 'nowhere' })]))).toEqual([]);
  });

  it('inside a scene file, with the tour named', () => {
    const file = overviewFile();
    file.tours[0].steps[2].camera.durationMs = 25_000;
    expect(parseScene(file)).toEqual({ ok: false, error: 'tours.0 · Step 3 · camera · duration: must be at most 20 s' });
    const twice = overviewFile();
    twice.tours.push(twice.tours[0]);
    expect(parseScene(twice)).toMatchObject({ ok: false, error: 'tours.1 · Tour id: duplicate tour id "city-briefing"' });
    const many = overviewFile();
    many.tours = Array.from({ length: 9 }, (_, i) => ({ ...many.tours[0], id: `t${i}` }));
    expect(parseScene(many)).toMatchObject({ ok: false, error: expect.stringMatching(/^tours: at most 8 tours/) });
  });

  it('scenes without tours load as they did (format 2, nothing added)', () => {
    const file = overviewFile();
    delete file.tours;
    const parsed = parseScene(file);
    expect(parsed.ok && parsed.scene.tours).toBeUndefined();
  });

  it('never throws and always names a field, whatever a tour holds', () => {
    const junk = fc.oneof(fc.anything(), fc.record({ id: fc.anything(), title: fc.anything(), steps: fc.array(fc.anything(), { maxLength: 3 }) }));
    fc.assert(
      fc.property(junk, (raw) => {
        const found = tourProblems(raw, world);
        const ok = TourSchema.safeParse(raw).success;
        if (!ok) expect(found.length).toBeGreaterThan(0);
        for (const p of found) expect(p).toMatch(/^[A-Z][^:]*: .+/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a well-formed random tour', () => {
  it('parses to what it says', () => {
    const stepArb = fc.record({
      scene: fc.constantFrom(...scenes.keys()),
      caption: fc.record({ zh: fc.string({ minLength: 1, maxLength: 60 }), en: fc.string({ minLength: 1, maxLength: 120 }) }),
      dwellMs: fc.integer({ min: 3_000, max: 600_000 }),
    });
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 60 }), (steps) => {
        const t = TourSchema.parse(tour(steps)) as Tour;
        expect(t.steps.length).toBe(steps.length);
        expect(tourProblems(t, world)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
