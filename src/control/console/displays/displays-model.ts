/**
 * The Displays view's wording and rules, free of React: the approve form and its checks (the
 * contract's own schemas, with errors in plain words that name their field), what an approval would
 * replace, and how codes, slots, ages and replaced connections read to an operator.
 */
import { DisplayIdSchema, WallIdSchema } from '../../../hub/control.ts';
import {
  ApproveRequestSchema,
  PairingCodeSchema,
  SlotSchema,
  type ApproveRequest,
  type EnrolledDisplay,
  type PendingEnrolment,
  type Slot,
} from '../../../hub/enrolment.ts';
import { formatSince } from '../../../core/format.ts';

const GridSchema = SlotSchema.shape.grid.unwrap();
export type Grid = NonNullable<Slot['grid']>;

// --- Words ----------------------------------------------------------------------------------------

/** "123456" → "123 456": how the display shows it, so the operator can compare at a glance. */
export const formatCode = (code: string) => (/^\d{6}$/.test(code) ? `${code.slice(0, 3)} ${code.slice(3)}` : code);

/** What the operator typed, as a code: spaces and dashes dropped, full-width digits (a Chinese IME) made ASCII. */
export function normaliseCode(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/[\s\-·.]/g, '');
}

/** "3×1 · col 0, row 0" (0-based, as in the wall's URL ?grid=3x1&col=0&row=0), or "single display". */
export const describeCell = (grid: Grid | null) => (grid ? `${grid.cols}×${grid.rows} · col ${grid.col}, row ${grid.row}` : '单屏 single');

/** "main · left · 3×1 · col 0, row 0" */
export const describeSlot = (slot: Slot) => `${slot.wall} · ${slot.display} · ${describeCell(slot.grid)}`;

/** "12 s ago", "3 min ago", "2 h ago", "4 d ago" (the column heading says it in Chinese). */
export function formatAgo(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 2) return 'just now';
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}

