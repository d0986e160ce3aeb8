import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { inventoryLevels, locations } from '@/db/schema';
import { createTransfer, shipTransfer } from '@/lib/inventory/transfers';
import { expirePickups } from '@/lib/pickups/expire-pickups';
import { markReady } from '@/lib/pickups/mark-ready';
import { getPickupQueue } from '@/lib/pickups/queries';
import type { InventoryWorld } from '@/lib/testing/fixtures';
import { makePickupWorld, placePickupOrder, type Channel } from '@/lib/testing/orders';
import { recordStatements } from '@/lib/testing/statements';
import { getStoresToday } from './store-today';

let handle: DbHandle;
let w: InventoryWorld;
let web: Channel;
// Wednesday 2 December 2026, 23:30 UTC: already Thursday 00:30 in Paris, so Paris's "today" began
// at 23:00 UTC. The store: Monday–Saturday 10:00–19:00, two hours to prepare, three days' hold.
const NOW = new Date('2026-12-02T23:30:00Z');

beforeAll(async () => {
  ({ handle, w, web } = await makePickupWorld());
});
afterAll(() => handle.close());

async function place(placedAt: string, store = 'PAR') {
  return (await placePickupOrder(handle.db, web, { placedAt, store })).pickupId;
}

async function reorderPoint(sku: string, locationId: string, point: number) {
  const variant = w.skus.find((v) => v.sku === sku)!;
  await handle.db
    .update(inventoryLevels)
    .set({ reorderPoint: point })
    .where(and(eq(inventoryLevels.variantId, variant.id), eq(inventoryLevels.locationId, locationId)));
}

async function transfer(from: string, to: string, ship: boolean) {
  const t = await createTransfer(handle.db, w.owner, {
    sourceLocationId: from,
    destinationLocationId: to,
    lines: [{ variantId: w.skus[0].id, quantity: 1 }],
  });
  if (ship) await shipTransfer(handle.db, w.owner, t.id);
}

describe("a store's today on the home page", () => {
  beforeAll(async () => {
    await place('2026-12-02T08:00:00Z'); // Wednesday 09:00: promised 12:00, late now
    await place('2026-12-02T20:00:00Z'); // Wednesday 21:00, closed: promised Thursday 12:00
    // Ready on Monday 30 November 10:00Z: the hold ends Thursday 10:00Z, within a day.
    await markReady(
      handle.db,
      w.manager,
      { pickupId: await place('2026-11-30T08:00:00Z') },
      new Date('2026-11-30T10:00:00Z'),
    );
    // Ready Wednesday noon: the hold ends Saturday, not due soon.
    await markReady(
      handle.db,
      w.manager,
      { pickupId: await place('2026-12-02T09:00:00Z') },
      new Date('2026-12-02T12:00:00Z'),
    );
    // Expired at 22:30Z: Wednesday 23:30 in Paris, so not today there (though it is in UTC).
    const yesterday = await place('2026-11-29T09:00:00Z');
    await markReady(handle.db, w.manager, { pickupId: yesterday }, new Date('2026-11-29T22:00:00Z'));
    await expirePickups(handle.db, { now: new Date('2026-12-02T22:30:00Z') });
    // Expired at 23:15Z: Thursday 00:15 in Paris, today.
    const today = await place('2026-11-29T10:00:00Z');
    await markReady(handle.db, w.manager, { pickupId: today }, new Date('2026-11-29T23:10:00Z'));
    await expirePickups(handle.db, { now: new Date('2026-12-02T23:15:00Z') });
    await place('2026-12-02T08:00:00Z', 'LYS'); // Lyon's: counted at Lyon only

    await transfer(w.warehouse, w.paris, true); // on its way to Paris
    await transfer(w.lyon, w.paris, true); // on its way to Paris
    await transfer(w.warehouse, w.paris, false); // a draft: nothing on its way yet
    await transfer(w.paris, w.lyon, true); // leaving Paris: Lyon's to receive

    await reorderPoint('PULL-L', w.paris, 60); // 50 on hand: low
    await reorderPoint('PULL-S', w.paris, 5); // 50 on hand: fine
    await reorderPoint('PULL-L', w.lyon, 100); // Lyon's
  });

  it('counts each tile by its list’s rule, today in the store’s own time zone, in two statements', async () => {
    const { result, statements } = await recordStatements(handle.db, () =>
      getStoresToday(handle.db, w.manager, { locationIds: w.manager.locationIds, now: NOW }),
    );
    expect(statements).toHaveLength(2);
    expect(result).toEqual([
      {
        id: w.paris,
        code: 'PAR',
        name: 'Paris Rivoli',
        timeZone: 'Europe/Paris',
        pickupEnabled: true,
        pickupPaused: false,
        counts: { toPick: 2, late: 1, dueSoon: 1, expiredToday: 1, transfersIn: 2, lowStock: 1 },
      },
    ]);

    // The figures are the queue's own for the same tabs.
    const queue = await getPickupQueue(handle.db, w.manager, { locationId: w.paris, tab: 'to_pick', now: NOW });
    expect([queue.counts.to_pick, queue.counts.late, queue.counts.due_soon]).toEqual([2, 1, 1]);
  });

  it('gives an owner any store asked for, by code, and a manager only theirs', async () => {
    const both = await getStoresToday(handle.db, w.owner, { locationIds: [w.paris, w.lyon], now: NOW });
    expect(both.map((s) => [s.code, s.counts])).toEqual([
      ['LYS', { toPick: 1, late: 1, dueSoon: 0, expiredToday: 0, transfersIn: 1, lowStock: 1 }],
      ['PAR', { toPick: 2, late: 1, dueSoon: 1, expiredToday: 1, transfersIn: 2, lowStock: 1 }],
    ]);
    const mine = await getStoresToday(handle.db, w.manager, { locationIds: [w.paris, w.lyon], now: NOW });
    expect(mine.map((s) => s.code)).toEqual(['PAR']);
    expect(await getStoresToday(handle.db, w.agent, { locationIds: [w.paris], now: NOW })).toEqual([]);
  });

  it('reads zero everywhere for a quiet store, and says when click-and-collect is paused', async () => {
    await handle.db.update(locations).set({ pickupPaused: true }).where(eq(locations.id, w.warehouse));
    const [quiet] = await getStoresToday(handle.db, w.owner, { locationIds: [w.warehouse], now: NOW });
    expect(quiet).toMatchObject({
      code: 'WH',
      pickupEnabled: false,
      pickupPaused: true,
      counts: { toPick: 0, late: 0, dueSoon: 0, expiredToday: 0, transfersIn: 0, lowStock: 0 },
    });
  });
});
