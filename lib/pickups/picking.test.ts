import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import {
  channels,
  inventoryMovements,
  notificationOutbox,
  orderEvents,
  orders,
  pickupLines,
  pickups,
  reservations,
} from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/auth/permissions';
import { findDrift } from '@/lib/inventory/invariants';
import { shipTransfer } from '@/lib/inventory/transfers';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { vatIncludedCents } from '@/lib/orders/tax';
import { renderOutboxMessage } from '@/lib/messages/render';
import { SEED_INVARIANTS } from '@/lib/seed/invariants';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { setBin } from '@/lib/inventory/set-bin';
import { reducedAmounts } from '@/lib/orders/amounts';
import { acceptPartialOrder } from './accept-partial';
import { finishPicking } from './finish-picking';
import { pickLine, scanPickLine } from './pick-line';
import { getBatchPickList, getPickListForActor } from './pick-queries';
import { getPickupQueue } from './queries';
import { readPickLines } from './pick-lines';
import { listRerouteStores, reroutePickup } from './reroute-pickup';
import { shipInstead } from './ship-instead';
import { receiveTransferForPickup } from './receive-transfer';
import { shortPick } from './short-pick';
import { waitForTransfer } from './wait-for-transfer';

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

async function timelineTypes(orderId: string) {
  const rows = await handle.db
    .select({ type: orderEvents.type })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(asc(orderEvents.id));
  return rows.map((r) => r.type);
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

  it('reports missing units: the hold is released and they leave stock through the ledger with the reason', async () => {
    const { orderId, pickupId, lines } = await placePickup('PAR', [2, 1]);
    const before = await level(handle.db, lines[0].variantId, w.paris);
    await pickLine(handle.db, w.manager, { pickupId, orderLineId: lines[0].orderLineId, quantity: 2 }, AT);
    const r = await shortPick(
      handle.db,
      w.manager,
      { pickupId, orderLineId: lines[0].orderLineId, quantity: 1, reason: 'damaged', seen: 0 },
      AT,
    );
    expect(r).toMatchObject({
      changed: true,
      removedFromStock: 1,
      line: { short: 1, picked: 1, shortReason: 'damaged' },
    });
    // Retried: the page had seen 0 short, one is short already.
    const retry = await shortPick(
      handle.db,
      w.manager,
      { pickupId, orderLineId: lines[0].orderLineId, quantity: 1, reason: 'damaged', seen: 0 },
      AT,
    );
    expect(retry.changed).toBe(false);
    expect(await level(handle.db, lines[0].variantId, w.paris)).toEqual({
      onHand: before.onHand - 1,
      reserved: before.reserved - 1,
    });
    const moves = await handle.db
      .select({
        reason: inventoryMovements.reason,
        detail: inventoryMovements.detail,
        dOnHand: inventoryMovements.deltaOnHand,
        dReserved: inventoryMovements.deltaReserved,
      })
      .from(inventoryMovements)
      .where(eq(inventoryMovements.referenceId, orderId))
      .orderBy(asc(inventoryMovements.id));
    expect(moves.slice(-2)).toEqual([
      { reason: 'release', detail: 'damaged', dOnHand: 0, dReserved: -1 },
      { reason: 'adjustment', detail: 'damaged', dOnHand: -1, dReserved: 0 },
    ]);
    const held = await handle.db.select().from(reservations).where(eq(reservations.orderLineId, lines[0].orderLineId));
    expect(held.filter((h) => h.status === 'active').map((h) => h.quantity)).toEqual([1]);
    await expect(finishPicking(handle.db, w.manager, { pickupId }, AT)).rejects.toMatchObject({
      details: { reason: 'short_open' },
    });
    await expect(
      shortPick(
        handle.db,
        w.manager,
        { pickupId, orderLineId: lines[0].orderLineId, quantity: 2, reason: 'not_found' },
        AT,
      ),
    ).rejects.toMatchObject({ details: { reason: 'too_many', most: 1 } });
    await expect(
      shortPick(
        handle.db,
        lyonManager,
        { pickupId, orderLineId: lines[1].orderLineId, quantity: 1, reason: 'not_found' },
        AT,
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await timelineTypes(orderId)).filter((t) => t === 'pick_short')).toHaveLength(1);
  });

  it('continues with a partial order: the line shrinks, amounts stay whole cents and the refund is flagged', async () => {
    const { orderId, pickupId, lines } = await placePickup('PAR', [2, 1]);
    await shortPick(
      handle.db,
      w.manager,
      { pickupId, orderLineId: lines[0].orderLineId, quantity: 1, reason: 'not_found' },
      AT,
    );
    await shortPick(
      handle.db,
      w.manager,
      { pickupId, orderLineId: lines[1].orderLineId, quantity: 1, reason: 'damaged' },
      AT,
    );
    const r = await acceptPartialOrder(handle.db, w.manager, { pickupId }, AT);
    expect(r).toEqual({ removedUnits: 2, refundCents: 10000, currency: 'EUR', complete: false });
    const [o] = await handle.db.select().from(orders).where(eq(orders.id, orderId));
    expect(o).toMatchObject({ subtotalCents: 5000, totalCents: 5000, itemCount: 1, taxCents: vatIncludedCents(5000) });
    const left = await readPickLines(handle.db, pickupId, orderId);
    expect(left.map((l) => [l.sku, l.quantity, l.short])).toEqual([['PULL-S', 1, 0]]);
    const types = await timelineTypes(orderId);
    expect(types).toEqual(expect.arrayContaining(['partial_accepted', 'refund_due']));
    const [refund] = await handle.db
      .select({ data: orderEvents.data })
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, 'refund_due')));
    expect(refund.data).toEqual({ cents: 10000, currency: 'EUR', reason: 'short_pick' });
    const messages = await handle.db.select().from(notificationOutbox).where(eq(notificationOutbox.orderId, orderId));
    expect(messages.map((m) => m.kind)).toEqual(['pickup.partial']);
    // What the customer reads: the missing units by name and the refund, in their language (French here).
    const told = await renderOutboxMessage(messages[0], { env: {} });
    expect(told.text).toContain('1 × Pull marin — S');
    expect(told.text).toContain('1 × Pull marin — M');
    expect(told.text).toContain('100,00\u00a0€');
    await pickLine(handle.db, w.manager, { pickupId, orderLineId: left[0].orderLineId, quantity: 1 }, AT);
    expect((await finishPicking(handle.db, w.manager, { pickupId }, AT)).pickup.state).toBe('ready');
    await expect(acceptPartialOrder(handle.db, w.manager, { pickupId }, AT)).rejects.toMatchObject({
      code: 'illegal_transition',
    });
  });

  it('shares a discount pro rata in whole cents, in the customer’s favour', () => {
    expect(
      reducedAmounts(
        {
          subtotalCents: 3000,
          discountCents: 1000,
          shippingCents: 0,
          taxCents: vatIncludedCents(2000),
          totalCents: 2000,
        },
        1000,
      ),
    ).toEqual({
      subtotalCents: 2000,
      discountCents: 667,
      totalCents: 1333,
      taxCents: vatIncludedCents(1333),
      refundCents: 667,
    });
  });

  it('refuses a partial order with nothing left', async () => {
    const { pickupId, lines } = await placePickup('PAR', [1]);
    await shortPick(
      handle.db,
      w.manager,
      { pickupId, orderLineId: lines[0].orderLineId, quantity: 1, reason: 'not_found' },
      AT,
    );
    await expect(acceptPartialOrder(handle.db, w.manager, { pickupId }, AT)).rejects.toMatchObject({
      details: { reason: 'nothing_left' },
    });
  });

  it('reroutes to a store with every unit: holds move, the pickup starts again there, the customer is told', async () => {
    const { orderId, pickupId, lines } = await placePickup('PAR', [2]);
    await pickLine(handle.db, w.manager, { pickupId, orderLineId: lines[0].orderLineId, quantity: 1 }, AT);
    await shortPick(
      handle.db,
      w.manager,
      { pickupId, orderLineId: lines[0].orderLineId, quantity: 1, reason: 'not_found' },
      AT,
    );
    const [p] = await handle.db.select().from(pickups).where(eq(pickups.id, pickupId));
    const stores = await listRerouteStores(handle.db, p);
    expect(stores.map((s) => s.code)).toEqual(['LYS']);
    const lyonBefore = await level(handle.db, lines[0].variantId, w.lyon);
    const parisBefore = await level(handle.db, lines[0].variantId, w.paris);
    await expect(reroutePickup(handle.db, w.manager, { pickupId, locationId: w.warehouse }, AT)).rejects.toMatchObject({
      details: { reason: 'store_unavailable' },
    });
    const r = await reroutePickup(handle.db, w.manager, { pickupId, locationId: w.lyon }, AT);
    expect(r.pickup).toMatchObject({ state: 'placed', locationId: w.lyon });
    const retry = await reroutePickup(handle.db, w.manager, { pickupId, locationId: w.lyon }, AT);
    expect(retry.changed).toBe(false);
    expect(await level(handle.db, lines[0].variantId, w.lyon)).toEqual({
      onHand: lyonBefore.onHand,
      reserved: lyonBefore.reserved + 2,
    });
    expect((await level(handle.db, lines[0].variantId, w.paris)).reserved).toBe(parisBefore.reserved - 1);
    const [o] = await handle.db.select().from(orders).where(eq(orders.id, orderId));
    expect(o).toMatchObject({ locationId: w.lyon, fulfillingLocationId: w.lyon });
    expect(await handle.db.select().from(pickupLines).where(eq(pickupLines.pickupId, pickupId))).toEqual([]);
    const messages = await handle.db.select().from(notificationOutbox).where(eq(notificationOutbox.orderId, orderId));
    expect(
      messages.map((m) => [
        m.kind,
        (m.payload.store as { code: string }).code,
        (m.payload.newStore as { code: string }).code,
      ]),
    ).toEqual([['pickup.rerouted', 'PAR', 'LYS']]);
    // Now Lyon's: the Paris manager may no longer act on it.
    await expect(
      pickLine(handle.db, w.manager, { pickupId, orderLineId: lines[0].orderLineId, quantity: 1 }, AT),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('ships instead: the missing units are held at the warehouse, the pickup is cancelled, the customer told', async () => {
    const { orderId, pickupId, lines } = await placePickup('PAR', [2, 1]);
    await shortPick(
      handle.db,
      w.manager,
      { pickupId, orderLineId: lines[0].orderLineId, quantity: 2, reason: 'not_found' },
      AT,
    );
    await expect(shipInstead(handle.db, lyonManager, { pickupId }, AT)).rejects.toMatchObject({ code: 'forbidden' });
    const whBefore = await level(handle.db, lines[0].variantId, w.warehouse);
    const r = await shipInstead(handle.db, w.manager, { pickupId }, AT);
    expect(r.pickup.state).toBe('cancelled');
    expect((await shipInstead(handle.db, w.manager, { pickupId }, AT)).changed).toBe(false);
    expect((await level(handle.db, lines[0].variantId, w.warehouse)).reserved).toBe(whBefore.reserved + 2);
    const [o] = await handle.db.select().from(orders).where(eq(orders.id, orderId));
    expect(o).toMatchObject({ fulfilmentType: 'ship', locationId: null, fulfillingLocationId: w.warehouse });
    const held = await handle.db
      .select({ loc: reservations.locationId, q: reservations.quantity })
      .from(reservations)
      .where(and(eq(reservations.orderId, orderId), eq(reservations.status, 'active')));
    expect(held).toEqual(
      expect.arrayContaining([
        { loc: w.warehouse, q: 2 },
        { loc: w.paris, q: 1 },
      ]),
    );
    expect(await timelineTypes(orderId)).toEqual(expect.arrayContaining(['pickup_cancelled', 'fulfilment_changed']));
    const messages = await handle.db.select().from(notificationOutbox).where(eq(notificationOutbox.orderId, orderId));
    expect(messages.map((m) => m.kind)).toEqual(['pickup.shipping_instead']);
    expect((await renderOutboxMessage(messages[0], { env: {} })).subject).toContain('vous sera livrée');
  });

  it('waits for a transfer: the missing units come from the warehouse and the pickup is picked again on arrival', async () => {
    const { orderId, pickupId, lines } = await placePickup('PAR', [2]);
    await pickLine(handle.db, w.manager, { pickupId, orderLineId: lines[0].orderLineId, quantity: 1 }, AT);
    await shortPick(
      handle.db,
      w.manager,
      { pickupId, orderLineId: lines[0].orderLineId, quantity: 1, reason: 'damaged' },
      AT,
    );
    await expect(waitForTransfer(handle.db, lyonManager, { pickupId }, AT)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const whBefore = await level(handle.db, lines[0].variantId, w.warehouse);
    const r = await waitForTransfer(handle.db, w.manager, { pickupId }, AT);
    expect(r.pickup.state).toBe('awaiting_transfer');
    expect((await level(handle.db, lines[0].variantId, w.warehouse)).reserved).toBe(whBefore.reserved + 1);
    const [line] = await readPickLines(handle.db, pickupId, orderId);
    expect(line).toMatchObject({ picked: 1, short: 0 });
    await expect(waitForTransfer(handle.db, w.manager, { pickupId }, AT)).rejects.toMatchObject({
      details: { reason: 'nothing_short' },
    });
    await shipTransfer(handle.db, w.owner, r.transfer.id);
    await receiveTransferForPickup(handle.db, w.manager, { transferId: r.transfer.id, lines: [] });
    expect(await stateOf(pickupId)).toBe('to_pick');
    const done = await pickLine(handle.db, w.manager, { pickupId, orderLineId: lines[0].orderLineId, quantity: 2 }, AT);
    expect(done.complete).toBe(true);
    expect((await finishPicking(handle.db, w.manager, { pickupId }, AT)).pickup.state).toBe('ready');
    expect(await timelineTypes(orderId)).toEqual(
      expect.arrayContaining(['pick_short', 'awaiting_transfer', 'short_transfer']),
    );
  });

  it('shows where each SKU sits at the store and walks the batch bin by bin, SKUs without a bin last', async () => {
    const sku = (code: string) => w.skus.find((v) => v.sku === code)!.id;
    await setBin(handle.db, w.manager, { variantId: sku('PULL-M'), locationId: w.paris, bin: 'A-10' });
    await setBin(handle.db, w.manager, { variantId: sku('PULL-S'), locationId: w.paris, bin: 'A-2' });
    // A bin at another store is not this store's.
    await setBin(handle.db, w.owner, { variantId: sku('PULL-L'), locationId: w.lyon, bin: 'Z-1' });
    const first = await placePickup('PAR', [1, 1, 1]);
    const second = await placePickup(
      'PAR',
      [2, 0, 1].map((q) => q || 1),
    );

    const list = await getPickListForActor(handle.db, w.manager, first.pickupId);
    expect(list.lines.map((l) => [l.sku, l.bin])).toEqual([
      ['PULL-S', 'A-2'],
      ['PULL-M', 'A-10'],
      ['PULL-L', null],
    ]);
    const batch = await getBatchPickList(handle.db, w.manager, { ids: [first.pickupId, second.pickupId] });
    expect(batch.bySku.map((g) => [g.bin, g.sku, g.toPick])).toEqual([
      ['A-2', 'PULL-S', 3],
      ['A-10', 'PULL-M', 2],
      [null, 'PULL-L', 2],
    ]);
    const queue = await getPickupQueue(handle.db, w.manager, { locationId: w.paris, tab: 'to_pick', now: AT });
    const card = queue.cards.find((c) => c.pickupId === first.pickupId)!;
    expect(card.items.map((i) => [i.sku, i.bin])).toEqual([
      ['PULL-S', 'A-2'],
      ['PULL-M', 'A-10'],
      ['PULL-L', null],
    ]);
  });

  it('leaves the stock, the ledger and the seed’s invariants consistent', async () => {
    expect(await findDrift(handle.db)).toEqual([]);
    for (const [name, query] of Object.entries(SEED_INVARIANTS)) {
      expect((await handle.db.execute(sql.raw(query))).rows, name).toEqual([]);
    }
  });
});
