/**
 * Form fields generated from a layer kind's style schema (a zod 4 strict object whose fields carry
 * `.default()` and `.describe()`), so adding a style field to a module adds it to the designer with
 * no form code. What zod does not say (a slider's step) is guessed from the bounds; a type the
 * form does not know falls back to JSON text, still checked by the field's own schema.
 */
import type { z } from 'zod';
import { SceneLayerSchema } from '../../hub/contract.ts';
import { styleFieldZh } from './field-names.ts';
import { issueWords } from './issue-words.ts';

interface FieldBase {
  key: string;
  /** The field's `.describe()` text (the key when it has none). */
  label: string;
  /** A Chinese name for the field where one is known (field-names.ts). */
  labelZh: string | null;
  /** What the wall uses when the scene leaves the field out; undefined when the schema has no default. */
  default: unknown;
  /** The field's own schema: every value typed is checked with it before it reaches the scene. */
  schema: z.ZodType;
}

export type FieldDescriptor =
  | (FieldBase & {
      type: 'number';
      min: number | null;
      max: number | null;
      /** Whether `min` / `max` themselves are refused (`.positive()`, `.gt()`). */
      minExclusive: boolean;
      maxExclusive: boolean;
      int: boolean;
      /** A slider's step, guessed from the bounds and the default. */
      step: number;
      /** Both bounds known: a slider beside the number. */
      slider: boolean;
    })
  | (FieldBase & { type: 'boolean' })
  | (FieldBase & { type: 'enum'; options: string[] })
  | (FieldBase & { type: 'colour' })
  | (FieldBase & { type: 'text'; maxLength: number | null })
  | (FieldBase & { type: 'numbers'; length: number | null })
  | (FieldBase & { type: 'json' });

export type FieldType = FieldDescriptor['type'];

interface Def {
  type: string;
  innerType?: z.ZodType;
  entries?: Record<string, unknown>;
  element?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
}
/** A check as zod 4 keeps it in the schema's def (the bag it also fills is not filled eagerly). */
interface CheckDef {
  check: string;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  maximum?: number;
}

const defOf = (s: z.ZodType) => s._zod.def as unknown as Def;
const checksOf = (s: z.ZodType): CheckDef[] =>
  ((s._zod.def as { checks?: { _zod: { def: unknown } }[] }).checks ?? []).map((c) => c._zod.def as CheckDef);

/** Wrappers that change neither what a field holds nor how it is edited. */
const TRANSPARENT = new Set(['default', 'prefault', 'optional', 'readonly', 'catch']);

/** The schema under its wrappers, and the first description met on the way in. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; description: string | undefined } {
  let inner = schema;
  let description = schema.description;
  while (TRANSPARENT.has(defOf(inner).type) && defOf(inner).innerType) {
    inner = defOf(inner).innerType!;
    description ??= inner.description;
  }
  return { inner, description };
}

const isNumber = (s: z.ZodType) => defOf(unwrap(s).inner).type === 'number';

const pow10 = (e: number) => Number(`1e${e}`);

/** About a hundred to a thousand steps over the range, never coarser than a tenth of the default. */
function guessStep(min: number | null, max: number | null, int: boolean, dflt: unknown): number {
  let step = min !== null && max !== null && max > min ? pow10(Math.floor(Math.log10((max - min) * 1.25)) - 2) : 1;
  if (typeof dflt === 'number' && dflt !== 0) step = Math.min(step, pow10(Math.floor(Math.log10(Math.abs(dflt))) - 1));
  return int ? Math.max(1, Math.round(step)) : step;
}

function numberField(base: FieldBase, inner: z.ZodType): FieldDescriptor {
  let min: number | null = null;
  let max: number | null = null;
  let minExclusive = false;
  let maxExclusive = false;
  let int = false;
  for (const c of checksOf(inner)) {
    if (c.check === 'greater_than' && typeof c.value === 'number' && (min === null || c.value >= min)) {
      minExclusive = c.value === min ? minExclusive || !c.inclusive : !c.inclusive;
      min = c.value;
    } else if (c.check === 'less_than' && typeof c.value === 'number' && (max === null || c.value <= max)) {
      maxExclusive = c.value === max ? maxExclusive || !c.inclusive : !c.inclusive;
      max = c.value;
    } else if (c.check === 'number_format' && /int/.test(c.format ?? '')) int = true;
  }
  const step = guessStep(min, max, int, base.default);
  return { ...base, type: 'number', min, max, minExclusive, maxExclusive, int, step, slider: min !== null && max !== null };
}

