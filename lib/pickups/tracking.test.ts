import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels, notificationOutbox, pickups } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ingestOrderReference } from '@/lib/orders/ingest-order.reference';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { markReady } from './mark-ready';
import { getTrackedPickup, TRACKING_DAYS_AFTER_END } from './tracking';

let handle: DbHandle;
let w: InventoryWorld;
let web: typeof channels.$inferSelect;
let n = 0;
const AT = new Date('2026-11-21T16:00:00Z');
const DAY = 86_400_000;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 100 });
  [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web' }).returning();
});
afterAll(() => handle.close());

function orderInput() {
  n += 1;
  return ZIngestOrderInput.parse({
    externalId: `T-${n}`,
    placedAt: '2026-11-21T15:00:00Z',
    currency: 'EUR',
    customer: {
      email: `claire.dupont${n}@example.fr`,
      firstName: 'Claire',
      lastName: 'Dupont-Secret',
      phone: '+33612345678',
    },
    lines: [{ sku: 'PULL-M', quantity: 1, unitPriceCents: 5000 }],
    fulfilment: { type: 'pickup', locationCode: 'PAR' },
    totals: { subtotalCents: 5000, totalCents: 5000 },
  });
}

async function pickupOfOrder(orderId: string) {
  return (await handle.db.select().from(pickups).where(eq(pickups.orderId, orderId)))[0];
}

describe('the tracking token', () => {
  it('is drawn by the database for every pickup, by the fast ingestion and its readable twin alike: 144 random bits, unique', async () => {
    const fast = await ingestOrder(handle.db, web, orderInput());
    const twin = await ingestOrderReference(handle.db, web, orderInput());
    const tokens = [
      (await pickupOfOrder(fast.order.id)).trackingToken,
      (await pickupOfOrder(twin.order.id)).trackingToken,
    ];
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/); // 24 × 6 = 144 bits
    expect(new Set(tokens).size).toBe(2);
    // A thousand more draws: no collision, and every base64url character shows up (no narrowed alphabet).
    const drawn = await handle.db.execute<{ t: string }>(
      sql`select translate(encode(substring(sha256(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())) from 1 for 18), 'base64'), '+/', '-_') as t from generate_series(1, 1000)`,
    );
    const values = drawn.rows.map((r) => r.t);
    expect(new Set(values).size).toBe(1000);
    expect(new Set(values.join('')).size).toBe(64);
  });

  it('opens the pickup with a first name, the order number and the store, and nothing personal beyond', async () => {
    const placed = await ingestOrder(handle.db, web, orderInput());
    const pickup = await pickupOfOrder(placed.order.id);
    const tracked = await getTrackedPickup(handle.db, pickup.trackingToken, { now: AT });
    expect(tracked).toMatchObject({
      firstName: 'Claire',
      orderNumber: placed.order.number,
      phase: 'preparing',
      code: null,
      store: { city: expect.any(String), timeZone: expect.any(String) },
    });
    const text = JSON.stringify(tracked);
    expect(text).not.toContain('Dupont');
    expect(text).not.toContain('example.fr');
    expect(text).not.toContain('612345678');
  });

  it('shows the code once ready, and every message of the pickup carries its tracking path', async () => {
    const placed = await ingestOrder(handle.db, web, orderInput());
    const pickup = await pickupOfOrder(placed.order.id);
    const ready = await markReady(handle.db, w.owner, { pickupId: pickup.id }, AT);
    const tracked = await getTrackedPickup(handle.db, pickup.trackingToken, { now: AT });
    expect(tracked).toMatchObject({
      phase: 'ready',
      code: ready.pickup.code,
      holdEndsAt: ready.pickup.dueBy!.toISOString(),
    });
    const [message] = await handle.db
      .select({ kind: notificationOutbox.kind, payload: notificationOutbox.payload })
      .from(notificationOutbox)
      .where(eq(notificationOutbox.orderId, placed.order.id));
    expect(message).toMatchObject({
      kind: 'pickup.ready',
      payload: { trackingPath: `/track/${pickup.trackingToken}` },
    });
  });

  it('stops opening anything 30 days after the pickup ended; unknown and malformed tokens open nothing', async () => {
    const placed = await ingestOrder(handle.db, web, orderInput());
    const pickup = await pickupOfOrder(placed.order.id);
    const closedAt = new Date(AT.getTime() - 10 * DAY);
    await handle.db
      .update(pickups)
      .set({ state: 'expired', expiredAt: closedAt, closedAt })
      .where(eq(pickups.id, pickup.id));
    expect(await getTrackedPickup(handle.db, pickup.trackingToken, { now: AT })).toMatchObject({
      phase: 'expired',
      code: null,
    });
    const later = new Date(closedAt.getTime() + TRACKING_DAYS_AFTER_END * DAY);
    expect(await getTrackedPickup(handle.db, pickup.trackingToken, { now: later })).toBeNull();
    expect(await getTrackedPickup(handle.db, 'A'.repeat(24), { now: AT })).toBeNull();
    expect(await getTrackedPickup(handle.db, `${pickup.trackingToken}'--`, { now: AT })).toBeNull();
    expect(await getTrackedPickup(handle.db, pickup.trackingToken.slice(0, 23), { now: AT })).toBeNull();
  });
});
