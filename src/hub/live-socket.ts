import { io, type Socket } from 'socket.io-client';
import * as parser from 'socket.io-parser';
import { LIMITS, LIVE_NAMESPACE, type DisplayAuth } from './contract.ts';

/** The scene designer's preview: reads topics with a designer token, belongs to no wall. */
export type PreviewAuth = { role: 'designer' };
import { connectionActions, type ConnectionStore } from '../store/connection-store.ts';
import { backoffDelay, type HubRest } from './rest.ts';
import type { TokenSource } from './display-token.ts';

const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 10_000;

const utf8 = new TextEncoder();

/**
 * socket.io's parser with the contract's bound on what the hub sends: a text packet over
 * LIMITS.maxMessageBytes is dropped before JSON.parse ever sees it (a 10 MB event costs a length
 * check, not a parse), with its binary attachments if it has any. Binary columns are bounded per
 * topic by the feed.
 */
export function boundedParser(onOversize: (bytes: number) => void, maxBytes = LIMITS.maxMessageBytes) {
  class BoundedDecoder extends parser.Decoder {
    /** Attachments still to come of a binary event whose header was dropped: dropped with it. */
    private skipAttachments = 0;
    override add(obj: unknown) {
      if (typeof obj !== 'string') {
        if (this.skipAttachments > 0) return void (this.skipAttachments -= 1);
        return super.add(obj);
      }
      if (obj.length > maxBytes / 3) {
        const bytes = obj.length > maxBytes ? obj.length : utf8.encode(obj).byteLength;
        if (bytes > maxBytes) {
          // A binary event's header ('5' event, '6' ack) says how many attachments follow: "51-[…]".
          const binary = /^[56](\d+)-/.exec(obj.slice(0, 16));
          this.skipAttachments = binary ? Number(binary[1]) : 0;
          return onOversize(bytes);
        }
      }
      super.add(obj);
    }
  }
  return { ...parser, Decoder: BoundedDecoder };
}

export interface LiveSocketDeps {
  rest: HubRest;
  auth: DisplayAuth | PreviewAuth;
  token: TokenSource;
  connection: ConnectionStore;
  /** Connected; `recovered` false when the hub could not replay what was missed (refetch snapshots). */
  onConnect(recovered: boolean): void;
}

/**
 * The live socket: a token in the handshake (never the URL), reconnects with jittered backoff that
 * never give up, a fresh token after a refusal, oversized events dropped unread.
 */
export function connectLive(deps: LiveSocketDeps): Socket {
  const { rest } = deps;
  const conn = connectionActions(deps.connection);
  let refusals = 0;
  const socket = io(`${rest.hubUrl}${LIVE_NAMESPACE}`, {
    // Evaluated before every (re)connect, so a refused or expired token is replaced by a fresh one.
    auth: (cb) => {
      void deps.token.current().then((token) => cb({ ...deps.auth, token }));
    },
    transports: ['websocket'],
    reconnectionDelay: RECONNECT_MIN_MS,
    reconnectionDelayMax: RECONNECT_MAX_MS,
    randomizationFactor: 0.5,
    parser: boundedParser((bytes) =>
      rest.diag.rejected('live', `an event of ${(bytes / 1e6).toFixed(1)} MB, over the contract's ${LIMITS.maxMessageBytes / 1e6} MB, dropped unread`),
    ),
  });
  socket.on('connect', () => {
    refusals = 0;
    conn.connected();
    deps.onConnect(socket.recovered);
  });
  socket.on('disconnect', (reason) => {
    conn.lost(Date.now());
    rest.diag.error('socket', `disconnected (${reason})`);
    // A server-side disconnect does not auto-reconnect in socket.io; a wall must always come back.
    if (reason === 'io server disconnect' && !rest.isStopped) rest.later(() => socket.connect(), backoffDelay(0));
  });
  socket.on('connect_error', (err) => {
    conn.lost(Date.now());
    rest.diag.error('socket', err.message);
    if (/^(token-expired|unauthorised)/.test(err.message)) deps.token.refused();
    // A refused handshake stops socket.io's own retries; keep trying with growing jittered backoff.
    if (!socket.active && !rest.isStopped) rest.later(() => socket.connect(), backoffDelay(Math.min(1 + refusals++, 5)));
  });
  return socket;
}
