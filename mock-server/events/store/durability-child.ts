/**
 * The durability test's victim (event-store.durability.test.ts): opens a store and changes it as
 * fast as it can, printing each change once the store acknowledged it, until it is killed.
 *   node --import tsx durability-child.ts <dataDir | postgres://…>
 * Lines: "ready", then "report <id> <version>" and "act <id> <version>" per acknowledged change.
 */
import { openEventStore } from './open-store.ts';
import { aReport, TEST_CATALOG, T0 } from './store-fixture.ts';

const where = process.argv[2];
if (!where) throw new Error('usage: durability-child.ts <dataDir | postgres://…>');
const store = await openEventStore({ ...(where.startsWith('postgres://') ? { databaseUrl: where } : { dataDir: where }), catalog: TEST_CATALOG });
const actor = { id: 'burst', role: 'operator' as const };
process.stdout.write('ready\n');
const ids: string[] = [];
for (let i = 0; ; i++) {
  const now = T0 + i * 1000;
  if (i % 3 === 0 || !ids.length) {
    const { event } = await store.report(aReport({ title: `Burst ${i}` }), actor, now);
    ids.push(event.id);
    process.stdout.write(`report ${event.id} ${event.version}\n`);
  } else {
    const id = ids[i % ids.length];
    const event = await store.act(id, { action: 'comment', text: `step ${i}` }, actor, now);
    process.stdout.write(`act ${event.id} ${event.version}\n`);
  }
}
