import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { adjustStock } from './adjust-stock';
import { findDrift } from './invariants';

// Runs only against PostgreSQL (*.pg.test.ts, see vitest.config.ts): PGlite serialises every statement.
describe('concurrent adjustments on PostgreSQL', () => {
  let handle: DbHandle;
  let w: InventoryWorld;
  beforeAll(async () => {
    handle = await createTestDatabase();
    w = await makeInventoryWorld(handle.db, { stock: 100 });
  });
  afterAll(() => handle.close());

  it('never loses an update of one row, and never goes below zero', async () => {
    const variantId = w.skus[0].id;
    const ops = Array.from({ length: 60 }, (_, i) =>
      adjustStock(handle.db, w.owner, {
        variantId,
        locationId: w.paris,
        mode: 'delta',
        quantity: i % 3 === 0 ? 2 : -3,
        reason: i % 3 === 0 ? 'found' : 'damaged',
      }).then(
        (r) => r.delta,
        (e: { code?: string }) => {
          if (e.code !== 'stock_conflict') throw e;
          return 0;
        },
      ),
    );
    const applied = (await Promise.all(ops)).reduce((a, b) => a + b, 0);
    const row = await level(handle.db, variantId, w.paris);
    expect(row.onHand).toBe(100 + applied);
    expect(row.onHand).toBeGreaterThanOrEqual(0);
    expect(await findDrift(handle.db)).toEqual([]);
  });
});
