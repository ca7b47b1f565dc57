// Screenshots of the events scene for the README and docs: a real hub, fed through its REST API as
// sources and operators would (a few hundred reports in Chongqing's main city taken to various steps,
// sensor readings that raise alerts, two of them red), then the scene at 1920×1080 and 3840×2160.
// A fresh hub's simulated sources report some 600 events a day: too few for a picture in minutes.
//   npx tsx scripts/events-screenshots.ts [1920x1080,3840x2160]   (E2E_SKIP_BUILD=1 reuses the build)
import setup from '../tests/global-setup.ts';
import { harness } from '../tests/harness.ts';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
const MAIN = [
  { code: '500103', at: [106.565, 29.555], s: 0.012, w: 3 },
  { code: '500105', at: [106.56, 29.6], s: 0.025, w: 3 },
  { code: '500108', at: [106.6, 29.53], s: 0.025, w: 3 },
  { code: '500106', at: [106.44, 29.56], s: 0.03, w: 3 },
  { code: '500107', at: [106.49, 29.5], s: 0.03, w: 3 },
  { code: '500104', at: [106.48, 29.46], s: 0.018, w: 1 },
  { code: '500112', at: [106.62, 29.68], s: 0.04, w: 3 },
  { code: '500109', at: [106.42, 29.8], s: 0.03, w: 1 },
  { code: '500113', at: [106.53, 29.4], s: 0.035, w: 1 },
];
const TITLES = ['占道经营', '暴露垃圾', '路面坑洼', '交通信号灯故障', '井盖缺失', '危岩落石', '道路积水', '油烟扰民', '夜间施工噪声', '路灯不亮', '供水管爆裂', '燃气异味', '消防通道堵塞', '高空坠物隐患'];
let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T,>(xs: T[], w: (x: T) => number = () => 1) => {
  let r = rand() * xs.reduce((s, x) => s + w(x), 0);
  for (const x of xs) if ((r -= w(x)) < 0) return x;
  return xs[xs.length - 1];
};

setup();
const h = harness({ hubEnv: { HUB_EVENTS_RATE: '0' } });
const sizes = (process.argv[2] ?? '1920x1080,3840x2160').split(',').map((s) => s.split('x').map(Number) as [number, number]);
try {
  await h.start();
  const api = `${h.hub.url}/api/v1`;
  const signIn = await (await fetch(`${api}/auth/operator`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'operator', password: 'onescreen' }) })).json();
  const token = signIn.token as string;
  const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const catalog = await (await fetch(`${api}/events/catalog`)).json();
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${api}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };
  let made = 0;
  for (let i = 0; i < 260; i++) {
    const d = pick(MAIN, (x) => x.w);
    const g = () => (rand() + rand() + rand() - 1.5) / 1.5;
    const cat = pick(catalog.categories as { id: string; departments: string[] }[]);
    const level = pick(['blue', 'yellow', 'orange', 'red'], (l) => ({ blue: 45, yellow: 30, orange: 17, red: 8 })[l]!);
    const r = await post('/events/reports', { source: pick(['grid', 'hotline']), category: cat.id, level, title: pick(TITLES), district: d.code, position: [d.at[0] + g() * d.s, d.at[1] + g() * d.s] });
    if (r.status >= 300) { console.log('report', r.status, JSON.stringify(r.body).slice(0, 200)); continue; }
    made++;
    const id = r.body.event.id as string;
    const x = rand();
    if (x < 0.05) { await post(`/events/${id}/actions`, { action: 'refuse', reason: '重复上报' }); continue; }
    if (x < 0.2) { if (rand() < 0.3) await post(`/events/${id}/actions`, { action: 'escalate', reason: '群众反映强烈' }); continue; }
    await post(`/events/${id}/actions`, { action: 'accept' });
    if (x < 0.28) continue;
    await post(`/events/${id}/actions`, { action: 'dispatch', department: cat.departments[0] });
    if (rand() < 0.08) await post(`/events/${id}/actions`, { action: 'escalate', reason: '领导督办' });
    if (x < 0.45) continue;
    await post(`/events/${id}/actions`, { action: 'start' });
    if (x < 0.68) continue;
    await post(`/events/${id}/actions`, { action: 'handle', feedback: '已处置完毕' });
    if (x < 0.78) continue;
    await post(`/events/${id}/actions`, { action: 'verify' });
    if (x < 0.84) continue;
    await post(`/events/${id}/actions`, { action: 'close' });
  }
  console.log('events made', made);
  const now = Date.now();
  const site = (id: string, name: string, district: string, position: [number, number]) => ({ kind: 'site', id, name, district, position });
  const series = (metric: string, place: unknown, value: number, spanS: number) =>
    Array.from({ length: 8 }, (_, k) => ({ metric, place, value, time: now - Math.round(((7 - k) / 7) * spanS * 1000) }));
  const readings = [
    ...series('waterlogging', site('lp-ciqikou', '磁器口', '500106', [106.448, 29.58]), 58, 200),
    ...series('waterlogging', site('lp-shangqingsi', '上清寺下穿道', '500103', [106.545, 29.562]), 44, 200),
    ...series('waterlogging', site('lp-yangjiaping', '杨家坪', '500107', [106.512, 29.508]), 30, 200),
    ...series('displacement', site('rk-eling', '鹅岭危岩', '500103', [106.533, 29.552]), 45, 700),
    ...series('displacement', site('rk-nanshan', '南山危岩', '500108', [106.625, 29.55]), 12, 700),
    ...series('river-level', site('st-cuntan', '寸滩', '500105', [106.6, 29.615]), 181, 1900),
    ...series('river-level', site('st-chaotianmen', '朝天门', '500103', [106.586, 29.566]), 178, 1900),
  ];
  console.log('readings', (await post('/readings', { readings })).status);
  await new Promise((r) => setTimeout(r, 5000));
  const board = await (await fetch(`${api}/topics/events.board`)).json();
  console.log('board', board.data.events.length, 'events', board.data.alerts.length, 'alerts', JSON.stringify(board.data.stats).slice(0, 300));
  for (const [width, height] of sizes) {
    const page = await h.newPage({ width, height });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${h.client.url}/wall?anim=0&scene=events`);
    await page.waitForFunction(() => document.documentElement.dataset.sceneReady === 'events', null, { timeout: 180_000 });
    await page.waitForTimeout(3000);
    const name = width === 1920 ? 'scene-events' : `scene-events-${width}x${height}`;
    await page.screenshot({ path: `${OUT}${name}.png` });
    console.log(`wrote docs/screenshots/${name}.png`, errors.length ? `page errors: ${errors.join('; ')}` : '');
    await page.close();
  }
} finally {
  await h.stop();
}
