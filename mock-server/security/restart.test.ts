// Revocation holds across a restart: a hub with a fixed token secret and its database on disk
// (the default `data/hub`), restarted, still refuses every token and display revoked before.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openSocket } from '../control-test-kit.ts';
import { attackedHub, type AttackedHub } from './attack-kit.ts';

vi.setConfig({ testTimeout: 120_000 });

const dir = mkdtempSync(join(tmpdir(), 'onescreen-restart-'));
const secret = 'restart-test-secret-0123456789abcdef';
const start = () => attackedHub({ tokenSecret: secret }, { HUB_DATA_DIR: dir });
let hub: AttackedHub | null = null;

afterAll(async () => {
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('after a restart', () => {
  it('revoked operator tokens and revoked displays stay refused; enrolled displays and their walls stay', async () => {
    hub = await start();
    const opToken = await hub.operatorToken();
    const revoked = await hub.operatorToken();
    const kept = await hub.enrol({ wall: 'lobby', display: 'd0', grid: null }, opToken);
    const gone = await hub.enrol({ wall: 'lobby', display: 'd1', grid: null }, opToken);
    const goneToken = await hub.displayToken(gone.credential);
    expect((await hub.post('/auth/revoke', {}, hub.bearer(revoked))).status).toBe(204);
    const del = await fetch(`${hub.hub.url}/api/v1/displays/${gone.device}`, { method: 'DELETE', headers: hub.bearer(opToken) });
    expect(del.status).toBe(204);
    await hub.close();

    hub = await start();
    // Signed by the same secret and unexpired, yet refused: the revocation was kept on disk.
    await expect(openSocket(hub.hub.url, { role: 'operator', token: revoked }, hub.sockets)).rejects.toThrow(/token revoked/);
    await expect(openSocket(hub.hub.url, { role: 'display', wall: 'lobby', display: 'd1', token: goneToken }, hub.sockets)).rejects.toThrow(/display revoked/);
    expect((await hub.post('/auth/display', { credential: gone.credential })).status).toBe(401);
    // The rest carries on: the operator's own token, the display that was not revoked, its wall.
    const op = await hub.operator(opToken);
    expect((await op.send('lobby', { type: 'highlight', target: null })).ok).toBe(true);
    const d = await hub.witness({ wall: 'lobby', display: 'd0', grid: null }, kept.credential);
    expect(d.socket.connected).toBe(true);
  });
});