/** Time left on a pending code: "9 min 05 s", "42 s", or null once it has expired. */
export function formatLeft(ms: number): string | null {
  if (ms <= 0) return null;
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** "2× replaced, last 18:20" (a day before the time when it was not today), or null when never. */
export function describeReplacements(d: Pick<EnrolledDisplay, 'replacements' | 'replacedAt'>, now: number): string | null {
  if (!d.replacements) return null;
  return `${d.replacements}× replaced${d.replacedAt ? `, last ${formatSince(d.replacedAt, now)}` : ''}`;
}

// --- Lists ----------------------------------------------------------------------------------------

const cellOrder = (a: Slot, b: Slot) =>
  (a.grid?.row ?? 0) - (b.grid?.row ?? 0) || (a.grid?.col ?? 0) - (b.grid?.col ?? 0) || a.display.localeCompare(b.display);

/** Enrolled displays by wall (every wall, empty ones too), walls by name, displays by cell. */
export function groupByWall(enrolled: EnrolledDisplay[], walls: string[]): { wall: string; displays: EnrolledDisplay[] }[] {
  const names = [...new Set([...walls, ...enrolled.map((d) => d.slot.wall)])].sort((a, b) => a.localeCompare(b));
  return names.map((wall) => ({ wall, displays: enrolled.filter((d) => d.slot.wall === wall).sort((a, b) => cellOrder(a.slot, b.slot)) }));
}

/** Oldest first: the request waiting longest is the one most likely to expire. */
export const sortPending = (pending: PendingEnrolment[]) => [...pending].sort((a, b) => a.requestedAt - b.requestedAt || a.code.localeCompare(b.code));

// --- The approve form -------------------------------------------------------------------------------

/** The wall select's "new wall…" choice (not a valid wall id, so it can never be sent). */
export const NEW_WALL = '+new';

/** The form as typed: strings, checked only when the operator approves. */
export interface ApproveDraft {
  code: string;
  /** An existing wall, NEW_WALL, or '' (not chosen yet). */
  wall: string;
  newWall: string;
  display: string;
  layout: 'single' | 'grid';
  cols: string;
  rows: string;
  col: string;
  row: string;
}
export type ApproveField = 'code' | 'wall' | 'newWall' | 'display' | 'cols' | 'rows' | 'col' | 'row';
export type FieldErrors = Partial<Record<ApproveField, string>>;

export const EMPTY_DRAFT: ApproveDraft = { code: '', wall: '', newWall: '', display: '', layout: 'single', cols: '2', rows: '1', col: '0', row: '0' };

export const FIELD_LABELS: Record<ApproveField, string> = {
  code: '配对码 Pairing code',
  wall: '大屏 Wall',
  newWall: '新大屏名称 New wall name',
  display: '显示器编号 Display id',
  cols: '列数 Columns',
  rows: '行数 Rows',
  col: '列 Column',
  row: '行 Row',
};

const said = (field: ApproveField, words: string) => `${FIELD_LABELS[field]}: ${words}`;

/** Why a wall or display id is refused, in words an operator can act on. */
function idProblem(raw: string): string | null {
  if (!raw) return '必填 required';
  if (raw.length > 40) return `at most 40 characters (this has ${raw.length})`;
  if (/[A-Z]/.test(raw) && /^[a-z0-9-]+$/.test(raw.toLowerCase())) return `lower-case only: “${raw.toLowerCase()}”`;
  if (/\s/.test(raw)) return 'no spaces: use dashes (-)';
  return 'only lower-case letters a–z, digits 0–9 and dashes (-)';
}

/** A wall name for POST /walls, checked like the hub checks it. */
export function checkWallName(raw: string, existing: string[] = []): { ok: true; wall: string } | { ok: false; error: string } {
  const wall = raw.trim();
  const label = '大屏名称 Wall name';
  if (!WallIdSchema.safeParse(wall).success) return { ok: false, error: `${label}: ${idProblem(wall)}` };
  if (existing.includes(wall)) return { ok: false, error: `${label}: “${wall}” already exists` };
  return { ok: true, wall };
}

/** "3" → 3; anything but plain digits → NaN (the schema then refuses it). */
const whole = (raw: string) => (/^\s*\d{1,3}\s*$/.test(raw) ? Number(raw) : NaN);

/**
 * The form checked with the contract's schemas, field by field, so every problem is shown at once
 * next to its field; then the whole request through ApproveRequestSchema, the very check the hub
 * makes, so nothing the hub would refuse for its shape is ever sent.
 */
export function checkApprove(draft: ApproveDraft): { ok: true; request: ApproveRequest } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const code = normaliseCode(draft.code);
  if (!code) errors.code = said('code', '必填 required: type the 6 digits shown on the screen');
  else if (!PairingCodeSchema.safeParse(code).success) errors.code = said('code', `6 digits, as shown on the screen (e.g. 123 456); this has ${code.replace(/\D/g, '').length} digit(s)${/\D/.test(code) ? ' and other characters' : ''}`);

  let wall = '';
  if (draft.wall === NEW_WALL) {
    wall = draft.newWall.trim();
    if (!WallIdSchema.safeParse(wall).success) errors.newWall = said('newWall', idProblem(wall) ?? '');
  } else if (!draft.wall) errors.wall = said('wall', 'choose a wall, or “new wall…”');
  else {
    wall = draft.wall;
    if (!WallIdSchema.safeParse(wall).success) errors.wall = said('wall', idProblem(wall) ?? '');
  }

  const display = draft.display.trim();
  if (!DisplayIdSchema.safeParse(display).success) errors.display = said('display', idProblem(display) ?? '');

  let grid: Grid | null = null;
  if (draft.layout === 'grid') {
    const g = { cols: whole(draft.cols), rows: whole(draft.rows), col: whole(draft.col), row: whole(draft.row) };
    const { shape } = GridSchema;
    if (!shape.cols.safeParse(g.cols).success) errors.cols = said('cols', 'a whole number from 1 to 8');
    if (!shape.rows.safeParse(g.rows).success) errors.rows = said('rows', 'a whole number from 1 to 4');
    const colOk = shape.col.safeParse(g.col).success;
    const rowOk = shape.row.safeParse(g.row).success;
    if (!colOk) errors.col = said('col', 'a whole number from 0 (the left-most column) to 7');
    if (!rowOk) errors.row = said('row', 'a whole number from 0 (the top row) to 3');
    // The cell must lie inside the grid (GridSchema's refinement), said of the field that is out.
    if (colOk && !errors.cols && g.col >= g.cols) errors.col = said('col', `must be less than the columns (${g.cols}): 0 to ${g.cols - 1}, counted from 0 on the left`);
    if (rowOk && !errors.rows && g.row >= g.rows) errors.row = said('row', `must be less than the rows (${g.rows}): 0 to ${g.rows - 1}, counted from 0 at the top`);
    grid = g;
  }

  if (Object.keys(errors).length) return { ok: false, errors };
  const parsed = ApproveRequestSchema.safeParse({ code, slot: { wall, display, grid } });
  if (parsed.success) return { ok: true, request: parsed.data };
  // Not reached while the checks above mirror the schema; if the contract tightens, its words still
  // land on a field.
  for (const issue of parsed.error.issues) {
    const field = fieldOfPath(issue.path, draft);
    errors[field] ??= said(field, issue.message);
  }
  return { ok: false, errors };
}

