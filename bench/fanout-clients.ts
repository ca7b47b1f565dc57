// The wall displays of bench/fanout.ts, in their own Node process (so that the hub's process has
// the machine's other core to itself as far as possible): N socket.io clients that sign in as
// displays (enrolled at once by the demo-mode hub, then POST /auth/display), connect to /live with the token in the handshake as a wall does,
// and subscribe to the traffic scene's topics. Prints one JSON line "ready", then on SIGUSR2 or
// every few seconds a JSON line of what they received.
//   npx tsx bench/fanout-clients.ts <hubUrl> <count>
import { io, type Socket } from 'socket.io-client';
import { LIVE_EVENTS, LIVE_NAMESPACE } from '../src/hub/contract.ts';
import { enrolDisplay } from '../mock-server/control-test-kit.ts';

const [hubUrl, countArg] = process.argv.slice(2);
const count = Number(countArg);
const TOPICS = ['traffic.roads', 'traffic.congestion', 'traffic.vehicles'];

let messages = 0;
const sockets: Socket[] = [];

async function connect(i: number) {
  const display = `d${i}`;
  const { token } = await enrolDisplay(hubUrl!, 'bench-fanout', display);
  const socket = io(`${hubUrl}${LIVE_NAMESPACE}`, {
    auth: { role: 'display', wall: 'bench-fanout', display, token },
    transports: ['websocket'],
  });
  sockets.push(socket);
  for (const t of TOPICS) socket.on(t, () => messages++);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => {
      socket.emit(LIVE_EVENTS.subscribe, { topics: TOPICS }, (ack: { ok?: boolean }) =>
        ack?.ok ? resolve() : reject(new Error(`display ${display}: subscribe refused`)),
      );
    });
    socket.once('connect_error', reject);
  });
}

for (let i = 0; i < count; i++) await connect(i);
console.log(JSON.stringify({ ready: count }));
const report = () => console.log(JSON.stringify({ messages, connected: sockets.filter((s) => s.connected).length }));
process.on('SIGUSR2', report);
process.on('SIGTERM', () => {
  for (const s of sockets) s.close();
  process.exit(0);
});
