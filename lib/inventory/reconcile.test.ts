import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { findDrift } from './invariants';
import { reconcileInventory } from './reconcile';

let handle: DbHandle;
let w: InventoryWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db);
});
afterAll(() => handle.close());

describe('reconcileInventory', () => {
  it('reports drift without touching anything, then repairs it with ledger entries when asked', async () => {
    // Corrupt two rows behind the ledger's back.
    await handle.db.execute(
      sql`update inventory_levels set on_hand = 13 where variant_id = ${w.skus[0].id} and location_id = ${w.paris}`,
    );
    await handle.db.execute(
      sql`update inventory_levels set reserved = 2 where variant_id = ${w.skus[1].id} and location_id = ${w.lyon}`,
    );

    const report = await reconcileInventory(handle.db, { fix: false });
    expect(report.drift).toHaveLength(2);
    expect(report.repaired).toBe(0);
    expect(await findDrift(handle.db)).toHaveLength(2);

    const fixed = await reconcileInventory(handle.db, { fix: true });
    expect(fixed.repaired).toBe(2);
    expect(await findDrift(handle.db)).toEqual([]);
    const { rows } = await handle.db.execute<{ on_hand: number }>(
      sql`select on_hand from inventory_levels where variant_id = ${w.skus[0].id} and location_id = ${w.paris}`,
    );
    expect(rows[0].on_hand).toBe(10);
  });
});