function fieldOfPath(path: PropertyKey[], draft: ApproveDraft): ApproveField {
  if (path[0] === 'code') return 'code';
  if (path[1] === 'wall') return draft.wall === NEW_WALL ? 'newWall' : 'wall';
  if (path[1] === 'grid') return (['cols', 'rows', 'col', 'row'] as const).find((f) => f === path[2]) ?? 'col';
  return 'display';
}

/** The form filled from a pending request: the slot the display asked for, which the operator may change. */
export function draftFromPending(p: PendingEnrolment, walls: string[], keep: ApproveDraft = EMPTY_DRAFT): ApproveDraft {
  const known = walls.includes(p.hint.wall);
  const g = p.hint.grid;
  return {
    ...keep,
    code: formatCode(p.code),
    wall: known ? p.hint.wall : NEW_WALL,
    newWall: known ? '' : p.hint.wall,
    display: p.hint.display,
    layout: g ? 'grid' : 'single',
    ...(g ? { cols: String(g.cols), rows: String(g.rows), col: String(g.col), row: String(g.row) } : {}),
  };
}

/** What an approval would do besides enrolling the display, for the operator to see first. */
export interface ApproveWarnings {
  /** The display enrolled in this slot now: approving revokes it. */
  replaces: EnrolledDisplay | null;
  /** Other displays of the wall in the same grid cell (two screens, one slice of the picture). */
  sameCell: EnrolledDisplay[];
  /** The wall's other displays split it differently ("3×1"), or as single displays ("single"). */
  otherLayout: string | null;
}

export function approveWarnings(slot: Slot, enrolled: EnrolledDisplay[]): ApproveWarnings {
  const wall = enrolled.filter((d) => d.slot.wall === slot.wall);
  const replaces = wall.find((d) => d.slot.display === slot.display) ?? null;
  const others = wall.filter((d) => d !== replaces);
  // Single displays of one wall all show the whole picture by design; grid cells should not repeat.
  const g = slot.grid;
  const sameCell = g ? others.filter((d) => d.slot.grid?.col === g.col && d.slot.grid.row === g.row && d.slot.grid.cols === g.cols && d.slot.grid.rows === g.rows) : [];
  const layoutOf = (g: Grid | null) => (g ? `${g.cols}×${g.rows}` : 'single');
  const other = others.map((d) => layoutOf(d.slot.grid)).find((l) => l !== layoutOf(slot.grid)) ?? null;
  return { replaces, sameCell, otherLayout: other };
}

/** Ties a confirmation to what was confirmed: another slot or another holder asks again. */
export const confirmKey = (request: ApproveRequest, replaces: EnrolledDisplay) => `${request.code}|${describeSlot(request.slot)}|${replaces.id}`;
