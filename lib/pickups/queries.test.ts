import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { Forbidden } from '@/lib/errors';
import type { InventoryWorld } from '@/lib/testing/fixtures';
import { makePickupWorld, placePickupOrder, type Channel } from '@/lib/testing/orders';
import { collectPickup } from './collect-pickup';
import { expirePickups } from './expire-pickups';
import { markReady } from './mark-ready';
import { getPickupQueue, listQueueStores } from './queries';

let handle: DbHandle;
let w: InventoryWorld;
let web: Channel;
// Wednesday 2 December 2026, 15:00 in Paris. The store: Monday–Saturday 10:00–19:00, two hours to prepare.
const NOW = new Date('2026-12-02T14:00:00Z');

beforeAll(async () => {
  ({ handle, w, web } = await makePickupWorld());
});
afterAll(() => handle.close());

/** 2 × PULL-M and 1 × PULL-S to collect at `store`. */
function place(placedAt: string, store = 'PAR') {
  return placePickupOrder(handle.db, web, {
    placedAt,
    store,
    lines: [
      { sku: 'PULL-M', quantity: 2 },
      { sku: 'PULL-S', quantity: 1 },
    ],
  });
}

describe('the pickup queue', () => {
  it('counts every tab and shows one, exceptions first, for the store’s own staff only', async () => {
    const late = await place('2026-12-02T08:00:00Z'); // 09:00: promised 12:00, late at 15:00
    const fresh = await place('2026-12-02T13:30:00Z'); // 14:30: promised 16:30
    const ready = await place('2026-12-01T09:00:00Z');
    const collected = await place('2026-12-01T09:30:00Z');
    const expired = await place('2026-11-20T09:00:00Z');
    await place('2026-12-02T09:00:00Z', 'LYS'); // another store's
    const readyAt = new Date('2026-11-30T10:00:00Z'); // hold 3 days: ends 3 December 10:00Z, within 24 h
    await markReady(handle.db, w.manager, { pickupId: ready.pickupId }, readyAt);
    const c = await markReady(handle.db, w.manager, { pickupId: collected.pickupId }, new Date('2026-12-02T09:00:00Z'));
    await collectPickup(
      handle.db,
      w.manager,
      { pickupId: collected.pickupId, code: c.pickup.code! },
      new Date('2026-12-02T13:00:00Z'),
    );
    await markReady(handle.db, w.manager, { pickupId: expired.pickupId }, new Date('2026-11-25T10:00:00Z'));
    await expirePickups(handle.db, { now: new Date('2026-12-01T10:00:00Z') });

    const queue = await getPickupQueue(handle.db, w.manager, { locationId: w.paris, tab: 'to_pick', now: NOW });
    expect(queue.counts).toEqual({
      to_pick: 2,
      late: 1,
      awaiting_transfer: 0,
      ready: 1,
      due_soon: 1,
      collected_today: 1,
      expired: 1,
    });
    expect(queue.cards.map((c) => [c.orderNumber, c.late, c.promisedAt])).toEqual([
      [late.number, true, '2026-12-02T11:00:00.000Z'],
      [fresh.number, false, '2026-12-02T15:30:00.000Z'],
    ]);
    expect(queue.cards[0]).toMatchObject({
      customerName: 'Claire Martin',
      items: [
        { sku: 'PULL-M', quantity: 2, title: expect.any(String) as string },
        { sku: 'PULL-S', quantity: 1 },
      ],
    });

    const dueSoon = await getPickupQueue(handle.db, w.manager, { locationId: w.paris, tab: 'due_soon', now: NOW });
    expect(dueSoon.cards).toMatchObject([
      { orderNumber: ready.number, state: 'ready', dueBy: '2026-12-03T10:00:00.000Z', promisedAt: null },
    ]);
    const today = await getPickupQueue(handle.db, w.owner, { locationId: w.paris, tab: 'collected_today', now: NOW });
    expect(today.cards.map((c) => c.orderNumber)).toEqual([collected.number]);
    const gone = await getPickupQueue(handle.db, w.owner, { locationId: w.paris, tab: 'expired', now: NOW });
    expect(gone.cards.map((c) => c.orderNumber)).toEqual([expired.number]);

    // The next day nothing is collected today any more.
    const tomorrow = await getPickupQueue(handle.db, w.owner, {
      locationId: w.paris,
      tab: 'collected_today',
      now: new Date('2026-12-02T23:30:00Z'),
    });
    expect(tomorrow.counts.collected_today).toBe(0);

    await expect(
      getPickupQueue(handle.db, w.manager, { locationId: w.lyon, tab: 'to_pick', now: NOW }),
    ).rejects.toBeInstanceOf(Forbidden);
    await expect(
      getPickupQueue(handle.db, w.agent, { locationId: w.paris, tab: 'to_pick', now: NOW }),
    ).rejects.toBeInstanceOf(Forbidden);
  });

  it('offers a manager their own click-and-collect stores and an owner every one', async () => {
    expect((await listQueueStores(handle.db, w.manager)).map((s) => s.code)).toEqual(['PAR']);
    expect((await listQueueStores(handle.db, w.owner)).map((s) => s.code)).toEqual(['LYS', 'PAR']);
  });
});
