import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels, notificationOutbox, orderEvents, pickupLines, pickups } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/auth/permissions';
import { findDrift } from '@/lib/inventory/invariants';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { vatIncludedCents } from '@/lib/orders/tax';
import { SEED_INVARIANTS } from '@/lib/seed/invariants';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { finishPicking } from './finish-picking';
import { pickLine, scanPickLine } from './pick-line';
import { readPickLines } from './pick-lines';

let handle: DbHandle;
let w: InventoryWorld;
let web: typeof channels.$inferSelect;
let lyonManager: Actor;
let n = 0;
const AT = new Date('2026-11-21T16:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 20 });
  [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web' }).returning();
  lyonManager = { userId: w.manager.userId, role: 'manager', locationIds: [w.lyon] };
});
afterAll(() => handle.close());

/** A pickup order through the channel API; its order, pickup and line ids. */
async function placePickup(store = 'PAR', quantities: number[] = [2, 1]) {
  n += 1;
  const sizes = ['PULL-S', 'PULL-M', 'PULL-L'];
  const total = 5000 * quantities.reduce((a, b) => a + b, 0);
  const r = await ingestOrder(
    handle.db,
    web,
    ZIngestOrderInput.parse({
      externalId: `PK-${n}`,
      placedAt: '2026-11-21T15:00:00Z',
      currency: 'EUR',
      customer: { email: `pick${n}@example.fr`, firstName: 'Inès' },
      lines: quantities.map((quantity, i) => ({ sku: sizes[i], quantity, unitPriceCents: 5000 })),
      fulfilment: { type: 'pickup', locationCode: store },
      totals: { subtotalCents: total, totalCents: total, taxCents: vatIncludedCents(total) },
    }),
  );
  const [p] = await handle.db.select().from(pickups).where(eq(pickups.orderId, r.order.id));
  const lines = await readPickLines(handle.db, p.id, r.order.id);
  return { orderId: r.order.id, pickupId: p.id, lines };
}

async function stateOf(pickupId: string) {
  return (await handle.db.select().from(pickups).where(eq(pickups.id, pickupId)))[0].state;
}

