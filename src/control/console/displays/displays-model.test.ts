import { describe, expect, it } from 'vitest';
import { ApproveRequestSchema } from '../../../hub/enrolment.ts';
import {
  EMPTY_DRAFT,
  FIELD_LABELS,
  NEW_WALL,
  approveWarnings,
  checkApprove,
  checkWallName,
  describeReplacements,
  describeSlot,
  draftFromPending,
  formatAgo,
  formatCode,
  formatLeft,
  groupByWall,
  normaliseCode,
  sortPending,
  type ApproveDraft,
  type ApproveField,
} from './displays-model.ts';
import { T0, enrolled, pending } from './displays-fixture.ts';

const valid: ApproveDraft = { ...EMPTY_DRAFT, code: '123 456', wall: 'main', display: 'left' };
const errorsOf = (patch: Partial<ApproveDraft>) => {
  const r = checkApprove({ ...valid, ...patch });
  return r.ok ? {} : r.errors;
};

describe('approve form', () => {
  it('turns a valid form into the request the contract accepts', () => {
    const single = checkApprove(valid);
    expect(single).toEqual({ ok: true, request: { code: '123456', slot: { wall: 'main', display: 'left', grid: null } } });
    const grid = checkApprove({ ...valid, code: ' 654-321 ', wall: NEW_WALL, newWall: ' lobby-2 ', display: ' b ', layout: 'grid', cols: '3', rows: '2', col: '2', row: '1' });
    expect(grid).toEqual({ ok: true, request: { code: '654321', slot: { wall: 'lobby-2', display: 'b', grid: { cols: 3, rows: 2, col: 2, row: 1 } } } });
    if (grid.ok) expect(ApproveRequestSchema.safeParse(grid.request).success).toBe(true);
    // A single display ignores the grid fields, whatever they hold.
    expect(checkApprove({ ...valid, cols: 'x', col: '99' }).ok).toBe(true);
  });

  it('accepts the code as the screen shows it or as a Chinese IME types it', () => {
    expect(normaliseCode('１２３ ４５６')).toBe('123456');
    expect(normaliseCode('123-456')).toBe('123456');
    expect(checkApprove({ ...valid, code: '１２３４５６' }).ok).toBe(true);
  });

  it('names the field in every error, all at once, in plain words', () => {
    const cases: [Partial<ApproveDraft>, ApproveField, RegExp][] = [
      [{ code: '' }, 'code', /required/],
      [{ code: '12345' }, 'code', /6 digits.*this has 5 digit/],
      [{ code: '12345a' }, 'code', /other characters/],
      [{ code: '1234567' }, 'code', /6 digits/],
      [{ wall: '' }, 'wall', /choose a wall/],
      [{ wall: NEW_WALL, newWall: '' }, 'newWall', /required/],
      [{ wall: NEW_WALL, newWall: 'Lobby' }, 'newWall', /lower-case only: “lobby”/],
      [{ wall: NEW_WALL, newWall: 'lobby hall' }, 'newWall', /no spaces/],
      [{ wall: NEW_WALL, newWall: 'x'.repeat(41) }, 'newWall', /at most 40 characters \(this has 41\)/],
      [{ wall: NEW_WALL, newWall: 'lobby_1' }, 'newWall', /letters a–z, digits 0–9 and dashes/],
      [{ display: '' }, 'display', /required/],
      [{ display: 'Left' }, 'display', /lower-case only/],
      [{ display: '左屏' }, 'display', /letters a–z/],
      [{ layout: 'grid', cols: '0' }, 'cols', /1 to 8/],
      [{ layout: 'grid', cols: '9' }, 'cols', /1 to 8/],
      [{ layout: 'grid', cols: '' }, 'cols', /whole number/],
      [{ layout: 'grid', cols: '2.5' }, 'cols', /whole number/],
      [{ layout: 'grid', rows: '5' }, 'rows', /1 to 4/],
      [{ layout: 'grid', col: '-1' }, 'col', /from 0/],
      [{ layout: 'grid', row: 'top' }, 'row', /from 0/],
      [{ layout: 'grid', cols: '2', col: '2' }, 'col', /less than the columns \(2\): 0 to 1/],
      [{ layout: 'grid', rows: '1', row: '1' }, 'row', /less than the rows \(1\): 0 to 0/],
    ];
    for (const [patch, field, words] of cases) {
      const errors = errorsOf(patch);
      expect(Object.keys(errors), JSON.stringify(patch)).toEqual([field]);
      expect(errors[field]!.startsWith(`${FIELD_LABELS[field]}: `)).toBe(true);
      expect(errors[field]).toMatch(words);
    }
    // Everything wrong at once: one error per field, each naming its field.
    const all = errorsOf({ code: 'abc', wall: NEW_WALL, newWall: 'A B', display: '', layout: 'grid', cols: '12', rows: '0', col: '8', row: '4' });
    expect(Object.keys(all).sort()).toEqual(['code', 'col', 'cols', 'display', 'newWall', 'row', 'rows']);
    for (const [field, message] of Object.entries(all)) expect(message.startsWith(`${FIELD_LABELS[field as ApproveField]}: `)).toBe(true);
  });

  it('fills the form from a pending request: its code and the slot it asked for', () => {
    const p = pending({ hint: { wall: 'lobby', display: 'b', grid: { cols: 2, rows: 2, col: 1, row: 0 } } });
    expect(draftFromPending(p, ['main', 'lobby'])).toEqual({ ...EMPTY_DRAFT, code: '123 456', wall: 'lobby', newWall: '', display: 'b', layout: 'grid', cols: '2', rows: '2', col: '1', row: '0' });
    // A wall the hub does not know yet becomes "new wall…" with the name filled in.
    const fresh = draftFromPending(p, ['main']);
    expect([fresh.wall, fresh.newWall]).toEqual([NEW_WALL, 'lobby']);
    // A single-display hint keeps the grid numbers the operator had typed, for when they switch back.
    const single = draftFromPending(pending({ hint: { wall: 'main', display: 'a', grid: null } }), ['main'], { ...EMPTY_DRAFT, cols: '4' });
    expect([single.layout, single.cols]).toEqual(['single', '4']);
    expect(checkApprove(draftFromPending(p, ['main'])).ok).toBe(true);
  });

  it('checks a new wall name like the hub, and refuses one that exists', () => {
    expect(checkWallName(' lobby ')).toEqual({ ok: true, wall: 'lobby' });
    expect(checkWallName('main', ['main'])).toEqual({ ok: false, error: '大屏名称 Wall name: “main” already exists' });
    const bad = checkWallName('Lobby');
    expect(bad.ok || bad.error).toBe('大屏名称 Wall name: lower-case only: “lobby”');
    expect(checkWallName('').ok).toBe(false);
  });
});

