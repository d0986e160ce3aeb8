import fc from 'fast-check';
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { inventoryLevels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { makeInventoryWorld } from '@/lib/testing/fixtures';
import { availableToPromise, availableToPromiseSql, isLowStock, isLowStockSql, type StockLevelFigures } from './rules';

let handle: DbHandle;
let rows: { variantId: string; locationId: string }[];

beforeAll(async () => {
  handle = await createTestDatabase();
  await makeInventoryWorld(handle.db, { stock: 0 });
  rows = await handle.db
    .select({ variantId: inventoryLevels.variantId, locationId: inventoryLevels.locationId })
    .from(inventoryLevels);
});
afterAll(() => handle.close());

/** Writes the figures to the world's rows (one each) and reads every rule back in both forms. */
async function rulesOn(figures: StockLevelFigures[]) {
  for (const [i, f] of figures.entries()) {
    await handle.db
      .update(inventoryLevels)
      .set(f)
      .where(and(eq(inventoryLevels.variantId, rows[i].variantId), eq(inventoryLevels.locationId, rows[i].locationId)));
  }
  const l = alias(inventoryLevels, 'l');
  // Both ways a query names the table: the query builder's own, and a raw statement's alias.
  const built = await handle.db
    .select({
      variantId: inventoryLevels.variantId,
      locationId: inventoryLevels.locationId,
      onHand: inventoryLevels.onHand,
      reserved: inventoryLevels.reserved,
      safetyStock: inventoryLevels.safetyStock,
      reorderPoint: inventoryLevels.reorderPoint,
      available: availableToPromiseSql(inventoryLevels),
      low: isLowStockSql(inventoryLevels),
    })
    .from(inventoryLevels);
  const raw = await handle.db.execute<{ variant_id: string; location_id: string; available: number; low: boolean }>(
    sql`select l.variant_id, l.location_id, ${availableToPromiseSql(l)} as available, ${isLowStockSql(l)} as low
        from inventory_levels l`,
  );
  return { built, raw: raw.rows };
}

const figures = fc
  .record({
    onHand: fc.integer({ min: 0, max: 40 }),
    reservedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    safetyStock: fc.integer({ min: 0, max: 20 }),
    reorderPoint: fc.integer({ min: 0, max: 30 }),
  })
  .map(({ onHand, reservedShare, safetyStock, reorderPoint }): StockLevelFigures => ({
    onHand,
    reserved: Math.floor(onHand * reservedShare),
    safetyStock,
    reorderPoint,
  }));

describe('stock rules', () => {
  it('give the same answer in SQL and in TypeScript on the same rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(figures, { minLength: 9, maxLength: 9 }), async (fs) => {
        const { built, raw } = await rulesOn(fs);
        const rawByKey = new Map(raw.map((r) => [`${r.variant_id}|${r.location_id}`, r]));
        for (const r of built) {
          expect(r.available).toBe(availableToPromise(r));
          expect(r.low).toBe(isLowStock(r));
          const same = rawByKey.get(`${r.variantId}|${r.locationId}`)!;
          expect(Number(same.available)).toBe(r.available);
          expect(same.low).toBe(r.low);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('never promise below zero, and count safety stock only in what may be promised', () => {
    expect(availableToPromise({ onHand: 5, reserved: 3, safetyStock: 4 })).toBe(0);
    expect(availableToPromise({ onHand: 10, reserved: 3, safetyStock: 2 })).toBe(5);
    expect(isLowStock({ onHand: 10, reserved: 6, reorderPoint: 4 })).toBe(true);
    expect(isLowStock({ onHand: 10, reserved: 5, reorderPoint: 4 })).toBe(false);
    // No reorder point: never low, even when nothing is left.
    expect(isLowStock({ onHand: 0, reserved: 0, reorderPoint: 0 })).toBe(false);
  });
});
