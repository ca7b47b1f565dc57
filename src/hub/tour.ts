/**
 * Guided tours as data: a scene file may hold up to eight (`tours`), each an ordered list of steps
 * with a scene, a camera flight, layers to show or hide, a highlight, a caption in Chinese with
 * English beneath, presenter notes and a dwell time. How a tour moves on a wall (start, next,
 * pause, explore…) is tour-sequence.ts; how a display shows a step is src/control/tour-driver.ts.
 *
 * Checked in two steps like a scene: the shape (TourSchema, inside SceneSchema), and the meaning
 * against the scenes a hub or a designer knows (tourProblems: the step's scene exists, its layers
 * are that scene's, districts exist, points lie in the city). Both name the step and the field in
 * words: "Step 3 · camera · duration: must be at most 20 s".
 */
import { z } from 'zod';
import { CameraTargetSchema, HighlightSchema } from './control.ts';
import { EventIdSchema } from './events/schemas.ts';
import { LayerIdSchema, LonLatSchema, SceneIdSchema } from './schema-kit.ts';
import { TOUR_LIMITS, TourIdSchema, dwellMs, type TourPlan } from './tour-sequence.ts';

export { TOUR_LIMITS, TourIdSchema };

/** How a step's camera flight eases; the wall computes the curve on the wall clock (src/twin/wall-flight.ts). */
export const TOUR_EASINGS = ['ease-in-out', 'ease-out', 'ease-in', 'linear'] as const;
export const TourEasingSchema = z.enum(TOUR_EASINGS, { error: `one of ${TOUR_EASINGS.join(', ')}` });
export type TourEasing = z.infer<typeof TourEasingSchema>;

/** A type error that says "missing" for an absent field, so that problems read the same with or without the input reported. */
const expected = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'missing' : what) });
const chars = (max: number) => z.string(expected('text')).min(1, 'must not be empty').max(max, `at most ${max} characters`);
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

export const TourCameraSchema = z.object({
  // Strict branches: a misspelt key is named rather than silently dropped, and says which branch was meant.
  target: z.union(
    CameraTargetSchema.options.map((o) => z.strictObject(o.shape)) as unknown as typeof CameraTargetSchema.options,
    { error: 'a district {district} or a point {center, zoom, pitch, bearing}' },
  ),
  durationMs: z
    .number(expected('a number of milliseconds'))
    .int('whole milliseconds')
    .min(0, 'must not be negative')
    .max(TOUR_LIMITS.maxFlightMs, `must be at most ${seconds(TOUR_LIMITS.maxFlightMs)}`)
    .default(4000),
  easing: TourEasingSchema.default('ease-in-out'),
});
export type TourCamera = z.infer<typeof TourCameraSchema>;

/** A district, a labelled point, or a city event (found on the events board by its id). */
export const TourHighlightSchema = z.union(
  [
    z.strictObject(HighlightSchema.options[0].shape),
    z.strictObject({ point: LonLatSchema, label: chars(40) }),
    z.strictObject({ event: EventIdSchema }),
  ],
  { error: 'a district {district}, a point {point, label} or an event {event}' },
);
export type TourHighlight = z.infer<typeof TourHighlightSchema>;

export const TourStepSchema = z
  .object({
    /** The scene the wall shows during the step (any scene, not only the one holding the tour). */
    scene: SceneIdSchema,
    /** Where the camera flies as the step starts; none: the scene's own camera. */
    camera: TourCameraSchema.optional(),
    /** Layers of the step's scene shown (true) or hidden (false) over the scene's own choice. */
    layers: z
      .record(LayerIdSchema, z.boolean(expected('true (shown) or false (hidden)')))
      .refine((r) => Object.keys(r).length <= 100, 'at most 100 layers')
      .optional(),
    highlight: TourHighlightSchema.optional(),
    caption: z.object({
      zh: chars(TOUR_LIMITS.captionZhChars),
      en: chars(TOUR_LIMITS.captionEnChars),
    }),
    /** For the presenter's view, never shown on the wall. */
    notes: z.string(expected('text')).max(TOUR_LIMITS.notesChars, `at most ${TOUR_LIMITS.notesChars} characters`).optional(),
    dwellMs: dwellMs(),
  })
  .superRefine((step, ctx) => {
    if (step.camera && step.camera.durationMs > step.dwellMs)
      ctx.addIssue({
        code: 'custom',
        path: ['camera', 'durationMs'],
        message: `the flight (${seconds(step.camera.durationMs)}) is longer than the step's dwell time (${seconds(step.dwellMs)})`,
      });
  });
