// Cost of the traffic simulation and size of its frames on the wire, at production sizes.
//   npx tsx mock-server/sim/traffic/bench.ts [vehicles …]     (default: 20000 100000)
// Prints ms per one-second step (fleet + congestion) and the socket.io payload of one
// `traffic.vehicles` event (JSON header + binary attachments) and one `traffic.congestion` event.
import { Encoder } from 'socket.io-parser';
import { loadDistricts } from '../../geo.ts';
import { TrafficSimulator, TRAFFIC_TOPICS } from './simulator.ts';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const districts = loadDistricts();
const encoder = new Encoder();
const wireBytes = (event: string, data: unknown) =>
  encoder
    .encode({ type: 2, nsp: '/live', data: [event, { v: 1, topic: event, seq: 1, time: Date.now(), data }] })
    .reduce((sum: number, part: string | Uint8Array) => sum + (typeof part === 'string' ? Buffer.byteLength(part) : part.byteLength), 0);

for (const vehicles of sizes.length ? sizes : [20_000, 100_000]) {
  const start = Date.UTC(2024, 4, 20, 10, 0, 0); // 18:00 in Chongqing, evening rush
  const t0 = performance.now();
  const sim = new TrafficSimulator({ seed: 20180830, districts, startTime: start, env: { HUB_TRAFFIC_VEHICLES: String(vehicles) } });
  const setupMs = performance.now() - t0;
  sim.step(start);
  const steps = 60;
  const fleetTimes: number[] = [];
  const stepTimes: number[] = [];
  let last: Array<[string, unknown]> = [];
  for (let i = 1; i <= steps; i++) {
    const a = performance.now();
    last = sim.step(start + i * 1000);
    stepTimes.push(performance.now() - a);
    const b = performance.now();
    sim.fleet.step(1, sim.congestion.speedKmh, sim.congestion.index);
    sim.fleet.frame();
    fleetTimes.push(performance.now() - b);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const vehiclesEvent = last.find(([t]) => t === TRAFFIC_TOPICS.vehicles)![1];
  const congestionEvent = sim.latest(TRAFFIC_TOPICS.congestion);
  console.log(
    `${vehicles.toLocaleString('en')} vehicles: setup ${setupMs.toFixed(0)} ms, step median ${median(stepTimes).toFixed(2)} ms ` +
      `(fleet move + frame only: ${median(fleetTimes).toFixed(2)} ms); ` +
      `traffic.vehicles ${wireBytes(TRAFFIC_TOPICS.vehicles, vehiclesEvent).toLocaleString('en')} B/frame, ` +
      `traffic.congestion ${wireBytes(TRAFFIC_TOPICS.congestion, congestionEvent).toLocaleString('en')} B, ` +
      `traffic.roads ${wireBytes(TRAFFIC_TOPICS.roads, sim.roadsPayload).toLocaleString('en')} B`,
  );
}
