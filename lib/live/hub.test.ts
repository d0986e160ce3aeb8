import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { cancelOrder } from '@/lib/orders/cancel-order';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { announce } from './announce';
import { LiveHub } from './hub';
import { liveTopic, type LiveEvent } from './topics';

let handle: DbHandle;
let hub: LiveHub;
let w: InventoryWorld;
let n = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db);
  await handle.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web' });
  hub = new LiveHub(handle, { lingerMs: 50 });
});
afterAll(async () => {
  await hub?.close();
  await handle?.close();
});

/** Everything `topic` hears from now on, and a way to wait for the next events. */
async function follow(on: LiveHub, topic: string) {
  const events: LiveEvent[] = [];
  const stop = on.subscribe(topic, { onEvent: (e) => events.push(e) });
  await on.whenListening();
  return {
    events,
    stop,
    /** Waits until `count` events arrived (or `ms` passed), then returns them. */
    async wait(count: number, ms = 2000) {
      const until = Date.now() + ms;
      while (events.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      return events;
    },
  };
}

async function place(fulfilment: Record<string, unknown>, qty = 1) {
  n += 1;
  const r = await ingestOrder(
    handle.db,
    { code: 'web' },
    ZIngestOrderInput.parse({
      externalId: `LIVE-${n}`,
      placedAt: '2026-12-06T07:00:00Z',
      currency: 'EUR',
      customer: { email: 'live@example.fr' },
      lines: [{ sku: 'PULL-S', quantity: qty, unitPriceCents: 5000 }],
      fulfilment,
      totals: { subtotalCents: 5000 * qty, totalCents: 5000 * qty },
    }),
  );
  return r.order.id;
}

describe('announce and the live hub', () => {
  it('delivers an announcement made in a committed transaction, at commit', async () => {
    const topic = liveTopic.pickups(w.paris);
    const sub = await follow(hub, topic);
    const other = await follow(hub, liveTopic.pickups(w.lyon));
    try {
      await handle.db.transaction(async (tx) => {
        await announce(tx, topic, { kind: 'pickup.changed', id: 'p-1' });
        await new Promise((r) => setTimeout(r, 100));
        expect(sub.events).toEqual([]);
      });
      const [event] = await sub.wait(1);
      expect(event).toMatchObject({ topic, kind: 'pickup.changed', id: 'p-1' });
      expect(Date.parse(event.at)).not.toBeNaN();
      expect(other.events).toEqual([]);
    } finally {
      sub.stop();
      other.stop();
    }
  });

  it('sends nothing for a transaction that rolls back', async () => {
    const topic = liveTopic.pickups(w.paris);
    const sub = await follow(hub, topic);
    try {
      await expect(
        handle.db.transaction(async (tx) => {
          await announce(tx, topic, { kind: 'pickup.changed', id: 'rolled-back' });
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      await announce(handle.db, topic, { kind: 'pickup.changed', id: 'after' });
      const events = await sub.wait(1);
      await new Promise((r) => setTimeout(r, 100));
      expect(events.map((e) => e.id)).toEqual(['after']);
    } finally {
      sub.stop();
    }
  });

  it('announces a pickup order on the store’s queue and orders, a counter sale on its orders, a ship order nowhere', async () => {
    const queue = await follow(hub, liveTopic.pickups(w.paris));
    const parisOrders = await follow(hub, liveTopic.orders(w.paris));
    const lyonQueue = await follow(hub, liveTopic.pickups(w.lyon));
    try {
      const pickup = await place({ type: 'pickup', locationCode: 'PAR' });
      const sale = await place({ type: 'in_store', locationCode: 'PAR' });
      await place({ type: 'ship', address: { line1: '3 quai', postalCode: '69002', city: 'Lyon', country: 'FR' } });
      // Refused (out of stock): nothing written, nothing announced.
      await expect(place({ type: 'pickup', locationCode: 'PAR' }, 1000)).rejects.toThrow();
      expect((await queue.wait(1)).map((e) => [e.kind, e.id])).toEqual([['order.placed', pickup]]);
      expect((await parisOrders.wait(2)).map((e) => e.id)).toEqual([pickup, sale]);

      await cancelOrder(handle.db, w.manager, { orderId: pickup, reason: 'customer asked' });
      expect((await queue.wait(2)).map((e) => [e.kind, e.id])).toEqual([
        ['order.placed', pickup],
        ['order.cancelled', pickup],
      ]);
      await new Promise((r) => setTimeout(r, 100));
      expect(lyonQueue.events).toEqual([]);
      expect(parisOrders.events).toHaveLength(3);
    } finally {
      queue.stop();
      parisOrders.stop();
      lyonQueue.stop();
    }
  });

  it('listens only while someone subscribes', async () => {
    const quiet = new LiveHub(handle, { lingerMs: 20 });
    expect(quiet.isListening).toBe(false);
    const sub = await follow(quiet, liveTopic.pickups(w.paris));
    expect(quiet.isListening).toBe(true);
    sub.stop();
    await new Promise((r) => setTimeout(r, 100));
    expect(quiet.isListening).toBe(false);
    // And comes back for the next subscriber.
    const again = await follow(quiet, liveTopic.pickups(w.paris));
    await announce(handle.db, liveTopic.pickups(w.paris), { kind: 'pickup.changed', id: 'back' });
    expect((await again.wait(1)).map((e) => e.id)).toEqual(['back']);
    await quiet.close();
  });
});
