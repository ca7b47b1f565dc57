// Screenshots of the operator console (/console) at tablet and desktop sizes, steering a real hub
// with two displays of wall `main` connected; then its events desk (queue, an event's timeline,
// alerts, audit log), with a few events of its own reported and worked on through the REST routes.
//   npx tsx scripts/console-screenshots.ts      (E2E_SKIP_BUILD=1 to reuse the build,
//                                                 SHOTS=events for the events desk only)
import { mkdirSync } from 'node:fs';
import { io, type Socket } from 'socket.io-client';
import { CONTROL_EVENTS, TokenResponseSchema, type WallDelta } from '../src/hub/control.ts';
import { CatalogSchema, CityEventSchema, type EventCommand, type Report } from '../src/hub/contract.ts';
import { EnrolAnswerSchema } from '../src/hub/enrolment.ts';
import type { Page } from 'playwright-core';
import setup from '../tests/global-setup.ts';
import { harness } from '../tests/harness.ts';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });
setup();
// Hub, wall and browser on free loopback ports, as in the browser tests.
// A busier simulation than the default, so the queue has a day's variety within a minute.
const h = harness({ hubEnv: { HUB_ACK_TIMEOUT_MS: '30000', HUB_EVENTS_RATE: '20' } });
const only = process.env.SHOTS;
try {
  await h.start();
  const hub = h.hub;
  // The displays of wall `main` as socket.io clients speaking the display protocol (enrolment,
  // token, join, an ack per delta): the console's picture does not need their WebGL, and the
  // machine is small. The test hub runs in demo mode: a display on loopback is enrolled at once.
  const displaySockets: Socket[] = [];
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${hub.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer: unknown = await res.json();
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${JSON.stringify(answer)}`);
    return answer;
  };
  for (const [id, col] of [['a', 0], ['b', 1]] as const) {
    const grid = { cols: 2, rows: 1, col, row: 0 };
    const enrolled = EnrolAnswerSchema.parse(await post('/enrol', { hint: { wall: 'main', display: id, grid } }));
    if (enrolled.status !== 'approved') throw new Error(`display main/${id} not enrolled at once (${enrolled.status}): is the hub in demo mode (HUB_DEMO=1)?`);
    const { token } = TokenResponseSchema.parse(await post('/auth/display', { credential: enrolled.credential }));
    const socket = io(`${hub.url}/live`, { auth: { role: 'display', wall: 'main', display: id, token, grid }, transports: ['websocket'] });
    socket.on(CONTROL_EVENTS.delta, (d: WallDelta) => socket.emit(CONTROL_EVENTS.ack, { rev: d.rev, commandId: d.commandId, ok: true }));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    await socket.emitWithAck(CONTROL_EVENTS.join);
    displaySockets.push(socket);
  }
  const consolePage = await h.browser.newPage({ viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, timezoneId: 'Asia/Shanghai' });
  await consolePage.goto(`${h.client.url}/console`);
  await consolePage.screenshot({ path: `${OUT}console-sign-in.png` });
  await consolePage.fill('[data-testid=user]', 'operator');
  await consolePage.fill('[data-testid=password]', 'onescreen');
  await consolePage.click('[data-testid=sign-in-submit]');
  await consolePage.waitForSelector('[data-testid=display-row-b]', { timeout: 120_000 });

  if (only !== 'events') await wallShots(consolePage);
  await eventShots(consolePage, hub.url);
  for (const socket of displaySockets) socket.close();
} finally {
  await h.stop();
}

async function wallShots(consolePage: Page) {
  let rev = 0;
  const send = async (testId: string) => {
    rev++;
    await consolePage.click(`[data-testid=${testId}]`);
    await consolePage.waitForSelector(`[data-testid=log-row][data-rev="${rev}"][data-status=applied]`, { timeout: 90_000 });
  };
  await send('scene-weather');
  await send('layer-stations');
  await consolePage.selectOption('[data-testid=district-select]', '500103');
  await send('fly-district');
  await consolePage.fill('[data-testid=time-at]', '2026-11-20T21:30');
  await send('time-playback');
  await consolePage.fill('[data-testid=point-lon]', '106.5770');
  await consolePage.fill('[data-testid=point-lat]', '29.5590');
  await consolePage.fill('[data-testid=point-label]', '解放碑 Jiefangbei');
  await send('highlight-point');

  await consolePage.mouse.move(0, 0);
  await consolePage.evaluate(() => document.querySelector('.console')?.scrollTo(0, 0));
  await consolePage.screenshot({ path: `${OUT}console-1024x768.png` });
  await consolePage.setViewportSize({ width: 1920, height: 1080 });
  await consolePage.waitForTimeout(300); // one layout pass at the new size
  await consolePage.screenshot({ path: `${OUT}console-1920x1080.png` });
}

/** The events desk: events reported and worked on over REST (as the grid and a colleague would), then the desk's views. */
async function eventShots(page: Page, hubUrl: string) {
  const login = await fetch(`${hubUrl}/api/v1/auth/operator`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'operator', password: 'onescreen' }) });
  const { token } = TokenResponseSchema.parse(await login.json());
  const api = async (path: string, body?: unknown) => {
    const res = await fetch(`${hubUrl}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer: unknown = await res.json();
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${JSON.stringify(answer)}`);
    return answer as Record<string, unknown>;
  };
  const catalog = CatalogSchema.parse(await api('/events/catalog'));
  const category = (id: string) => catalog.categories.find((c) => c.id === id) ?? catalog.categories[0];
  const report = async (r: Omit<Report, 'source'>) => CityEventSchema.parse((await api('/events/reports', { source: 'grid', ...r })).event);
  const act = (id: string, command: EventCommand) => api(`/events/${id}/actions`, command);

  const main = await report({
    category: category('city-management').id,
    level: 'yellow',
    title: '解放碑步行街井盖缺失',
    description: '步行街东侧近八一路口，井盖缺失约 60 cm，已有行人绊倒；现场已放置临时锥桶。',
    district: '500103',
    position: [106.5772, 29.5574],
    address: '渝中区解放碑步行街 八一路口',
    reporter: '网格员 0231',
  });
  await act(main.id, { action: 'accept', level: 'orange', note: '人流密集，升为橙色' });
  await act(main.id, { action: 'dispatch', department: category('city-management').departments[0], note: '请 2 小时内到场' });
  await act(main.id, { action: 'comment', text: '市政已联系施工方，预计 40 分钟到场' });
  await act(main.id, { action: 'start', note: '处置人员已到场' });
  await act(main.id, { action: 'handle', feedback: '已更换新井盖并加固，现场恢复通行' });
  const more: Omit<Report, 'source'>[] = [
    { category: category('traffic').id, level: 'red', title: '嘉华大桥南桥头多车追尾', district: '500108', position: [106.536, 29.548] },
    { category: category('environment').id, level: 'blue', title: '九龙坡区夜间施工噪声扰民投诉', district: '500107', position: [106.48, 29.5] },
    { category: category('public-safety').id, level: 'orange', title: '观音桥商圈人流密度过高', district: '500105', position: [106.532, 29.578] },
  ];
  for (const r of more) {
    const e = await report(r);
    if (r.level === 'blue') await act(e.id, { action: 'escalate', reason: '同一地点 24 小时内第 3 次投诉' });
    if (r.level === 'orange') {
      await act(e.id, { action: 'accept' });
      await act(e.id, { action: 'dispatch', department: category(r.category).departments[0] });
    }
  }

  // Sensor readings that hold above a rule's threshold (in reading time) longer than its minDurationS: alerts.
  const now = Date.now();
  const site = (id: string, name: string, district: string, position: [number, number]) => ({ kind: 'site' as const, id, name, district, position });
  const held = (metric: string, place: ReturnType<typeof site>, value: number, spanS: number) =>
    [spanS + 60, spanS / 2, 0].map((ago) => ({ metric, place, value, time: now - ago * 1000 }));
  await api('/readings', {
    readings: [
      ...held('waterlogging', site('demo-lp-caiyuanba', '菜园坝下穿道', '500103', [106.548, 29.548]), 46, 120),
      ...held('displacement', site('demo-rock-nanshan', '南山危岩监测点 3 号', '500108', [106.61, 29.53]), 12.4, 600),
      ...held('river-level', site('demo-cuntan', '寸滩水文站', '500105', [106.6, 29.615]), 181.2, 1800),
    ],
  });

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.click('[data-testid=console-tab-events]');
  await page.waitForSelector(`[data-testid=event-row][data-id="${main.id}"]`, { timeout: 60_000 });
  await page.click(`[data-testid=event-row][data-id="${main.id}"]`);
  await page.waitForSelector('[data-testid=event-timeline] [data-testid=timeline-row][data-n="6"]', { timeout: 30_000 });
  await page.click('[data-testid=event-show-on-wall]');
  await page.waitForSelector('[data-testid=wall-ack][data-command=highlight][data-status=applied]', { timeout: 90_000 });
  await page.click('[data-testid=event-action-reopen]');
  await page.fill('[data-testid=event-reason]', '现场核查：井盖未固定');
  await page.mouse.move(0, 0);
  const top = () => page.evaluate(() => document.querySelector('.console')?.scrollTo(0, 0));
  await top();
  await page.screenshot({ path: `${OUT}console-events-1920x1080.png` });
  await page.click('[data-testid=event-cancel]');

  await page.setViewportSize({ width: 1024, height: 768 });
  await page.waitForTimeout(300);
  await top();
  await page.screenshot({ path: `${OUT}console-events-1024x768.png` });
  // The tablet's detail column, scrolled to the timeline.
  await page.evaluate(() => document.querySelector('[data-testid=event-timeline]')?.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: `${OUT}console-events-timeline-1024x768.png` });

  // A colleague verifies the event while this operator is sending it back: the hub refuses the step (409) with its reason.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.click('[data-testid=event-action-reopen]');
  await page.fill('[data-testid=event-reason]', '现场核查：井盖未固定');
  await act(main.id, { action: 'verify', note: '现场核查通过' });
  await page.click('[data-testid=event-submit]');
  await page.waitForSelector('[data-testid=events-error][data-source=action]', { timeout: 30_000 });
  await page.waitForSelector(`[data-testid=event-detail][data-status=verified]`, { timeout: 30_000 });
  await top();
  await page.screenshot({ path: `${OUT}console-events-refused-1920x1080.png`, clip: { x: 0, y: 0, width: 1920, height: 640 } });

  await page.click('[data-testid=desk-tab-alerts]');
  await page.waitForSelector('[data-testid=alert-row]', { timeout: 60_000 });
  await page.click('[data-testid=alert-row] [data-testid=alert-ack]');
  await page.waitForSelector('[data-testid=alert-row][data-acked=true]', { timeout: 30_000 });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${OUT}console-alerts-1920x1080.png` });
  await page.click('[data-testid=desk-tab-audit]');
  await page.waitForSelector('[data-testid=audit-row]', { timeout: 30_000 });
  await page.screenshot({ path: `${OUT}console-audit-1920x1080.png` });
}