export type TourStep = z.infer<typeof TourStepSchema>;

export const TourSchema = z.object({
  id: TourIdSchema,
  title: z.object({ zh: chars(TOUR_LIMITS.titleZhChars), en: chars(TOUR_LIMITS.titleEnChars) }),
  description: z.string(expected('text')).max(TOUR_LIMITS.descriptionChars, `at most ${TOUR_LIMITS.descriptionChars} characters`).optional(),
  steps: z
    .array(TourStepSchema)
    .min(1, 'a tour has at least one step')
    .max(TOUR_LIMITS.maxSteps, `at most ${TOUR_LIMITS.maxSteps} steps`),
});
export type Tour = z.infer<typeof TourSchema>;

// --- Problems in words ---------------------------------------------------------------------------

const FIELD_WORDS: Record<string, string> = {
  id: 'tour id',
  title: 'title',
  description: 'description',
  steps: 'steps',
  scene: 'scene',
  camera: 'camera',
  target: 'target',
  durationMs: 'duration',
  easing: 'easing',
  layers: 'layers',
  highlight: 'highlight',
  caption: 'caption',
  zh: 'Chinese',
  en: 'English',
  notes: 'presenter notes',
  dwellMs: 'dwell time',
  district: 'district',
  center: 'centre',
  zoom: 'zoom',
  pitch: 'pitch',
  bearing: 'bearing',
  point: 'point',
  label: 'label',
  event: 'event',
};

/** "Step 3 · camera · duration" for the path steps.2.camera.durationMs (relative to a tour). */
export function tourFieldWords(path: readonly PropertyKey[]): string {
  const words: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const p = path[i];
    const parent = path[i - 1];
    if (p === 'steps' && typeof path[i + 1] === 'number') {
      words.push(`Step ${(path[i + 1] as number) + 1}`);
      i++;
    } else if (typeof p === 'number' && (parent === 'center' || parent === 'point')) words.push(p === 0 ? 'longitude' : 'latitude');
    else if (parent === 'layers') words.push(String(p)); // a layer id
    else words.push(FIELD_WORDS[String(p)] ?? String(p));
  }
  const text = words.join(' · ') || 'tour';
  return text[0].toUpperCase() + text.slice(1);
}

const missing = (issue: z.core.$ZodIssue) =>
  issue.code === 'invalid_type' && (issue.message === 'missing' || ('input' in issue ? issue.input === undefined : /received undefined/.test(issue.message)));

/** The branch of a union that the value came closest to; null when it is not clear which was meant. */
function closestBranch(issue: z.core.$ZodIssue & { code: 'invalid_union' }): z.core.$ZodIssue[] | null {
  // Branches are strict objects: a key of another branch counts against this one, so the fewest
  // problems point at the branch meant. A tie of branches that only miss keys means none was.
  const branches = issue.errors.filter((b) => b.length).sort((a, b) => a.length - b.length);
  const [best, second] = branches;
  if (!best) return null;
  const vague = (b: z.core.$ZodIssue[]) => b.every((i) => missing(i) || i.code === 'unrecognized_keys');
  if (second && second.length === best.length && vague(best) && vague(second)) return null;
  return best;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (missing(issue)) return 'missing';
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  // zod's own words for the bounds of shared schemas (a point's longitude): said as ours are.
  if (issue.code === 'too_big' && issue.message.startsWith('Too big')) return `must be at most ${String(issue.maximum)}`;
  if (issue.code === 'too_small' && issue.message.startsWith('Too small')) return `must be at least ${String(issue.minimum)}`;
  return issue.message;
}

