import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, channels, customerDuplicates, customerNotes, customers, orders, systemSettings } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { decodeRankedCursor, encodeCursor } from '@/lib/http/cursor';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput, type IngestOrderInput } from '@/lib/orders/schemas';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import {
  dismissDuplicate,
  getDuplicate,
  listDuplicates,
  scanAllDuplicates,
  scanDuplicatesOf,
  DUPLICATE_SCAN_BATCH,
  DUPLICATE_SCAN_BUSY_ORDERS,
  DUPLICATE_SCAN_BUSY_SECONDS,
  DUPLICATE_SCAN_CURSOR_KEY,
  DUPLICATE_SCAN_LAG_SECONDS,
  DUPLICATE_SCAN_START_MINUTES,
  scanRecentDuplicates,
} from './duplicates';
import { CUSTOMER_REFERENCES, mergeCustomers, undoMerge } from './merge';

let handle: DbHandle;
let w: InventoryWorld;
let n = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 50 });
  await handle.db.insert(channels).values([{ code: 'web', name: 'Web', kind: 'web', allowBackorders: true }]);
});
afterAll(() => handle.close());

type Address = { line1: string; postalCode: string; city: string };
const PARIS: Address = { line1: '12 rue de Rivoli', postalCode: '75001', city: 'Paris' };

async function place(
  customer: IngestOrderInput['customer'],
  address: Address = PARIS,
  totalCents = 1000,
  placedAt = new Date(Date.UTC(2026, 10, 1, 10, n + 1)),
) {
  n += 1;
  const input = ZIngestOrderInput.parse({
    externalId: `M-${n}`,
    placedAt: placedAt.toISOString(),
    currency: 'EUR',
    customer,
    lines: [{ sku: 'PULL-S', quantity: 1, unitPriceCents: totalCents }],
    fulfilment: { type: 'ship', address: { ...address, country: 'FR' } },
    totals: { subtotalCents: totalCents, totalCents },
  });
  const r = await ingestOrder(handle.db, { code: 'web' }, input);
  const [o] = await handle.db.select({ customerId: orders.customerId }).from(orders).where(eq(orders.id, r.order.id));
  return o.customerId!;
}

const pairOf = async (a: string, b: string) =>
  (
    await handle.db
      .select()
      .from(customerDuplicates)
      .where(
        sql`${customerDuplicates.customerId} = least(${a}::uuid, ${b}::uuid) and ${customerDuplicates.otherCustomerId} = greatest(${a}::uuid, ${b}::uuid)`,
      )
  )[0];

/** Every row of every table a merge moves, as JSON per table: compared whole before and after an undo. */
async function rowsOf(...ids: string[]) {
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const out: Record<string, string[]> = {};
  for (const ref of CUSTOMER_REFERENCES) {
    const { rows } = await handle.db.execute(
      sql`select t.* from ${sql.identifier(ref.table)} t where ${sql.identifier(ref.column)} in (${list})`,
    );
    out[`${ref.table}.${ref.column}`] = rows.map((r) => JSON.stringify(r)).sort();
  }
  const { rows } = await handle.db.execute(sql`select * from customers where id in (${list}) order by id`);
  out.customers = rows.map((r) => JSON.stringify(r));
  return out;
}

