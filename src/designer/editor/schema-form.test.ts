import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LAYER_KINDS } from '../../modules/registry.ts';
import { checkFieldValue, describeField, describeStyle, fieldText, parseFieldText } from './schema-form.ts';

const kinds = [...LAYER_KINDS.values()];

describe('describeStyle over every registered kind', () => {
  it.each(kinds.map((k) => [k.kind, k] as const))('%s: each field has a label, a default and a type', (_, kind) => {
    const fields = describeStyle(kind.style);
    expect(fields.map((f) => f.key)).toEqual(Object.keys(kind.style.shape));
    for (const f of fields) {
      expect(f.label, f.key).not.toBe(f.key);
      expect(f.label.length, f.key).toBeGreaterThan(3);
      expect(f.default, f.key).not.toBeUndefined();
      expect(f.type, f.key).not.toBe('json');
    }
  });

  it.each(kinds.map((k) => [k.kind, k] as const))('%s: the defaults parse back to themselves, as values and as typed text', (_, kind) => {
    const fields = describeStyle(kind.style);
    const defaults = Object.fromEntries(fields.map((f) => [f.key, f.default]));
    expect(kind.style.parse(defaults)).toEqual(kind.style.parse({}));
    for (const f of fields) {
      expect(checkFieldValue(f, f.default), f.key).toEqual({ ok: true, value: f.default });
      const typed = parseFieldText(f, fieldText(f, f.default));
      expect(typed, f.key).toEqual({ ok: true, value: f.default });
    }
  });

  it('is computed once per schema', () => {
    const k = kinds[0];
    expect(describeStyle(k.style)).toBe(describeStyle(k.style));
  });
});

describe('describeField', () => {
  it('reads bounds, exclusiveness and a step for numbers', () => {
    const opacity = describeField('opacity', z.number().min(0).max(1).default(0.8).describe('Opacity'));
    expect(opacity).toMatchObject({ type: 'number', min: 0, max: 1, minExclusive: false, slider: true, step: 0.01, label: 'Opacity', labelZh: '透明度', default: 0.8 });
    const scale = describeField('scale', z.number().positive().max(1000).default(1).describe('Size'));
    expect(scale).toMatchObject({ type: 'number', min: 0, minExclusive: true, max: 1000 });
    if (scale.type === 'number') expect(scale.step).toBeLessThanOrEqual(0.1);
    const count = describeField('count', z.number().int().min(0).max(5000).default(60).describe('How many'));
    expect(count).toMatchObject({ type: 'number', int: true });
    if (count.type === 'number') expect(Number.isInteger(count.step)).toBe(true);
    expect(describeField('free', z.number().default(3).describe('Any'))).toMatchObject({ type: 'number', min: null, max: null, slider: false });
  });

  it('knows switches, selects, colours, text and lists of numbers', () => {
    expect(describeField('on', z.boolean().default(true).describe('On'))).toMatchObject({ type: 'boolean', default: true });
    expect(describeField('mode', z.enum(['fill', 'line']).default('fill').describe('Mode'))).toMatchObject({ type: 'enum', options: ['fill', 'line'] });
    expect(describeField('colour', z.string().regex(/^#[0-9a-f]{6}$/i).default('#3fd0ff').describe('Colour'))).toMatchObject({ type: 'colour' });
    expect(describeField('url', z.string().min(1).default('/a.glb').describe('File'))).toMatchObject({ type: 'text' });
    expect(describeField('code', z.string().regex(/^[A-Z]{3}$/).default('ABC').describe('Code'))).toMatchObject({ type: 'text' });
    expect(describeField('ramp', z.array(z.number()).max(8).default([1, 2]).describe('Stops'))).toMatchObject({ type: 'numbers', length: null });
    expect(describeField('at', z.tuple([z.number(), z.number()]).default([1, 2]).describe('Where'))).toMatchObject({ type: 'numbers', length: 2 });
  });

  it('takes the description from either side of .default()', () => {
    expect(describeField('a', z.number().describe('Inner words').default(1)).label).toBe('Inner words');
    expect(describeField('b', z.number().default(1)).label).toBe('b');
  });

  it('falls back to JSON for types it has no control for, still checked by the schema', () => {
    const auto = describeField('height', z.union([z.number().min(0), z.literal('auto')]).default('auto').describe('Height'));
    expect(auto.type).toBe('json');
    expect(parseFieldText(auto, '"auto"')).toEqual({ ok: true, value: 'auto' });
    expect(parseFieldText(auto, '12')).toEqual({ ok: true, value: 12 });
    expect(parseFieldText(auto, '{"a": ')).toMatchObject({ ok: false, error: 'is not valid JSON' });
    expect(parseFieldText(auto, '-1')).toMatchObject({ ok: false });
    // The kind may take an object, but a scene file's style holds text, numbers, on/off or numbers only.
    const pair = describeField('pair', z.object({ a: z.number() }).default({ a: 1 }).describe('A pair'));
    expect(pair.type).toBe('json');
    expect(parseFieldText(pair, '{"a": 2}')).toMatchObject({ ok: false });
    const mixed = describeField('mixed', z.union([z.number(), z.string()]).default(1).describe('Either'));
    expect(mixed.type).toBe('json');
    expect(parseFieldText(mixed, '"x"')).toEqual({ ok: true, value: 'x' });
    // A value the scene file cannot hold as a style value (null) is refused even if the kind took it.
    expect(parseFieldText(describeField('n', z.number().nullable().default(null).describe('N')), 'null')).toMatchObject({ ok: false });
  });
});

describe('typed text', () => {
  const opacity = describeField('opacity', z.number().min(0).max(1).default(0.8).describe('Opacity'));
  const at = describeField('at', z.tuple([z.number().min(-180).max(180), z.number()]).default([1, 2]).describe('Where'));
  const colour = describeField('colour', z.string().regex(/^#[0-9a-f]{6}$/).default('#3fd0ff').describe('Colour'));

  it('refuses what is not a number instead of reading it as 0', () => {
    for (const t of ['', ' ', 'abc', '1,5', '0x10', 'Infinity', '1e999']) expect(parseFieldText(opacity, t).ok, JSON.stringify(t)).toBe(false);
    expect(parseFieldText(opacity, ' .5 ')).toEqual({ ok: true, value: 0.5 });
  });

  it('says what is wrong in plain words', () => {
    expect(parseFieldText(opacity, '2')).toEqual({ ok: false, error: 'must be at most 1' });
    expect(parseFieldText(opacity, '-1')).toEqual({ ok: false, error: 'must be at least 0' });
    expect(parseFieldText(colour, 'red')).toEqual({ ok: false, error: 'must be a colour like #3fd0ff' });
    expect(parseFieldText(at, '1, 2, 3')).toMatchObject({ ok: false, error: 'needs 2 numbers, separated by commas' });
    expect(parseFieldText(at, '200, 2')).toEqual({ ok: false, error: 'must be at most 180' });
  });

  it('reads comma-separated numbers, Chinese commas too', () => {
    expect(parseFieldText(at, '106.5，29.5')).toEqual({ ok: true, value: [106.5, 29.5] });
    expect(fieldText(at, [106.5, 29.5])).toBe('106.5, 29.5');
  });

  it('keeps text within what a scene file holds (200 characters)', () => {
    const label = describeField('label', z.string().default('').describe('Name'));
    expect(parseFieldText(label, 'x'.repeat(201))).toEqual({ ok: false, error: 'must be at most 200 characters' });
  });
});