/** One zod issue of a tour (path relative to the tour) in words naming the step and field. */
export function tourIssueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union') {
    const branch = closestBranch(issue);
    if (branch) return tourIssueText({ ...branch[0], path: [...issue.path, ...branch[0].path] } as z.core.$ZodIssue);
  }
  return `${tourFieldWords(issue.path)}: ${issueMessage(issue)}`;
}

/** What a tour's meaning is checked against: the scenes a hub serves or a designer knows, and the city. */
export interface TourWorld {
  scenes: ReadonlyMap<string, { layers: readonly { id: string }[] }>;
  districtCodes?: ReadonlySet<string>;
  /** [west, south, east, north], with a margin. */
  bounds?: readonly [number, number, number, number];
}

/** At most this many problems are listed: a tour broken everywhere needs the first few fixed first. */
export const MAX_TOUR_PROBLEMS = 20;

function placeProblem(where: string, target: { district: string } | { center: [number, number] } | { point: [number, number] }, world: TourWorld): string | null {
  if ('district' in target) {
    return world.districtCodes && !world.districtCodes.has(target.district) ? `${where} · district: no district "${target.district}" in the city` : null;
  }
  const [lon, lat] = 'center' in target ? target.center : target.point;
  const b = world.bounds;
  if (b && (lon < b[0] || lon > b[2] || lat < b[1] || lat > b[3])) return `${where}: ${lon}, ${lat} is outside the city`;
  return null;
}

/** The meaning of a well-formed tour against `world`, in words; empty when it makes sense. */
export function tourMeaningProblems(tour: Tour, world: TourWorld): string[] {
  const problems: string[] = [];
  tour.steps.forEach((step, i) => {
    const at = `Step ${i + 1}`;
    const scene = world.scenes.get(step.scene);
    if (!scene) problems.push(`${at} · scene: no scene "${step.scene}"`);
    else
      for (const id of Object.keys(step.layers ?? {}))
        if (!scene.layers.some((l) => l.id === id)) problems.push(`${at} · layers · ${id}: scene "${step.scene}" has no layer "${id}"`);
    const camera = step.camera && placeProblem(`${at} · camera · target`, step.camera.target, world);
    if (camera) problems.push(camera);
    const h = step.highlight;
    const highlight = h && !('event' in h) && placeProblem(`${at} · highlight`, h, world);
    if (highlight) problems.push(highlight);
  });
  return problems.slice(0, MAX_TOUR_PROBLEMS);
}

/**
 * Everything wrong with a tour, in words naming the step and field: its shape first, then (when
 * the shape is right and a world is given) its meaning. Empty when it can be played. For the hub
 * (at start) and the designer (as the tour is edited).
 */
export function tourProblems(raw: unknown, world?: TourWorld): string[] {
  const parsed = TourSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return parsed.error.issues.slice(0, MAX_TOUR_PROBLEMS).map(tourIssueText);
  return world ? tourMeaningProblems(parsed.data, world) : [];
}

/** What the hub freezes of a tour when it starts (tour-sequence.ts). */
export const planOf = (tour: Tour): TourPlan => tour.steps.map((s) => ({ scene: s.scene, dwellMs: s.dwellMs }));

/** A tour by scene and id among `scenes`. */
export function findTour(scenes: { get(id: string): { tours?: readonly Tour[] } | undefined }, scene: string, tour: string): Tour | undefined {
  return scenes.get(scene)?.tours?.find((t) => t.id === tour);
}

/** Total dwell of a tour, ms: what a briefing takes when nobody pauses it. */
export const tourLengthMs = (tour: { steps: readonly { dwellMs: number }[] }) => tour.steps.reduce((sum, s) => sum + s.dwellMs, 0);
