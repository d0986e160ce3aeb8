import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { inventoryLevels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { adjustStock } from './adjust-stock';
import { listReplenishment } from './replenishment';

let handle: DbHandle;
let w: InventoryWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db);
  // Reorder point 4 everywhere; Paris S down to 1, Paris M down to 3 with no spare stock elsewhere.
  await handle.db.update(inventoryLevels).set({ reorderPoint: 4 });
  await adjustStock(handle.db, w.owner, {
    variantId: w.skus[0].id,
    locationId: w.paris,
    mode: 'set',
    quantity: 1,
    reason: 'count_correction',
  });
  await adjustStock(handle.db, w.owner, {
    variantId: w.skus[1].id,
    locationId: w.paris,
    mode: 'set',
    quantity: 3,
    reason: 'count_correction',
  });
  for (const loc of [w.lyon, w.warehouse]) {
    await handle.db
      .update(inventoryLevels)
      .set({ reorderPoint: 10 })
      .where(and(eq(inventoryLevels.variantId, w.skus[1].id), eq(inventoryLevels.locationId, loc)));
  }
});
afterAll(() => handle.close());

describe('listReplenishment', () => {
  it('suggests a transfer from the location with most excess, else a supplier reorder', async () => {
    const { lines } = await listReplenishment(handle.db, [w.paris]);
    expect(lines.map((l) => [l.sku, l.need, l.suggestion.kind, l.suggestion.quantity])).toEqual([
      ['PULL-S', 7, 'transfer', 6],
      ['PULL-M', 5, 'reorder', 5],
    ]);
    // Lyon and the warehouse both have 6 to spare on S; ties go to the first code.
    expect(lines[0].suggestion).toMatchObject({ kind: 'transfer', fromLocationCode: 'LYS' });
  });

  it('lists only what is at or below its reorder point', async () => {
    const { lines } = await listReplenishment(handle.db, [w.lyon]);
    expect(lines.map((l) => [l.sku, l.suggestion.kind])).toEqual([['PULL-M', 'reorder']]);
  });
});
