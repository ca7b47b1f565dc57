/**
 * Enrolled displays and revoked tokens, in the hub's database (PGlite on disk by default, or the
 * PostgreSQL server every hub process shares): both survive restarts, and nothing is ever evicted
 * while it still matters. A device credential is `<id>.<secret>`; only sha256(secret) is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Slot } from '../../src/hub/enrolment.ts';
import type { Sql } from '../events/store/sql.ts';
import { sameSecret, type RevocationList } from './auth.ts';

export interface Device {
  id: string;
  slot: Slot;
  enrolledAt: number;
  enrolledBy: string;
  lastSeenAt: number | null;
  lastAddress: string | null;
  replacements: number;
  replacedAt: number | null;
}

type DeviceRow = {
  id: string;
  wall: string;
  display: string;
  grid: Slot['grid'] | string | null;
  secret_hash: string;
  enrolled_at: number;
  enrolled_by: string;
  last_seen_at: number | null;
  last_address: string | null;
  replacements: number;
  replaced_at: number | null;
};

const COLUMNS = 'id, wall, display, grid, secret_hash, enrolled_at, enrolled_by, last_seen_at, last_address, replacements, replaced_at';
/** Last-seen is written at most this often per device (a token every few hours, a socket per connect). */
const SEEN_WRITE_GAP_MS = 60_000;

const hash = (secret: string) => createHash('sha256').update(secret).digest('base64url');

function toDevice(r: DeviceRow): Device {
  const grid = typeof r.grid === 'string' ? (JSON.parse(r.grid) as Slot['grid']) : r.grid;
  return {
    id: r.id,
    slot: { wall: r.wall, display: r.display, grid: grid ?? null },
    enrolledAt: Number(r.enrolled_at),
    enrolledBy: r.enrolled_by,
    lastSeenAt: r.last_seen_at === null ? null : Number(r.last_seen_at),
    lastAddress: r.last_address,
    replacements: r.replacements,
    replacedAt: r.replaced_at === null ? null : Number(r.replaced_at),
  };
}

export function deviceRegistry(sql: Sql, now: () => number = Date.now) {
  const seenWritten = new Map<string, number>();

  return {
    /**
     * Enrols a device into `slot`. A device already there is revoked in the same transaction (one
     * device per slot); its id comes back so its tokens and sockets can be cut off.
     */
    async enrol(slot: Slot, by: string): Promise<{ device: Device; credential: string; replaced: string | null }> {
      const id = `dev-${randomBytes(8).toString('hex')}`;
      const secret = randomBytes(32).toString('base64url');
      const at = now();
      const replaced = await sql.transaction(async (tx) => {
        const old = await tx.query<{ id: string }>(
          'UPDATE devices SET revoked_at = $3 WHERE wall = $1 AND display = $2 AND revoked_at IS NULL RETURNING id',
          [slot.wall, slot.display, at],
        );
        await tx.query(
          'INSERT INTO devices (id, wall, display, grid, secret_hash, enrolled_at, enrolled_by) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [id, slot.wall, slot.display, slot.grid === null ? null : JSON.stringify(slot.grid), hash(secret), at, by],
        );
        return old.rows[0]?.id ?? null;
      });
      const device: Device = { id, slot, enrolledAt: at, enrolledBy: by, lastSeenAt: null, lastAddress: null, replacements: 0, replacedAt: null };
      return { device, credential: `${id}.${secret}`, replaced };
    },

    /** The enrolled, unrevoked device a credential belongs to; null for anything else. */
    async byCredential(credential: string): Promise<Device | null> {
      const dot = credential.indexOf('.');
      if (dot < 0) return null;
      const { rows } = await sql.query<DeviceRow>(`SELECT ${COLUMNS} FROM devices WHERE id = $1 AND revoked_at IS NULL`, [credential.slice(0, dot)]);
      const row = rows[0];
      if (!row || !sameSecret(hash(credential.slice(dot + 1)), row.secret_hash)) return null;
      return toDevice(row);
    },

    async get(id: string): Promise<Device | null> {
      const { rows } = await sql.query<DeviceRow>(`SELECT ${COLUMNS} FROM devices WHERE id = $1 AND revoked_at IS NULL`, [id]);
      return rows[0] ? toDevice(rows[0]) : null;
    },

    /** Every enrolled (unrevoked) device, by wall and display. */
    async list(): Promise<Device[]> {
      const { rows } = await sql.query<DeviceRow>(`SELECT ${COLUMNS} FROM devices WHERE revoked_at IS NULL ORDER BY wall, display`);
      return rows.map(toDevice);
    },

    /** Walls that enrolled devices belong to (they exist again after a restart). */
    async walls(): Promise<string[]> {
      const { rows } = await sql.query<{ wall: string }>('SELECT DISTINCT wall FROM devices WHERE revoked_at IS NULL ORDER BY wall');
      return rows.map((r) => r.wall);
    },

    /** True when it was enrolled and is revoked now. */
    async revoke(id: string): Promise<boolean> {
      const r = await sql.transaction((tx) => tx.query('UPDATE devices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, now()]));
      return r.rowCount > 0;
    },

    /** Notes that the device was seen (token issued, socket connected); written at most once a minute. */
    async seen(id: string, address: string): Promise<void> {
      const at = now();
      if ((seenWritten.get(id) ?? -Infinity) > at - SEEN_WRITE_GAP_MS) return;
      seenWritten.set(id, at);
      if (seenWritten.size > 10_000) seenWritten.clear();
      await sql.transaction((tx) => tx.query('UPDATE devices SET last_seen_at = $2, last_address = $3 WHERE id = $1', [id, at, address.slice(0, 100)]));
    },

    /** A second connection of the device replaced the one before. */
    async replaced(id: string): Promise<void> {
      await sql.transaction((tx) => tx.query('UPDATE devices SET replacements = replacements + 1, replaced_at = $2 WHERE id = $1', [id, now()]));
    },
  };
}
export type DeviceRegistry = ReturnType<typeof deviceRegistry>;

/** How often expired revocations are deleted (they can no longer matter). */
const PURGE_EVERY_MS = 10 * 60_000;

/**
 * Revocations in the hub's database: durable, shared by every process on the same PostgreSQL, and
 * never dropped while the token could still verify (a row goes only after its token's expiry).
 */
export function sqlRevocations(sql: Sql, now: () => number = Date.now): RevocationList & { stop(): void } {
  const purge = setInterval(() => {
    sql.transaction((tx) => tx.query('DELETE FROM revoked_tokens WHERE expires_at <= $1', [now()])).catch(() => undefined);
  }, PURGE_EVERY_MS);
  purge.unref();
  return {
    async revoke(jti, expiresAtMs) {
      await sql.transaction((tx) =>
        tx.query(
          'INSERT INTO revoked_tokens (jti, expires_at) VALUES ($1, $2) ON CONFLICT (jti) DO UPDATE SET expires_at = GREATEST(revoked_tokens.expires_at, EXCLUDED.expires_at)',
          [jti, expiresAtMs],
        ),
      );
    },
    async isRevoked(jti) {
      const { rows } = await sql.query('SELECT 1 FROM revoked_tokens WHERE jti = $1 AND expires_at > $2', [jti, now()]);
      return rows.length > 0;
    },
    stop: () => clearInterval(purge),
  };
}