describe('picking a pickup order', () => {
  it('marks lines picked by tap: the first tap starts picking, a repeated tap changes nothing', async () => {
    const { orderId, pickupId, lines } = await placePickup();
    const first = await pickLine(
      handle.db,
      w.manager,
      { pickupId, orderLineId: lines[0].orderLineId, quantity: 2 },
      AT,
    );
    expect(first).toMatchObject({ changed: true, line: { sku: 'PULL-S', picked: 2 }, complete: false });
    expect(await stateOf(pickupId)).toBe('to_pick');
    const again = await pickLine(
      handle.db,
      w.manager,
      { pickupId, orderLineId: lines[0].orderLineId, quantity: 2 },
      AT,
    );
    expect(again).toMatchObject({ changed: false, line: { picked: 2 } });
    await expect(
      pickLine(handle.db, w.manager, { pickupId, orderLineId: lines[1].orderLineId, quantity: 2 }, AT),
    ).rejects.toMatchObject({ code: 'unprocessable', details: { reason: 'too_many', most: 1 } });
    const done = await pickLine(handle.db, w.manager, { pickupId, orderLineId: lines[1].orderLineId, quantity: 1 }, AT);
    expect(done).toMatchObject({ changed: true, complete: true });
    const [row] = await handle.db.select().from(pickupLines).where(eq(pickupLines.orderLineId, lines[1].orderLineId));
    expect(row).toMatchObject({ quantityPicked: 1, pickedById: w.manager.userId, pickedAt: AT });
    // Put back, then picked again.
    await pickLine(handle.db, w.manager, { pickupId, orderLineId: lines[1].orderLineId, quantity: 0 }, AT);
    expect((await readPickLines(handle.db, pickupId, orderId))[1].picked).toBe(0);
    // A line of another order is not this order's.
    const other = await placePickup('PAR', [1]);
    await expect(
      pickLine(handle.db, w.manager, { pickupId, orderLineId: other.lines[0].orderLineId, quantity: 1 }, AT),
    ).rejects.toMatchObject({ code: 'unprocessable', details: { reason: 'not_in_order' } });
  });

  it('counts a unit per scan of a barcode or a SKU, and a retried scan once', async () => {
    const { orderId, pickupId } = await placePickup('PAR', [2, 1]);
    const s = await scanPickLine(handle.db, w.manager, { pickupId, code: '3560070048021', seen: 0 }, AT);
    expect(s).toMatchObject({ changed: true, line: { sku: 'PULL-S', picked: 1 } });
    // The same request again (the network retried it): the page had seen 0, one is picked already.
    const retry = await scanPickLine(handle.db, w.manager, { pickupId, code: '3560070048021', seen: 0 }, AT);
    expect(retry).toMatchObject({ changed: false, line: { picked: 1 } });
    await scanPickLine(handle.db, w.manager, { pickupId, code: ' pull-s ', seen: 1 }, AT);
    await expect(scanPickLine(handle.db, w.manager, { pickupId, code: 'PULL-S' }, AT)).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'already_picked', sku: 'PULL-S' },
    });
    await expect(scanPickLine(handle.db, w.manager, { pickupId, code: 'PULL-L' }, AT)).rejects.toMatchObject({
      code: 'unprocessable',
      details: { reason: 'not_in_order' },
    });
    await expect(scanPickLine(handle.db, w.manager, { pickupId, code: '0000000000000' }, AT)).rejects.toMatchObject({
      details: { reason: 'not_in_order' },
    });
    const last = await scanPickLine(handle.db, w.manager, { pickupId, code: '3560070048038' }, AT);
    expect(last).toMatchObject({ changed: true, complete: true });
    expect((await readPickLines(handle.db, pickupId, orderId)).map((l) => l.picked)).toEqual([2, 1]);
  });

  it('makes the order ready only once every line is picked, with one code and one message', async () => {
    const { orderId, pickupId, lines } = await placePickup('PAR', [1, 1]);
    await expect(finishPicking(handle.db, w.manager, { pickupId }, AT)).rejects.toMatchObject({
      details: { reason: 'not_picked' },
    });
    for (const l of lines)
      await pickLine(handle.db, w.manager, { pickupId, orderLineId: l.orderLineId, quantity: 1 }, AT);
    const ready = await finishPicking(handle.db, w.manager, { pickupId }, AT);
    expect(ready.pickup).toMatchObject({ state: 'ready', readyById: w.manager.userId });
    expect(ready.pickup.code).toMatch(/^[0-9]{6}$/);
    const again = await finishPicking(handle.db, w.manager, { pickupId }, AT);
    expect(again).toMatchObject({ changed: false, pickup: { code: ready.pickup.code } });
    const messages = await handle.db.select().from(notificationOutbox).where(eq(notificationOutbox.orderId, orderId));
    expect(messages.map((m) => m.kind)).toEqual(['pickup.ready']);
    // Once on the shelf, nothing more is picked.
    await expect(
      pickLine(handle.db, w.manager, { pickupId, orderLineId: lines[0].orderLineId, quantity: 0 }, AT),
    ).rejects.toMatchObject({ code: 'illegal_transition', details: { reason: 'not_pickable', state: 'ready' } });
  });

  it('refuses the Lyon manager and an agent, and writes nothing', async () => {
    const { orderId, pickupId, lines } = await placePickup('PAR', [1]);
    const tap = { pickupId, orderLineId: lines[0].orderLineId, quantity: 1 };
    await expect(pickLine(handle.db, lyonManager, tap, AT)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(pickLine(handle.db, w.agent, tap, AT)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(scanPickLine(handle.db, lyonManager, { pickupId, code: 'PULL-S' }, AT)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(finishPicking(handle.db, lyonManager, { pickupId }, AT)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await stateOf(pickupId)).toBe('placed');
    expect((await readPickLines(handle.db, pickupId, orderId))[0].picked).toBe(0);
    const events = await handle.db
      .select({ type: orderEvents.type })
      .from(orderEvents)
      .where(eq(orderEvents.orderId, orderId))
      .orderBy(asc(orderEvents.id));
    expect(events.map((e) => e.type)).not.toContain('to_pick');
  });

  it('leaves the stock, the ledger and the seed’s invariants consistent', async () => {
    expect(await findDrift(handle.db)).toEqual([]);
    for (const [name, query] of Object.entries(SEED_INVARIANTS)) {
      expect((await handle.db.execute(sql.raw(query))).rows, name).toEqual([]);
    }
  });
});
