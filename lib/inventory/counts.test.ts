import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { inventoryCounts, inventoryMovements, locations } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { applyCount, discardCount, listCounts, recordCount, reviewCount, startCount } from './counts';
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
    expect(recorded).toEqual({ recorded: 3, unknown: ['NOPE-1'] });
    const review = await reviewCount(handle.db, count.id);
    expect(review?.lines.map((l) => [l.sku, l.counted, l.difference])).toEqual([
      ['PULL-L', null, 0],
      ['PULL-M', 12, 2],
      ['PULL-S', 2, -8],
    ]);
    expect(review?.netValueCents).toBe((2 - 8) * 2100);

    expect(await applyCount(handle.db, w.manager, count.id)).toEqual({ changed: 2 });
    expect((await level(handle.db, w.skus[0].id, w.paris)).onHand).toBe(2);
    expect((await level(handle.db, w.skus[1].id, w.paris)).onHand).toBe(12);
    const entries = await handle.db.select().from(inventoryMovements).where(eq(inventoryMovements.referenceId, count.id));
    expect(entries.map((e) => e.reason)).toEqual(['count', 'count']);
    expect(await applyCount(handle.db, w.manager, count.id)).toEqual({ changed: 0 }); // retry is harmless
    await expect(discardCount(handle.db, w.manager, count.id)).rejects.toMatchObject({ code: 'illegal_transition' });
    expect(await findDrift(handle.db)).toEqual([]);
  });

  it('refuses to count below what is reserved and applies nothing', async () => {
    await handle.db.transaction((tx) => changeStock(tx, { variantId: w.skus[2].id, locationId: w.lyon, deltaReserved: 4, reason: 'reservation' }));
    const count = await startCount(handle.db, w.owner, { locationId: w.lyon, scope: { kind: 'list', skus: ['pull-l', 'PULL-S'] } });
    await recordCount(handle.db, w.owner, {
      countId: count.id,
      lines: [
        { code: 'PULL-L', counted: 1, mode: 'set' },
        { code: 'PULL-S', counted: 9, mode: 'set' },
      ],
    });
    await expect(applyCount(handle.db, w.owner, count.id)).rejects.toThrow(/PULL-L/);
    expect((await level(handle.db, w.skus[0].id, w.lyon)).onHand).toBe(10);
    await discardCount(handle.db, w.owner, count.id);
    expect((await reviewCount(handle.db, count.id))?.status).toBe('discarded');
  });

  it('refuses a manager at another location and an agent', async () => {
    await expect(startCount(handle.db, w.manager, { locationId: w.lyon, scope: { kind: 'all' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(startCount(handle.db, w.agent, { locationId: w.paris, scope: { kind: 'all' } })).rejects.toMatchObject({ code: 'forbidden' });
    const count = await startCount(handle.db, w.owner, { locationId: w.warehouse, scope: { kind: 'category', category: 'Knitwear' } });
    await expect(recordCount(handle.db, w.manager, { countId: count.id, lines: [{ code: 'PULL-S', counted: 1, mode: 'set' }] })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('listCounts pages', () => {
  it('walks a location\'s counts once, newest first, across page boundaries; the last page has no next cursor', async () => {
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
    await handle.db.execute(sql`update inventory_counts set created_at = created_at + interval '900 microseconds' where number = 'CC-PAGE-3'`);
    await handle.db.execute(sql`update inventory_counts set created_at = created_at + interval '100 microseconds' where number = 'CC-PAGE-4'`);
    const expected = (
      await handle.db.execute<{ number: string }>(sql`select number from inventory_counts where location_id = ${nantes.id} order by created_at desc, id desc`)
    ).rows.map((r) => r.number);
    expect(expected).toHaveLength(5);

    const seen: string[] = [];
    const sizes: number[] = [];
    let before: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listCounts>> = await listCounts(handle.db, [nantes.id], { before, limit: 2 });
      sizes.push(page.counts.length);
      seen.push(...page.counts.map((c) => c.number));
      before = page.next;
    } while (before && sizes.length < 10);
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen).toEqual(expected);

    // A page that ends exactly on the last row says so: no empty page after it.
    const exact = await listCounts(handle.db, [nantes.id], { limit: 5 });
    expect(exact.counts).toHaveLength(5);
    expect(exact.next).toBeNull();
    // Pages stay within the locations asked (none asked, none shown); a forged cursor reads the first page.
    expect((await listCounts(handle.db, [w.paris], { limit: 50 })).counts.every((c) => c.locationName === 'Paris Rivoli')).toBe(true);
    expect(await listCounts(handle.db, [], { limit: 2 })).toEqual({ counts: [], next: null });
    expect((await listCounts(handle.db, [nantes.id], { limit: 2, before: 'forged' })).counts.map((c) => c.number)).toEqual(expected.slice(0, 2));
  });
});
