import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { isDomainError } from '@/lib/errors';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { adjustStock } from './adjust-stock';
import { changeStock } from './ledger';
import { receiveStock } from './receive-stock';
import { cancelTransfer, createTransfer, receiveTransfer, shipTransfer } from './transfers';

let handle: DbHandle;
let w: InventoryWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 5 });
});
afterAll(() => handle.close());

const idx = fc.nat({ max: 2 });
const op = fc.oneof(
  fc.record({
    kind: fc.constant('adjust' as const),
    sku: idx,
    loc: idx,
    qty: fc.integer({ min: -8, max: 8 }).filter((q) => q !== 0),
  }),
  fc.record({ kind: fc.constant('set' as const), sku: idx, loc: idx, qty: fc.nat({ max: 12 }) }),
  fc.record({ kind: fc.constant('receive' as const), sku: idx, loc: idx, qty: fc.integer({ min: 1, max: 6 }) }),
  fc.record({
    kind: fc.constant('reserve' as const),
    sku: idx,
    loc: idx,
    qty: fc.integer({ min: -5, max: 5 }).filter((q) => q !== 0),
  }),
  fc.record({
    kind: fc.constant('transfer' as const),
    sku: idx,
    loc: idx,
    to: idx,
    qty: fc.integer({ min: 1, max: 6 }),
    end: fc.constantFrom('ship', 'receive', 'short', 'cancel_draft', 'cancel_transit'),
  }),
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function apply(o: Op) {
  const variantId = w.skus[o.sku].id;
  const locs = [w.paris, w.lyon, w.warehouse];
  const locationId = locs[o.loc];
  switch (o.kind) {
    case 'adjust':
      return adjustStock(handle.db, w.owner, {
        variantId,
        locationId,
        mode: 'delta',
        quantity: o.qty,
        reason: o.qty > 0 ? 'found' : 'damaged',
      });
    case 'set':
      return adjustStock(handle.db, w.owner, {
        variantId,
        locationId,
        mode: 'set',
        quantity: o.qty,
        reason: 'count_correction',
      });
    case 'receive':
      return receiveStock(handle.db, w.owner, {
        locationId,
        reference: 'prop',
        lines: [{ variantId, quantity: o.qty }],
      });
    case 'reserve':
      return handle.db.transaction((tx) =>
        changeStock(tx, { variantId, locationId, deltaReserved: o.qty, reason: o.qty > 0 ? 'reservation' : 'release' }),
      );
    case 'transfer': {
      if (o.to === o.loc) return;
      const t = await createTransfer(handle.db, w.owner, {
        sourceLocationId: locationId,
        destinationLocationId: locs[o.to],
        lines: [{ variantId, quantity: o.qty }],
      });
      if (o.end === 'cancel_draft') return cancelTransfer(handle.db, w.owner, t.id);
      await shipTransfer(handle.db, w.owner, t.id);
      if (o.end === 'cancel_transit') return cancelTransfer(handle.db, w.owner, t.id);
      if (o.end === 'ship') return;
      const lines = o.end === 'short' ? [{ variantId, quantityReceived: o.qty - 1 }] : [];
      return receiveTransfer(handle.db, w.owner, { transferId: t.id, lines });
    }
  }
}

describe('ledger invariants under random operations', () => {
  it('ledger sum = on hand and 0 ≤ reserved ≤ on hand for every row, whatever succeeds or fails', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 15 }), async (ops) => {
        for (const o of ops) {
          try {
            await apply(o);
          } catch (e) {
            // Refusals are part of the game (stock conflicts); anything else is a bug.
            if (!isDomainError(e) || e.code !== 'stock_conflict') throw e;
          }
        }
        const { rows } = await handle.db.execute<{ bad: number }>(sql`
          select count(*)::int as bad from inventory_levels l
          left join (
            select variant_id, location_id, sum(delta_on_hand) as h, sum(delta_reserved) as r
            from inventory_movements group by 1, 2
          ) g using (variant_id, location_id)
          where l.on_hand <> coalesce(g.h, 0) or l.reserved <> coalesce(g.r, 0)
             or l.reserved < 0 or l.reserved > l.on_hand`);
        expect(rows[0].bad).toBe(0);
      }),
      { numRuns: 40, seed: 20261123 },
    );
  });
});