async function countsOf(id: string) {
  const out: Record<string, number> = {};
  for (const ref of CUSTOMER_REFERENCES) {
    const { rows } = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(ref.table)} where ${sql.identifier(ref.column)} = ${id}::uuid`,
    );
    out[`${ref.table}.${ref.column}`] = rows[0].n;
  }
  return out;
}

describe('duplicate scan', () => {
  it('finds the same e-mail, the same phone and a similar name in the same city or at the same address', async () => {
    // The same phone on two profiles: an order's new e-mail with a known phone (ingestion records it too).
    const a = await place({
      email: 'jeanne.roux@example.fr',
      phone: '06 70 00 00 01',
      firstName: 'Jeanne',
      lastName: 'Roux',
    });
    const b = await place({
      email: 'jroux@example.fr',
      phone: '06 70 00 00 01',
      firstName: 'Jeanne',
      lastName: 'Roux',
    });
    // A similar name (no accent, a typo) in the same city, other contacts.
    const c = await place(
      { email: 'h.lefebvre@example.fr', firstName: 'Hélène', lastName: 'Lefebvre' },
      { ...PARIS, line1: '3 rue X' },
    );
    const d = await place(
      { email: 'helene.l@example.fr', firstName: 'Helene', lastName: 'Lefebre' },
      { ...PARIS, line1: '9 rue Y' },
    );
    // The same address, a similar name.
    const e = await place(
      { email: 'marc.dubois@example.fr', firstName: 'Marc', lastName: 'Dubois' },
      { line1: '5 place Bellecour', postalCode: '69002', city: 'Lyon' },
    );
    const f = await place(
      { email: 'marc@dubois.fr', firstName: 'Marc', lastName: 'Duboi' },
      { line1: '5 Place Bellecour', postalCode: '69002', city: 'Lyon' },
    );
    // The same name in another city: not a suggestion.
    const g = await place(
      { email: 'paul.petit@example.fr', firstName: 'Paul', lastName: 'Petit' },
      { line1: '1 rue A', postalCode: '33000', city: 'Bordeaux' },
    );
    const h = await place(
      { email: 'ppetit@example.fr', firstName: 'Paul', lastName: 'Petit' },
      { line1: '1 rue A', postalCode: '44000', city: 'Nantes' },
    );
    // Same e-mail on a profile and another's identity (typed by hand on a profile).
    const i = await place({ email: 'zoe@example.fr', firstName: 'Zoé', lastName: 'Blanc' });
    const j = await place(
      { email: 'zoe.other@example.fr', firstName: 'Z', lastName: 'B' },
      { line1: '1 rue B', postalCode: '13001', city: 'Marseille' },
    );
    await handle.db.update(customers).set({ email: 'zoe@example.fr' }).where(eq(customers.id, j));

    expect(await pairOf(a, b)).toMatchObject({ reasons: ['phone'], status: 'open', score: 70 });
    expect(await pairOf(c, d)).toBeUndefined();

    await scanDuplicatesOf(handle.db, [b, d, f, h, j]);
    expect(await pairOf(a, b)).toMatchObject({ reasons: ['name_address', 'phone'], score: 100 });
    expect(await pairOf(c, d)).toMatchObject({ reasons: ['name_city'], score: 40, status: 'open' });
    expect(await pairOf(e, f)).toMatchObject({ reasons: ['name_address'], score: 60 });
    expect(await pairOf(g, h)).toBeUndefined();
    expect(await pairOf(i, j)).toMatchObject({ reasons: ['email'], score: 90 });

    // The full scan finds the same pairs, and writes nothing more when nothing changed.
    const before = await handle.db.select().from(customerDuplicates);
    await handle.db.delete(customerDuplicates);
    await scanAllDuplicates(handle.db);
    const after = await handle.db.select().from(customerDuplicates);
    const key = (r: typeof customerDuplicates.$inferSelect) =>
      `${r.customerId}/${r.otherCustomerId} ${r.reasons.join(',')} ${r.score}`;
    expect(after.map(key).sort()).toEqual(before.map(key).sort());
    expect(await scanAllDuplicates(handle.db)).toEqual({ pairs: 0 });

    const list = await listDuplicates(handle.db, w.agent);
    expect(list.items[0].score).toBe(100);
    expect(list.items.map((s) => s.score)).toEqual([...list.items.map((s) => s.score)].sort((x, y) => y - x));
    expect(list.total).toBeGreaterThanOrEqual(4);
    const one = await getDuplicate(handle.db, w.owner, list.items[0].id);
    expect(one?.a.identities.length).toBeGreaterThan(0);
    expect([one?.a.id, one?.b.id].sort()).toEqual([a, b].sort());
  });

  it('scores a similar name in the same city lower the commoner the name is there, in both scans alike', async () => {
    const toulouse = (n: number) => ({ line1: `${n} rue du Taur`, postalCode: '31000', city: 'Toulouse' });
    const common: string[] = [];
    for (let n = 0; n < 5; n++)
      common.push(
        await place({ email: `louis.bernard${n}@example.fr`, firstName: 'Louis', lastName: 'Bernard' }, toulouse(n)),
      );
    const rare = [
      await place({ email: 'maelys.kerbrat@example.fr', firstName: 'Maëlys', lastName: 'Kerbrat' }, toulouse(10)),
      await place({ email: 'mk@example.fr', firstName: 'Maelys', lastName: 'Kerbrad' }, toulouse(11)),
    ];
    await scanDuplicatesOf(handle.db, [common[0], rare[1]]);
    // Five Louis Bernard in Toulouse: 40 × √(2/5).
    expect(await pairOf(common[0], common[1])).toMatchObject({ reasons: ['name_city'], score: 25 });
    expect(await pairOf(rare[0], rare[1])).toMatchObject({ reasons: ['name_city'], score: 40 });

    const ids = [...common, ...rare];
    const pairsOf = async () =>
      (await handle.db.select().from(customerDuplicates))
        .filter((r) => ids.includes(r.customerId) && ids.includes(r.otherCustomerId))
        .map((r) => `${r.customerId}/${r.otherCustomerId} ${r.reasons.join(',')} ${r.score}`)
        .sort();
    await scanDuplicatesOf(handle.db, common.slice(1));
    const incremental = await pairsOf();
    expect(incremental).toHaveLength(11);
    await handle.db.delete(customerDuplicates);
    await scanAllDuplicates(handle.db);
    expect(await pairsOf()).toEqual(incremental);
  });

  it('a dismissed suggestion stays dismissed through scans; managers may not see or dismiss', async () => {
    const a = await place({ email: 'lea.m@example.fr', phone: '06 71 00 00 02', firstName: 'Léa', lastName: 'Morel' });
    const b = await place({
      email: 'lea.morel@example.fr',
      phone: '06 71 00 00 02',
      firstName: 'Léa',
      lastName: 'Morel',
    });
    const pair = await pairOf(a, b);
    await expect(dismissDuplicate(handle.db, w.manager, { duplicateId: pair.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(listDuplicates(handle.db, w.manager)).rejects.toMatchObject({ code: 'forbidden' });
    await dismissDuplicate(handle.db, w.agent, { duplicateId: pair.id });
    await scanAllDuplicates(handle.db);
    await scanDuplicatesOf(handle.db, [a, b]);
    await place({ email: 'lea.morel@example.fr', phone: '06 71 00 00 02' });
    expect(await pairOf(a, b)).toMatchObject({ status: 'dismissed', reasons: ['phone'], decidedById: w.agent.userId });
    expect((await listDuplicates(handle.db, w.agent)).items.some((s) => s.id === pair.id)).toBe(false);
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'customer.duplicate_dismiss'));
    expect(audit.data).toMatchObject({ duplicateId: pair.id });
  });

  it('pages the open suggestions by keyset, highest score first: each once, ties by time and id included', async () => {
    // Six more pairs, three of them alike to the microsecond (score and time): only the id orders them.
    const people = await handle.db
      .insert(customers)
      .values(Array.from({ length: 12 }, (_, i) => ({ firstName: 'Page', lastName: `Pair${i}` })))
      .returning({ id: customers.id });
    const at = new Date('2026-11-02T10:00:00.123Z');
    await handle.db.insert(customerDuplicates).values(
      [90, 90, 90, 40, 40, 7].map((score, i) => {
        const [x, y] = [people[2 * i].id, people[2 * i + 1].id].sort();
        return { customerId: x, otherCustomerId: y, score, reasons: ['name_city'], createdAt: i < 3 ? at : new Date() };
      }),
    );
    const whole = await listDuplicates(handle.db, w.agent, { limit: 200 });
    expect(whole.next).toBeNull();
    const seen: string[] = [];
    let page = await listDuplicates(handle.db, w.agent, { limit: 2 });
    for (let pages = 1; ; pages++) {
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.total).toBe(whole.total);
      seen.push(...page.items.map((d) => d.id));
      if (!page.next) break;
      expect(pages).toBeLessThan(Math.ceil(whole.total / 2));
      page = await listDuplicates(handle.db, w.agent, { limit: 2, after: decodeRankedCursor(page.next) });
    }
    expect(seen).toEqual(whole.items.map((d) => d.id));
    expect(seen).toHaveLength(whole.total);
    const scores = whole.items.map((d) => d.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    // A cursor that does not decode, or a plain time cursor without the score, reads the first page.
    expect(decodeRankedCursor('bm9wZQ')).toBeNull();
    expect(
      decodeRankedCursor(encodeCursor({ cursorTime: '2026-11-02T10:00:00.123000Z', id: people[0].id })),
    ).toBeNull();
  });
});

describe('the background duplicates scan (scanRecentDuplicates)', () => {
  const LILLE = (line1: string) => ({ line1, postalCode: '59000', city: 'Lille' });
  /** The clock of a run: `seconds` after the real time, which the database stamps created_at with. */
  const at = (seconds: number) => new Date(Date.now() + seconds * 1000);
  const cursor = async () =>
    (
      await handle.db
        .select({ value: systemSettings.value })
        .from(systemSettings)
        .where(eq(systemSettings.key, DUPLICATE_SCAN_CURSOR_KEY))
    )[0]?.value as { createdAt: string; id: string } | undefined;
  const orderOf = async (customerId: string) =>
    (await handle.db.select({ id: orders.id }).from(orders).where(eq(orders.customerId, customerId)))[0].id;

  beforeAll(async () => {
    // The other tests' orders were ingested a day ago: each test here counts what a run takes.
    await handle.db.execute(sql`update orders set created_at = created_at - interval '1 day'`);
    await handle.db.delete(systemSettings).where(eq(systemSettings.key, DUPLICATE_SCAN_CURSOR_KEY));
  });

  it('starts 15 minutes back without a cursor, takes an order once it is older than the lag, and once only', async () => {
    const early = await place(
      { email: 'gaspard.f@example.fr', firstName: 'Gaspard', lastName: 'Fontane' },
      LILLE('1 rue A'),
    );
    const a = await place(
      { email: 'gaspard@example.fr', firstName: 'Gaspard', lastName: 'Fontaine' },
      LILLE('2 rue C'),
    );
    const b = await place(
      { email: 'g.fontaine@example.fr', firstName: 'Gaspar', lastName: 'Fontaine' },
      LILLE('8 rue D'),
    );
    // Ingested 20 and 10 minutes ago: the first before the 15 minutes a new cursor starts at, the second after.
    await handle.db
      .update(orders)
      .set({ createdAt: sql`created_at - interval '20 minutes'` })
      .where(eq(orders.customerId, early));
    await handle.db
      .update(orders)
      .set({ createdAt: sql`created_at - interval '10 minutes'` })
      .where(eq(orders.customerId, a));

    const now = at(0);
    // b's order is younger than the lag: a's only, and a's scan finds both look-alikes.
    expect(await scanRecentDuplicates(handle.db, { now })).toEqual({ pairs: 2, orders: 1, customers: 1, batches: 1 });
    expect(await cursor()).toEqual({ createdAt: expect.any(String), id: await orderOf(a) });
    expect(await pairOf(a, b)).toMatchObject({ reasons: ['name_city'], status: 'open' });
    await handle.db.delete(customerDuplicates).where(sql`${b} in (customer_id, other_customer_id)`);

    const later = at(DUPLICATE_SCAN_LAG_SECONDS + 5);
    expect(await scanRecentDuplicates(handle.db, { now: later })).toMatchObject({ orders: 1, customers: 1 });
    expect((await cursor())?.id).toBe(await orderOf(b));
    expect(await pairOf(a, b)).toMatchObject({ reasons: ['name_city'], status: 'open' });
    // The cursor moved past both: the next run takes nothing.
    expect(await scanRecentDuplicates(handle.db, { now: later })).toEqual({
      pairs: 0,
      orders: 0,
      customers: 0,
      batches: 0,
    });
  });

  it('a new cursor is the 15 minutes before the run, the order id below any', async () => {
    await handle.db.delete(systemSettings).where(eq(systemSettings.key, DUPLICATE_SCAN_CURSOR_KEY));
    const now = at(-3600);
    expect(await scanRecentDuplicates(handle.db, { now })).toMatchObject({ orders: 0 });
    expect(await cursor()).toEqual({
      createdAt: new Date(now.getTime() - DUPLICATE_SCAN_START_MINUTES * 60_000).toISOString(),
      id: '00000000-0000-0000-0000-000000000000',
    });
    // Back where the first test left it: the orders it took are taken again (an upsert: no new pair).
    await handle.db.delete(systemSettings).where(eq(systemSettings.key, DUPLICATE_SCAN_CURSOR_KEY));
    expect(await scanRecentDuplicates(handle.db, { now: at(DUPLICATE_SCAN_LAG_SECONDS + 5) })).toMatchObject({
      pairs: 0,
      orders: 2,
    });
  });

  it('scans an order placed hours ago but ingested now (a marketplace delivering late)', async () => {
    const a = await place({ email: 'ines.carre@example.fr', firstName: 'Inès', lastName: 'Carré' }, LILLE('3 rue E'));
    await handle.db
      .update(orders)
      .set({ createdAt: sql`created_at - interval '1 day'` })
      .where(eq(orders.customerId, a));
    const late = await place(
      { email: 'icarre@example.fr', firstName: 'Ines', lastName: 'Carre' },
      LILLE('4 rue F'),
      1000,
      new Date(Date.now() - 5 * 3_600_000),
    );
    expect(await scanRecentDuplicates(handle.db, { now: at(DUPLICATE_SCAN_LAG_SECONDS + 5) })).toEqual({
      pairs: 1,
      orders: 1,
      customers: 1,
      batches: 1,
    });
    expect(await pairOf(a, late)).toMatchObject({ reasons: ['name_city'], status: 'open' });
  });

  it(`takes at most ${DUPLICATE_SCAN_BATCH} orders a batch, in the keyset (created_at, id): ties split exactly`, async () => {
    const mark = (await cursor())!;
    const back = () =>
      handle.db.update(systemSettings).set({ value: mark }).where(eq(systemSettings.key, DUPLICATE_SCAN_CURSOR_KEY));
    const who = await place({ email: 'batch@example.fr', firstName: 'Bastien', lastName: 'Lot' }, LILLE('5 rue G'));
    const [web] = await handle.db.select({ id: channels.id }).from(channels).where(eq(channels.code, 'web'));
    // One statement: all share its created_at, only the id orders them.
    await handle.db.insert(orders).values(
      Array.from({ length: DUPLICATE_SCAN_BATCH + 1 }, (_, i) => ({
        number: `BATCH-${i}`,
        channelId: web.id,
        externalId: `BATCH-${i}`,
        customerId: i % 2 ? who : null,
        fulfilmentType: 'ship' as const,
        subtotalCents: 100,
        totalCents: 100,
        itemCount: 1,
        placedAt: new Date(),
      })),
    );
    const now = at(DUPLICATE_SCAN_LAG_SECONDS + 5);
    // Without time for a second batch, a run takes one: the rest is the next run's.
    expect(await scanRecentDuplicates(handle.db, { now, budgetMs: 0 })).toMatchObject({
      orders: DUPLICATE_SCAN_BATCH,
      customers: 1,
      batches: 1,
    });
    expect(await scanRecentDuplicates(handle.db, { now, budgetMs: 0 })).toMatchObject({ orders: 2, batches: 1 });
    expect(await scanRecentDuplicates(handle.db, { now })).toMatchObject({ orders: 0 });

    // With the time, one run takes batch after batch; and two runs at once take each order once.
    await back();
    expect(await scanRecentDuplicates(handle.db, { now })).toMatchObject({
      orders: DUPLICATE_SCAN_BATCH + 2,
      batches: 2,
    });
    await back();
    const runs = await Promise.all([0, 1].map(() => scanRecentDuplicates(handle.db, { now })));
    expect(runs[0].orders + runs[1].orders).toBe(DUPLICATE_SCAN_BATCH + 2);
  });

  it(`waits while ingestion is busy (${DUPLICATE_SCAN_BUSY_ORDERS} orders in ${DUPLICATE_SCAN_BUSY_SECONDS} s), then takes what waited`, async () => {
    const mark = (await cursor())!;
    await place({ email: 'rush.a@example.fr', firstName: 'Ronan', lastName: 'Presse' }, LILLE('6 rue H'));
    const b = await place({ email: 'rush.b@example.fr', firstName: 'Ronnan', lastName: 'Presse' }, LILLE('7 rue H'));
    const [web] = await handle.db.select({ id: channels.id }).from(channels).where(eq(channels.code, 'web'));
    const now = at(DUPLICATE_SCAN_LAG_SECONDS + 5);
    // A rush: as many orders as make ingestion busy, created in the seconds before the run.
    const rush = (count: number) =>
      handle.db.insert(orders).values(
        Array.from({ length: count }, (_, i) => ({
          number: `RUSH-${count}-${i}`,
          channelId: web.id,
          externalId: `RUSH-${count}-${i}`,
          fulfilmentType: 'ship' as const,
          subtotalCents: 100,
          totalCents: 100,
          itemCount: 1,
          placedAt: now,
          createdAt: new Date(now.getTime() - 2_000),
        })),
      );
    await rush(DUPLICATE_SCAN_BUSY_ORDERS);
    expect(await scanRecentDuplicates(handle.db, { now })).toEqual({ pairs: 0, orders: 0, customers: 0, batches: 0 });
    expect(await cursor()).toEqual(mark);

    // One order fewer is not busy: the two orders that waited are taken, and their pair found.
    await handle.db.delete(orders).where(eq(orders.number, `RUSH-${DUPLICATE_SCAN_BUSY_ORDERS}-0`));
    expect(await scanRecentDuplicates(handle.db, { now })).toMatchObject({ pairs: 1, orders: 2, customers: 2 });
    expect(await cursor()).toMatchObject({ id: await orderOf(b) });
    await handle.db.execute(sql`delete from orders where number like 'RUSH-%'`);
  });
});

describe('mergeCustomers and undoMerge', () => {
  it('moves every row in one transaction, keeps the chosen values, redirects, and new orders land on the survivor', async () => {
    const survivor = await place(
      { email: 'nina@example.fr', phone: '06 72 00 00 03', firstName: 'Nina', lastName: 'Garnier' },
      PARIS,
      2000,
    );
    await place({ email: 'nina@example.fr' }, PARIS, 3000);
    const merged = await place(
      { email: 'nina.g@example.fr', phone: '06 72 00 00 03', firstName: 'Nina', lastName: 'Garnier-Roy' },
      PARIS,
      500,
    );
    await place({ email: 'nina.g@example.fr' }, PARIS, 700);
    await handle.db
      .insert(customerNotes)
      .values({ customerId: merged, body: 'Prefers e-mail.', authorId: w.agent.userId });
    const pair = await pairOf(survivor, merged);
    const snapshot = await rowsOf(survivor, merged);
    const [s0, m0] = [await countsOf(survivor), await countsOf(merged)];

    await expect(
      mergeCustomers(handle.db, w.manager, { survivorId: survivor, mergedId: merged }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(mergeCustomers(handle.db, w.agent, { survivorId: survivor, mergedId: survivor })).rejects.toThrow();

    const result = await mergeCustomers(handle.db, w.agent, {
      survivorId: survivor,
      mergedId: merged,
      fields: { lastName: 'merged', email: 'survivor' },
    });
    const [s1, m1] = [await countsOf(survivor), await countsOf(merged)];
    for (const key of Object.keys(s0)) {
      // The merged profile itself now redirects to the survivor.
      expect(s1[key], key).toBe(s0[key] + m0[key] + (key === 'customers.merged_into_id' ? 1 : 0));
      expect(m1[key], key).toBe(0);
    }
    expect(result.moved['orders.customer_id']).toBe(2);
    const [s] = await handle.db.select().from(customers).where(eq(customers.id, survivor));
    const [m] = await handle.db.select().from(customers).where(eq(customers.id, merged));
    expect(s).toMatchObject({
      lastName: 'Garnier-Roy',
      email: 'nina@example.fr',
      orderCount: 4,
      lifetimeValueCents: 6200,
    });
    expect(m).toMatchObject({ mergedIntoId: survivor, orderCount: 0, lifetimeValueCents: 0, lastOrderAt: null });
    expect((await pairOf(survivor, merged)).status).toBe('merged');
    expect((await listDuplicates(handle.db, w.agent)).items.some((x) => x.id === pair.id)).toBe(false);
    await expect(mergeCustomers(handle.db, w.agent, { survivorId: survivor, mergedId: merged })).rejects.toMatchObject({
      code: 'conflict',
    });

    // An order for the merged customer's e-mail lands on the survivor.
    expect(await place({ email: 'nina.g@example.fr' }, PARIS, 100)).toBe(survivor);
    const placedSince = `"external_id":"M-${n}"`;
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'customer.merge'));
    expect(audit.data).toMatchObject({
      mergeId: result.mergeId,
      mergedId: merged,
      replaced: { lastName: { before: 'Garnier', after: 'Garnier-Roy' } },
    });

    // Undo: the managers refused; then the rows the merge moved go back, exactly; the order placed since stays.
    await expect(undoMerge(handle.db, w.manager, { mergeId: result.mergeId })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await undoMerge(handle.db, w.owner, { mergeId: result.mergeId });
    const afterUndo = await rowsOf(survivor, merged);
    const [sNow] = await handle.db.select().from(customers).where(eq(customers.id, survivor));
    expect(sNow).toMatchObject({ lastName: 'Garnier', orderCount: 3, lifetimeValueCents: 5100 });
    // Everything but the survivor's new order and summary is as it was.
    const withoutNew = (rows: string[]) => rows.filter((r) => !r.includes(placedSince));
    expect(withoutNew(afterUndo['orders.customer_id'])).toEqual(snapshot['orders.customer_id']);
    for (const key of ['customer_identities.customer_id', 'customer_notes.customer_id', 'customers.merged_into_id'])
      expect(afterUndo[key], key).toEqual(snapshot[key]);
    const mergedRow = (rows: string[]) =>
      rows.map((r) => JSON.parse(r) as Record<string, unknown>).find((r) => r.id === merged);
    expect(mergedRow(afterUndo.customers)).toEqual(mergedRow(snapshot.customers));
    expect(await pairOf(survivor, merged)).toMatchObject({ status: pair.status, decidedById: null, decidedAt: null });
    const [undone] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'customer.merge_undo'));
    expect(undone.data).toMatchObject({ mergeId: result.mergeId, survivorId: survivor, mergedId: merged });
    await expect(undoMerge(handle.db, w.agent, { mergeId: result.mergeId })).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'undone' },
    });
  });

  it('an undo restores the rows exactly, and is refused once the survivor was edited or merged again', async () => {
    const a = await place({
      email: 'oscar@example.fr',
      phone: '06 73 00 00 04',
      firstName: 'Oscar',
      lastName: 'Lambert',
    });
    const b = await place({
      email: 'o.lambert@example.fr',
      phone: '06 73 00 00 04',
      firstName: 'Oscar',
      lastName: 'Lambert',
    });
    const c = await place({ email: 'oscar.l@example.fr', firstName: 'Oscar', lastName: 'Lambert' });
    await handle.db.insert(customerNotes).values({ customerId: b, body: 'VIP' });
    const snapshot = await rowsOf(a, b);
    const first = await mergeCustomers(handle.db, w.agent, { survivorId: a, mergedId: b, fields: { email: 'merged' } });
    await undoMerge(handle.db, w.agent, { mergeId: first.mergeId });
    expect(await rowsOf(a, b)).toEqual(snapshot);

    // Edited since: refused, naming the field.
    const again = await mergeCustomers(handle.db, w.agent, { survivorId: a, mergedId: b });
    await handle.db.update(customers).set({ phone: '+33799999999' }).where(eq(customers.id, a));
    await expect(undoMerge(handle.db, w.agent, { mergeId: again.mergeId })).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'survivor_edited', fields: ['phone'] },
    });
    await handle.db.update(customers).set({ phone: '+33673000004' }).where(eq(customers.id, a));
    // The survivor merged into another customer since: refused until that one is undone.
    const later = await mergeCustomers(handle.db, w.agent, { survivorId: c, mergedId: a });
    await expect(undoMerge(handle.db, w.agent, { mergeId: again.mergeId })).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'survivor_merged' },
    });
    // Both undone in reverse order: everything as before the first merge.
    expect(await countsOf(c)).toMatchObject({ 'customers.merged_into_id': 2 });
    await undoMerge(handle.db, w.agent, { mergeId: later.mergeId });
    await undoMerge(handle.db, w.agent, { mergeId: again.mergeId });
    expect(await rowsOf(a, b)).toEqual(snapshot);
  });
});