/** A string whose pattern takes "#3fd0ff" and refuses words is a colour (the one form <input type=color> writes). */
function isColour(inner: z.ZodType): boolean {
  const patterned = checksOf(inner).some((c) => c.pattern instanceof RegExp);
  return patterned && inner.safeParse('#3fd0ff').success && inner.safeParse('#000000').success && !inner.safeParse('none').success;
}

/** The form field for one style key. */
export function describeField(key: string, schema: z.ZodType): FieldDescriptor {
  const { inner, description } = unwrap(schema);
  const dflt = schema.safeParse(undefined);
  const base: FieldBase = {
    key,
    label: description?.trim() || key,
    labelZh: styleFieldZh(key),
    default: dflt.success ? dflt.data : undefined,
    schema,
  };
  const def = defOf(inner);
  switch (def.type) {
    case 'number':
      return numberField(base, inner);
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'enum': {
      const options = Object.values(def.entries ?? {}).filter((v): v is string => typeof v === 'string');
      return options.length ? { ...base, type: 'enum', options } : { ...base, type: 'json' };
    }
    case 'string':
      if (isColour(inner)) return { ...base, type: 'colour' };
      return { ...base, type: 'text', maxLength: checksOf(inner).find((c) => c.check === 'max_length')?.maximum ?? null };
    case 'array':
      return def.element && isNumber(def.element) ? { ...base, type: 'numbers', length: null } : { ...base, type: 'json' };
    case 'tuple':
      return def.items?.length && !def.rest && def.items.every(isNumber) ? { ...base, type: 'numbers', length: def.items.length } : { ...base, type: 'json' };
    default:
      return { ...base, type: 'json' };
  }
}

const FORMS = new WeakMap<z.ZodType, FieldDescriptor[]>();

/** Every field of a style schema, in the schema's order; computed once per schema. */
export function describeStyle(style: z.ZodObject): FieldDescriptor[] {
  let form = FORMS.get(style);
  if (!form) {
    form = Object.entries(style.shape as Record<string, z.ZodType>).map(([key, s]) => describeField(key, s));
    FORMS.set(style, form);
  }
  return form;
}

export type FieldCheck = { ok: true; value: unknown } | { ok: false; error: string };

const StyleRecord = SceneLayerSchema.shape.style;

/**
 * Whether `value` may be stored in the field: the kind's schema for the field and the contract's
 * rule for any style value (text, number, on/off or up to 16 numbers) must both take it.
 */
export function checkFieldValue(field: FieldDescriptor, value: unknown): FieldCheck {
  if (value === undefined) return { ok: false, error: 'must have a value' };
  const own = field.schema.safeParse(value);
  if (!own.success) return { ok: false, error: issueWords(own.error.issues[0]) };
  const stored = StyleRecord.safeParse({ [field.key]: value });
  if (!stored.success) return { ok: false, error: issueWords(stored.error.issues[0]) };
  return { ok: true, value };
}

/** How a value reads in the field's text box. */
export function fieldText(field: FieldDescriptor, value: unknown): string {
  if (value === undefined) return '';
  switch (field.type) {
    case 'numbers':
      return Array.isArray(value) ? value.join(', ') : JSON.stringify(value);
    case 'number':
      return typeof value === 'number' ? String(value) : JSON.stringify(value);
    case 'text':
    case 'colour':
    case 'enum':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'boolean':
      return String(value);
    case 'json':
      return JSON.stringify(value);
  }
}

/** A number as typed: refuses what Number() would quietly read as 0 ("", " ") or half-read. */
function parseNumber(text: string): number | null {
  const t = text.trim().replace(/，/g, ',');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  return Number(t);
}

/** Reads what was typed into the field and checks it: the value to store, or why not. */
export function parseFieldText(field: FieldDescriptor, text: string): FieldCheck {
  switch (field.type) {
    case 'number': {
      const n = parseNumber(text);
      return n === null ? { ok: false, error: text.trim() ? 'must be a number' : 'enter a number' } : checkFieldValue(field, n);
    }
    case 'numbers': {
      const parts = text.split(/[\s,，;]+/).filter(Boolean);
      const values = parts.map(parseNumber);
      const bad = values.indexOf(null);
      if (bad >= 0) return { ok: false, error: `“${parts[bad]}” is not a number` };
      if (field.length !== null && values.length !== field.length) return { ok: false, error: `needs ${field.length} numbers, separated by commas` };
      return checkFieldValue(field, values);
    }
    case 'boolean':
      return text === 'true' || text === 'false' ? checkFieldValue(field, text === 'true') : { ok: false, error: 'must be on or off' };
    case 'json': {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return { ok: false, error: 'is not valid JSON' };
      }
      return checkFieldValue(field, value);
    }
    default:
      return checkFieldValue(field, text);
  }
}

/** Equal as style values (arrays by their items): an edit to the same value is no edit. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
  return false;
}