describe('what an approval replaces', () => {
  const left = enrolled();
  const middle = enrolled({ id: 'dev-bbbbbbbb01', slot: { wall: 'main', display: 'middle', grid: { cols: 3, rows: 1, col: 1, row: 0 } } });
  const elsewhere = enrolled({ id: 'dev-cccccccc01', slot: { wall: 'lobby', display: 'left', grid: null } });

  it('finds the display enrolled in the same slot (wall + display id), only in that wall', () => {
    expect(approveWarnings({ wall: 'main', display: 'left', grid: { cols: 3, rows: 1, col: 0, row: 0 } }, [left, middle, elsewhere]).replaces).toBe(left);
    expect(approveWarnings({ wall: 'main', display: 'right', grid: { cols: 3, rows: 1, col: 2, row: 0 } }, [left, middle, elsewhere])).toEqual({ replaces: null, sameCell: [], otherLayout: null });
    expect(approveWarnings({ wall: 'other', display: 'left', grid: null }, [left]).replaces).toBeNull();
  });

  it('notices another display in the same cell, and a wall split another way', () => {
    const w = approveWarnings({ wall: 'main', display: 'spare', grid: { cols: 3, rows: 1, col: 1, row: 0 } }, [left, middle]);
    expect(w.sameCell).toEqual([middle]);
    expect(approveWarnings({ wall: 'main', display: 'spare', grid: { cols: 2, rows: 1, col: 0, row: 0 } }, [left]).otherLayout).toBe('3×1');
    expect(approveWarnings({ wall: 'main', display: 'spare', grid: null }, [left]).otherLayout).toBe('3×1');
    // Single displays of one wall all show the whole picture: not a clash.
    expect(approveWarnings({ wall: 'lobby', display: 'right', grid: null }, [elsewhere])).toEqual({ replaces: null, sameCell: [], otherLayout: null });
  });
});

describe('wording', () => {
  it('shows the code as the screen does, and slots as wall · display · cell', () => {
    expect(formatCode('123456')).toBe('123 456');
    expect(describeSlot({ wall: 'main', display: 'left', grid: { cols: 3, rows: 1, col: 0, row: 0 } })).toBe('main · left · 3×1 · col 0, row 0');
    expect(describeSlot({ wall: 'main', display: 'a', grid: null })).toBe('main · a · 单屏 single');
  });

  it('says ages and time left in short words', () => {
    expect([formatAgo(500), formatAgo(12_000), formatAgo(185_000), formatAgo(3 * 3_600_000), formatAgo(72 * 3_600_000), formatAgo(-5_000)]).toEqual([
      'just now',
      '12 s ago',
      '3 min ago',
      '3 h ago',
      '3 d ago',
      'just now',
    ]);
    expect([formatLeft(42_000), formatLeft(545_000), formatLeft(0), formatLeft(-1)]).toEqual(['42 s', '9 min 05 s', null, null]);
  });

  it('says replaced connections with the last time, in Chongqing time', () => {
    expect(describeReplacements({ replacements: 0, replacedAt: null }, T0)).toBeNull();
    expect(describeReplacements({ replacements: 2, replacedAt: T0 - 60_000 }, T0)).toBe('2× replaced, last 18:19');
    expect(describeReplacements({ replacements: 1, replacedAt: T0 - 86_400_000 }, T0)).toMatch(/^1× replaced, last 5月19日 18:20$/);
  });

  it('groups enrolled displays by wall, empty walls included, cells in order', () => {
    const b = enrolled({ id: 'dev-bbbbbbbb01', slot: { wall: 'main', display: 'b', grid: { cols: 2, rows: 2, col: 0, row: 1 } } });
    const a = enrolled({ id: 'dev-aaaaaaaa01', slot: { wall: 'main', display: 'a', grid: { cols: 2, rows: 2, col: 1, row: 0 } } });
    const orphan = enrolled({ id: 'dev-cccccccc01', slot: { wall: 'annex', display: 'x', grid: null } });
    expect(groupByWall([b, a, orphan], ['main', 'lobby']).map((g) => [g.wall, g.displays.map((d) => d.slot.display)])).toEqual([
      ['annex', ['x']],
      ['lobby', []],
      ['main', ['a', 'b']],
    ]);
  });

  it('lists the request waiting longest first', () => {
    const older = pending({ code: '222222', requestedAt: T0 - 90_000 });
    expect(sortPending([pending(), older]).map((p) => p.code)).toEqual(['222222', '123456']);
  });
});
