// The security suite's tools: a real hub (in process, outside demo mode, its log captured), a
// display enrolled the way a real one is (pairing code approved by an operator), and a witness on
// the wall that records every delta that reaches it.
import type { Socket } from 'socket.io-client';
import { CONTROL_EVENTS, TokenResponseSchema, WallDeltaSchema, type WallDelta } from '../../src/hub/control.ts';
import { EnrolAnswerSchema, type Slot } from '../../src/hub/enrolment.ts';
import type { Hub } from '../server.ts';
import type { ControlOptions } from '../control/config.ts';
import { openSocket, postJson, startQuietHub, waitFor } from '../control-test-kit.ts';

export const PASSWORD = 'attack-suite-password';

export interface LogLine {
  msg: string;
  fields?: Record<string, unknown>;
}

export async function attackedHub(control: Partial<ControlOptions> = {}, env: Record<string, string> = {}) {
  const lines: LogLine[] = [];
  const hub: Hub = await startQuietHub({
    log: (msg, fields) => void lines.push({ msg, ...(fields ? { fields } : {}) }),
    env: { HUB_EVENTS_RATE: '0', ...env },
    // Sign-ins per address are tested in rate-limit.test.ts and redis-scaleout.test.ts; here the suite signs in often.
    control: { operatorPassword: PASSWORD, designerPassword: `${PASSWORD}-designer`, walls: ['main'], loginAttemptsPerMinute: 200, ...control },
  });
  const sockets: Socket[] = [];
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => postJson(hub.url, path, body, headers);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function operatorToken(): Promise<string> {
    const res = await post('/auth/operator', { user: 'operator', password: PASSWORD });
    if (res.status !== 200) throw new Error(`operator sign-in: HTTP ${res.status}`);
    return TokenResponseSchema.parse(res.body).token;
  }

  /** Enrols a display as a real one is: it asks, an operator approves its code, it polls for its credential. */
  async function enrol(slot: Slot, opToken: string): Promise<{ credential: string; device: string }> {
    const asked = EnrolAnswerSchema.parse((await post('/enrol', { hint: slot })).body);
    if (asked.status !== 'pending') throw new Error(`expected a pairing code, got ${asked.status}`);
    const approved = await post('/displays/approve', { code: asked.code, slot }, bearer(opToken));
    if (approved.status !== 201) throw new Error(`approve: HTTP ${approved.status} ${JSON.stringify(approved.body)}`);
    const answer = EnrolAnswerSchema.parse((await post('/enrol/status', { requestId: asked.requestId })).body);
    if (answer.status !== 'approved') throw new Error(`expected approved, got ${answer.status}`);
    return { credential: answer.credential, device: answer.device };
  }

  async function displayToken(credential: string): Promise<string> {
    const res = await post('/auth/display', { credential });
    if (res.status !== 200) throw new Error(`display token: HTTP ${res.status}`);
    return TokenResponseSchema.parse(res.body).token;
  }

  /** A display on the wall that records every delta reaching it and acks each. */
  async function witness(slot: Slot, credential: string) {
    const socket = await openSocket(hub.url, { role: 'display', wall: slot.wall, display: slot.display, token: await displayToken(credential) }, sockets);
    const deltas: WallDelta[] = [];
    socket.on(CONTROL_EVENTS.delta, (raw: unknown) => {
      const delta = WallDeltaSchema.parse(raw);
      deltas.push(delta);
      socket.emit(CONTROL_EVENTS.ack, { rev: delta.rev, commandId: delta.commandId, ok: true });
    });
    await socket.emitWithAck(CONTROL_EVENTS.join, {});
    return { socket, deltas };
  }

  /** An operator socket: commands with their receipts, and the walls it is told about. */
  async function operator(token: string) {
    const socket = await openSocket(hub.url, { role: 'operator', token }, sockets);
    let seq = 0;
    const send = (wall: string, command: unknown) =>
      socket.timeout(10_000).emitWithAck(CONTROL_EVENTS.command, { id: `attack-${Date.now()}-${++seq}-${Math.random().toString(36).slice(2, 8)}`, wall, command }) as Promise<{
        ok: boolean;
        error?: string;
        message?: string;
        rev?: number;
      }>;
    return { socket, send };
  }

  /** A marker command proves what reached the wall: only it, after everything refused. */
  async function onlyMarkerArrives(wall: { deltas: WallDelta[] }, opToken: string, before: number) {
    const op = await operator(opToken);
    const marker = await op.send('main', { type: 'attention', attention: { enabled: true, intervalS: 600 } });
    if (!marker.ok) throw new Error(`marker refused: ${marker.message}`);
    await waitFor(() => wall.deltas.length > before, 'the marker delta');
    op.socket.close();
    return wall.deltas.slice(before);
  }

  return {
    hub,
    lines,
    sockets,
    post,
    bearer,
    operatorToken,
    enrol,
    displayToken,
    witness,
    operator,
    onlyMarkerArrives,
    async close() {
      for (const s of sockets) s.close();
      await hub.close();
    },
  };
}
export type AttackedHub = Awaited<ReturnType<typeof attackedHub>>;
