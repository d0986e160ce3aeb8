import { and, count as countRows, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, inventoryCountLines, inventoryCounts, inventoryMovements, locations, variants } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/auth/permissions';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import {
  applyCount,
  discardCount,
  findCountNumber,
  getCountReview,
  listCounts,
  recordCount,
  startCount,
} from './counts';
import { findDrift } from './invariants';
import { changeStock } from './ledger';

let handle: DbHandle;
let w: InventoryWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db);
});
afterAll(() => handle.close());

describe('cycle counts', () => {
  it('counts a location by scan and typing, reviews the value and applies in one go', async () => {
    const count = await startCount(handle.db, w.manager, { locationId: w.paris, scope: { kind: 'all' } });
    expect(count).toMatchObject({ lines: 3 });
    expect(count.number).toMatch(/^CC-\d+$/);
    // Two scans of S's barcode, a typed quantity for M, L left uncounted.
    const recorded = await recordCount(handle.db, w.manager, {
      countId: count.id,
      lines: [
        { code: '3560070048021', counted: 1, mode: 'add' },
        { code: '3560070048021', counted: 1, mode: 'add' },
        { code: 'pull-m', counted: 12, mode: 'set' },
        { code: 'NOPE-1', counted: 3, mode: 'set' },
      ],
    });
    expect(recorded).toEqual({ recorded: 3, unknown: ['NOPE-1'], elsewhere: [] });
    const review = await getCountReview(handle.db, w.manager, count.id);
    expect(review?.lines.map((l) => [l.sku, l.counted, l.difference])).toEqual([
      ['PULL-L', null, null],
      ['PULL-M', 12, 2],
      ['PULL-S', 2, -8],
    ]);
    expect(review?.netValueCents).toBe((2 - 8) * 2100);

    expect(await applyCount(handle.db, w.manager, count.id)).toEqual({ changed: 2 });
    expect((await level(handle.db, w.skus[0].id, w.paris)).onHand).toBe(2);
    expect((await level(handle.db, w.skus[1].id, w.paris)).onHand).toBe(12);
    const entries = await handle.db
      .select()
      .from(inventoryMovements)
      .where(eq(inventoryMovements.referenceId, count.id));
    expect(entries.map((e) => e.reason)).toEqual(['count', 'count']);
    expect(await applyCount(handle.db, w.manager, count.id)).toEqual({ changed: 0 }); // retry is harmless
    await expect(discardCount(handle.db, w.manager, count.id)).rejects.toMatchObject({ code: 'illegal_transition' });
    expect(await findDrift(handle.db)).toEqual([]);
  });

  it('refuses to count below what is reserved and applies nothing', async () => {
    await handle.db.transaction((tx) =>
      changeStock(tx, { variantId: w.skus[2].id, locationId: w.lyon, deltaReserved: 4, reason: 'reservation' }),
    );
    const count = await startCount(handle.db, w.owner, {
      locationId: w.lyon,
      scope: { kind: 'list', skus: ['pull-l', 'PULL-S'] },
    });
    await recordCount(handle.db, w.owner, {
      countId: count.id,
      lines: [
        { code: 'PULL-L', counted: 1, mode: 'set' },
        { code: 'PULL-S', counted: 9, mode: 'set' },
      ],
    });
    await expect(applyCount(handle.db, w.owner, count.id)).rejects.toMatchObject({
      code: 'stock_conflict',
      details: { skus: ['PULL-L'] },
    });
    expect((await level(handle.db, w.skus[0].id, w.lyon)).onHand).toBe(10);
    await discardCount(handle.db, w.owner, count.id);
    expect((await getCountReview(handle.db, w.owner, count.id)).status).toBe('discarded');
  });

  it('refuses a manager at another location and an agent', async () => {
    await expect(
      startCount(handle.db, w.manager, { locationId: w.lyon, scope: { kind: 'all' } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(startCount(handle.db, w.agent, { locationId: w.paris, scope: { kind: 'all' } })).rejects.toMatchObject(
      { code: 'forbidden' },
    );
    const count = await startCount(handle.db, w.owner, {
      locationId: w.warehouse,
      scope: { kind: 'category', category: 'Knitwear' },
    });
    await expect(
      recordCount(handle.db, w.manager, { countId: count.id, lines: [{ code: 'PULL-S', counted: 1, mode: 'set' }] }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

/** A store of its own for a test, each SKU received 10 times over, so open counts of other tests never overlap. */
async function store(code: string): Promise<string> {
  const [loc] = await handle.db
    .insert(locations)
    .values({ code, name: `Store ${code}`, kind: 'store', city: code })
    .returning({ id: locations.id });
  await handle.db.transaction(async (tx) => {
    for (const v of w.skus)
      await changeStock(tx, {
        variantId: v.id,
        locationId: loc.id,
        deltaOnHand: 10,
        reason: 'receipt',
        referenceType: 'seed',
      });
  });
  return loc.id;
}
const move = (
  variantId: string,
  locationId: string,
  change: { deltaOnHand?: number; deltaReserved?: number },
  reason: 'sale' | 'receipt' | 'reservation',
) => handle.db.transaction((tx) => changeStock(tx, { variantId, locationId, ...change, reason }));
const managerOf = (locationId: string): Actor => ({ ...w.manager, locationIds: [locationId] });
const countEntries = (countId: string) =>
  handle.db.select().from(inventoryMovements).where(eq(inventoryMovements.referenceId, countId));

describe('applying what was counted', () => {
  it('keeps a sale made between counting and applying: the ledger books counted − expected at the moment of counting', async () => {
    const bdx = await store('BDX');
    const manager = managerOf(bdx);
    const count = await startCount(handle.db, manager, { locationId: bdx, scope: { kind: 'list', skus: ['PULL-S'] } });
    await recordCount(handle.db, manager, { countId: count.id, lines: [{ code: 'PULL-S', counted: 8, mode: 'set' }] });
    await move(w.skus[0].id, bdx, { deltaOnHand: -1 }, 'sale'); // sold after the shelf was counted

    const open = await getCountReview(handle.db, manager, count.id);
    expect(open.lines.map((l) => [l.sku, l.expected, l.counted, l.onHandNow, l.difference, l.valueCents])).toEqual([
      ['PULL-S', 10, 8, 9, -2, -2 * 2100],
    ]);

    expect(await applyCount(handle.db, manager, count.id)).toEqual({ changed: 1 });
    expect((await level(handle.db, w.skus[0].id, bdx)).onHand).toBe(7);
    expect((await countEntries(count.id)).map((e) => e.deltaOnHand)).toEqual([-2]);
    const ledger = await handle.db
      .select({ sum: sql<number>`sum(${inventoryMovements.deltaOnHand})::int` })
      .from(inventoryMovements)
      .where(and(eq(inventoryMovements.variantId, w.skus[0].id), eq(inventoryMovements.locationId, bdx)));
    expect(ledger[0].sum).toBe(7);
  });

  it('takes what the system expected when each line is counted, not when the count started', async () => {
    const lil = await store('LIL');
    const count = await startCount(handle.db, w.owner, { locationId: lil, scope: { kind: 'list', skus: ['PULL-M'] } });
    await move(w.skus[1].id, lil, { deltaOnHand: 3 }, 'receipt'); // arrived before the shelf was counted: 13 there
    await recordCount(handle.db, w.owner, { countId: count.id, lines: [{ code: 'PULL-M', counted: 13, mode: 'set' }] });
    expect(
      (await getCountReview(handle.db, w.owner, count.id)).lines.map((l) => [
        l.expected,
        l.counted,
        l.onHandNow,
        l.difference,
      ]),
    ).toEqual([[13, 13, null, 0]]);
    expect(await applyCount(handle.db, w.owner, count.id)).toEqual({ changed: 0 });
    expect((await level(handle.db, w.skus[1].id, lil)).onHand).toBe(13);
    expect(await countEntries(count.id)).toEqual([]);
  });

  it('an applied count keeps per line what was expected, counted, booked and its value at the cost of the day; applying again changes nothing', async () => {
    const tls = await store('TLS');
    const count = await startCount(handle.db, w.owner, { locationId: tls, scope: { kind: 'all' } });
    await recordCount(handle.db, w.owner, {
      countId: count.id,
      lines: [
        { code: 'PULL-S', counted: 7, mode: 'set' },
        { code: 'PULL-M', counted: 10, mode: 'set' },
      ],
    });
    await move(w.skus[0].id, tls, { deltaOnHand: -2 }, 'sale');
    expect(await applyCount(handle.db, w.owner, count.id)).toEqual({ changed: 1 });
    expect((await level(handle.db, w.skus[0].id, tls)).onHand).toBe(5);

    // Later movements and a new cost price do not rewrite what the count found and booked.
    await move(w.skus[1].id, tls, { deltaOnHand: -4 }, 'sale');
    await handle.db.update(variants).set({ costCents: 9900 }).where(eq(variants.id, w.skus[0].id));
    try {
      const review = await getCountReview(handle.db, w.owner, count.id);
      expect(review.status).toBe('applied');
      expect(review.lines.map((l) => [l.sku, l.expected, l.counted, l.difference, l.valueCents, l.onHandNow])).toEqual([
        ['PULL-L', 10, null, null, null, null],
        ['PULL-M', 10, 10, 0, 0, null],
        ['PULL-S', 10, 7, -3, -3 * 2100, null],
      ]);
      expect(review).toMatchObject({ counted: 2, changed: 1, netValueCents: -3 * 2100, showCost: true });
      const [stored] = await handle.db
        .select()
        .from(inventoryCountLines)
        .where(and(eq(inventoryCountLines.countId, count.id), eq(inventoryCountLines.variantId, w.skus[0].id)));
      expect(stored).toMatchObject({ expected: 10, counted: 7, appliedDifference: -3, unitCostCents: 2100 });
      expect(stored.countedAt).toBeInstanceOf(Date);

      expect(await applyCount(handle.db, w.owner, count.id)).toEqual({ changed: 0 });
      expect((await level(handle.db, w.skus[0].id, tls)).onHand).toBe(5);
      expect((await countEntries(count.id)).map((e) => e.deltaOnHand)).toEqual([-3]);
    } finally {
      await handle.db.update(variants).set({ costCents: 2100 }).where(eq(variants.id, w.skus[0].id));
    }
  });

  it('refuses, writing nothing, a line that would go below what is reserved once the movements since counting are kept', async () => {
    const nce = await store('NCE');
    const count = await startCount(handle.db, w.owner, {
      locationId: nce,
      scope: { kind: 'list', skus: ['PULL-S', 'PULL-M'] },
    });
    await recordCount(handle.db, w.owner, {
      countId: count.id,
      lines: [
        { code: 'PULL-S', counted: 3, mode: 'set' },
        { code: 'PULL-M', counted: 11, mode: 'set' },
      ],
    });
    await move(w.skus[0].id, nce, { deltaOnHand: -6 }, 'sale');
    await move(w.skus[0].id, nce, { deltaReserved: 2 }, 'reservation'); // 4 on hand, 2 reserved: 4 + (3 − 10) < 2
    await expect(applyCount(handle.db, w.owner, count.id)).rejects.toMatchObject({
      code: 'stock_conflict',
      details: { skus: ['PULL-S'] },
    });
    expect(await level(handle.db, w.skus[0].id, nce)).toEqual({ onHand: 4, reserved: 2 });
    expect((await level(handle.db, w.skus[1].id, nce)).onHand).toBe(10);
    expect(await countEntries(count.id)).toEqual([]);
    expect((await getCountReview(handle.db, w.owner, count.id)).status).toBe('open');
  });
});

describe('one open count of a SKU per location', () => {
  it('refuses a second open count on any of the same SKUs at one location, naming the open one', async () => {
    const mrs = await store('MRS');
    const first = await startCount(handle.db, w.owner, {
      locationId: mrs,
      scope: { kind: 'list', skus: ['PULL-S', 'PULL-M'] },
    });
    const refused = startCount(handle.db, w.owner, {
      locationId: mrs,
      scope: { kind: 'list', skus: ['PULL-M', 'PULL-L'] },
    });
    await expect(refused).rejects.toMatchObject({
      code: 'conflict',
      details: { countId: first.id, number: first.number, skus: 1 },
    });
    await expect(refused).rejects.toThrow(first.number);
    await expect(startCount(handle.db, w.owner, { locationId: mrs, scope: { kind: 'all' } })).rejects.toMatchObject({
      code: 'conflict',
    });
    const [{ n }] = await handle.db
      .select({ n: countRows() })
      .from(inventoryCounts)
      .where(eq(inventoryCounts.locationId, mrs));
    expect(n).toBe(1); // nothing of the refused counts stays

    // Other SKUs at the same location, or the same SKUs elsewhere, may be counted meanwhile; once closed, again.
    await startCount(handle.db, w.owner, { locationId: mrs, scope: { kind: 'list', skus: ['PULL-L'] } });
    const elsewhere = await store('MPL');
    await startCount(handle.db, w.owner, {
      locationId: elsewhere,
      scope: { kind: 'list', skus: ['PULL-S', 'PULL-M'] },
    });
    await discardCount(handle.db, w.owner, first.id);
    await startCount(handle.db, w.owner, { locationId: mrs, scope: { kind: 'list', skus: ['PULL-S', 'PULL-M'] } });
  });

  it('a SKU found on the shelf does not join a count while another open count at the location holds it', async () => {
    const rns = await store('RNS');
    const shoes = await startCount(handle.db, w.owner, { locationId: rns, scope: { kind: 'list', skus: ['PULL-S'] } });
    const other = await startCount(handle.db, w.owner, { locationId: rns, scope: { kind: 'list', skus: ['PULL-L'] } });
    const result = await recordCount(handle.db, w.owner, {
      countId: other.id,
      lines: [
        { code: '3560070048021', counted: 4, mode: 'set' },
        { code: 'PULL-M', counted: 10, mode: 'set' },
      ],
    });
    expect(result).toEqual({ recorded: 1, unknown: [], elsewhere: [{ code: '3560070048021', number: shoes.number }] });
    expect((await getCountReview(handle.db, w.owner, other.id)).lines.map((l) => l.sku)).toEqual(['PULL-L', 'PULL-M']);
  });
});

describe('location scope of counts', () => {
  it('a manager of another location is refused on every count action and read, and nothing is written', async () => {
    const count = await startCount(handle.db, w.owner, {
      locationId: w.lyon,
      scope: { kind: 'list', skus: ['PULL-M'] },
    });
    await recordCount(handle.db, w.owner, { countId: count.id, lines: [{ code: 'PULL-M', counted: 9, mode: 'set' }] });
    const snapshot = async () => ({
      count: await handle.db.select().from(inventoryCounts).where(eq(inventoryCounts.id, count.id)),
      lines: await handle.db.select().from(inventoryCountLines).where(eq(inventoryCountLines.countId, count.id)),
      movements: await countEntries(count.id),
      audit: await handle.db.select().from(auditLog).where(eq(auditLog.entityId, count.id)),
      level: await level(handle.db, w.skus[1].id, w.lyon),
    });
    const before = await snapshot();

    const parisManager = w.manager;
    const forbidden = { code: 'forbidden' };
    await expect(
      recordCount(handle.db, parisManager, { countId: count.id, lines: [{ code: 'PULL-M', counted: 1, mode: 'set' }] }),
    ).rejects.toMatchObject(forbidden);
    await expect(applyCount(handle.db, parisManager, count.id)).rejects.toMatchObject(forbidden);
    await expect(discardCount(handle.db, parisManager, count.id)).rejects.toMatchObject(forbidden);
    await expect(
      startCount(handle.db, parisManager, { locationId: w.lyon, scope: { kind: 'list', skus: ['PULL-S'] } }),
    ).rejects.toMatchObject(forbidden);
    await expect(getCountReview(handle.db, parisManager, count.id)).rejects.toMatchObject(forbidden);
    expect(await findCountNumber(handle.db, parisManager, count.id)).toBeNull();
    expect(
      (await listCounts(handle.db, parisManager)).counts.map((c) => c.locationName).filter((n) => n !== 'Paris Rivoli'),
    ).toEqual([]);
    expect((await listCounts(handle.db, parisManager, { locationIds: [w.lyon] })).counts).toEqual([]);
    // Agents do not see counts at all.
    await expect(getCountReview(handle.db, w.agent, count.id)).rejects.toMatchObject(forbidden);
    await expect(listCounts(handle.db, w.agent)).rejects.toMatchObject(forbidden);
    expect(await findCountNumber(handle.db, w.agent, count.id)).toBeNull();
    expect(await snapshot()).toEqual(before);

    // Their own location's counts they read, with values at cost; the owner reads every count.
    expect(await findCountNumber(handle.db, managerOf(w.lyon), count.id)).toBe(count.number);
    expect(await getCountReview(handle.db, managerOf(w.lyon), count.id)).toMatchObject({
      showCost: true,
      netValueCents: -2100,
    });
    expect((await listCounts(handle.db, w.owner, { locationIds: [w.lyon] })).counts.map((c) => c.number)).toContain(
      count.number,
    );
  });

  it('a missing count is not found', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(getCountReview(handle.db, w.owner, missing)).rejects.toMatchObject({ code: 'not_found' });
    expect(await findCountNumber(handle.db, w.owner, missing)).toBeNull();
    await expect(applyCount(handle.db, w.owner, missing)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('listCounts pages', () => {
  it("walks a location's counts once, newest first, across page boundaries; the last page has no next cursor", async () => {
    // A store of its own, so the page boundaries fall where this test puts them: three counts at
    // one instant (ties broken by id), then two within one millisecond (…00.000900 and …00.000100),
    // which a cursor rounded to the millisecond would split wrongly.
    const [nantes] = await handle.db
      .insert(locations)
      .values({ code: 'NTE', name: 'Nantes Graslin', kind: 'store', city: 'Nantes' })
      .returning({ id: locations.id });
    await handle.db.insert(inventoryCounts).values(
      ['2026-02-03', '2026-02-03', '2026-02-03', '2026-02-02', '2026-02-02'].map((day, i) => ({
        number: `CC-PAGE-${i}`,
        locationId: nantes.id,
        createdAt: new Date(`${day}T09:00:00Z`),
      })),
    );
    await handle.db.execute(
      sql`update inventory_counts set created_at = created_at + interval '900 microseconds' where number = 'CC-PAGE-3'`,
    );
    await handle.db.execute(
      sql`update inventory_counts set created_at = created_at + interval '100 microseconds' where number = 'CC-PAGE-4'`,
    );
    const expected = (
      await handle.db.execute<{ number: string }>(
        sql`select number from inventory_counts where location_id = ${nantes.id} order by created_at desc, id desc`,
      )
    ).rows.map((r) => r.number);
    expect(expected).toHaveLength(5);

    const seen: string[] = [];
    const sizes: number[] = [];
    let before: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listCounts>> = await listCounts(handle.db, w.owner, {
        locationIds: [nantes.id],
        before,
        limit: 2,
      });
      sizes.push(page.counts.length);
      seen.push(...page.counts.map((c) => c.number));
      before = page.next;
    } while (before && sizes.length < 10);
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen).toEqual(expected);

    // A page that ends exactly on the last row says so: no empty page after it.
    const exact = await listCounts(handle.db, w.owner, { locationIds: [nantes.id], limit: 5 });
    expect(exact.counts).toHaveLength(5);
    expect(exact.next).toBeNull();
    // Pages stay within the locations asked (none asked, none shown); a forged cursor reads the first page.
    expect(
      (await listCounts(handle.db, w.owner, { locationIds: [w.paris], limit: 50 })).counts.every(
        (c) => c.locationName === 'Paris Rivoli',
      ),
    ).toBe(true);
    expect(await listCounts(handle.db, w.owner, { locationIds: [], limit: 2 })).toEqual({ counts: [], next: null });
    expect(
      (await listCounts(handle.db, w.owner, { locationIds: [nantes.id], limit: 2, before: 'forged' })).counts.map(
        (c) => c.number,
      ),
    ).toEqual(expected.slice(0, 2));
    // A manager asking for another store's counts gets none of them.
    expect(await listCounts(handle.db, w.manager, { locationIds: [nantes.id], limit: 2 })).toEqual({
      counts: [],
      next: null,
    });
  });
});
