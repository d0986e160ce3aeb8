import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels, orderEvents, orderLines, pickups, reservations, transferLines, transfers } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/auth/permissions';
import { DomainError, Forbidden, OutOfStock } from '@/lib/errors';
import { findDrift } from '@/lib/inventory/invariants';
import { changeStock } from '@/lib/inventory/ledger';
import { cancelTransfer, shipTransfer } from '@/lib/inventory/transfers';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { awaitTransferForPickup } from './await-transfer';
import { collectPickup } from './collect-pickup';
import { markReady } from './mark-ready';
import { receiveTransferForPickup, receiveTransferUnitsForPickup } from './receive-transfer';
import { rejectPickup } from './reject-pickup';
import { IllegalPickupTransition } from './transition';

let handle: DbHandle;
let w: InventoryWorld;
let web: typeof channels.$inferSelect;
let market: typeof channels.$inferSelect;
let lyonManager: Actor;
let n = 0;
const [S, M, L] = [0, 1, 2];

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 10 });
  [web, market] = await handle.db
    .insert(channels)
    .values([
      { code: 'web', name: 'Web', kind: 'web', allowShipToStore: true },
      { code: 'mkt', name: 'Marketplace', kind: 'marketplace' },
    ])
    .returning();
  lyonManager = { ...w.manager, locationIds: [w.lyon] };
});
afterAll(() => handle.close());

/** Sets a SKU's on hand at a location through the ledger (a count would do the same). */
async function setOnHand(sku: number, locationId: string, onHand: number) {
  const now = await level(handle.db, w.skus[sku].id, locationId);
  if (now.onHand === onHand) return;
  await handle.db.transaction((tx) =>
    changeStock(tx, {
      variantId: w.skus[sku].id,
      locationId,
      deltaOnHand: onHand - now.onHand,
      reason: 'adjustment',
      referenceType: 'adjustment',
    }),
  );
}

/** A pickup order at Paris through the channel API; `lines` as [sku index, quantity]. */
async function placePickup(lines: [number, number][], channel = web) {
  n += 1;
  const total = 5000 * lines.reduce((a, [, q]) => a + q, 0);
  const r = await ingestOrder(
    handle.db,
    channel,
    ZIngestOrderInput.parse({
      externalId: `STS-${n}`,
      placedAt: '2026-11-21T15:00:00Z',
      currency: 'EUR',
      customer: { email: `claire${n}@example.fr`, firstName: 'Claire' },
      lines: lines.map(([sku, quantity]) => ({ sku: w.skus[sku].sku, quantity, unitPriceCents: 5000 })),
      fulfilment: { type: 'pickup', locationCode: 'PAR' },
      totals: { subtotalCents: total, totalCents: total },
    }),
  );
  const [pickup] = await handle.db.select().from(pickups).where(eq(pickups.orderId, r.order.id));
  return { order: r.order, pickup };
}

async function activeReservations(orderId: string) {
  return handle.db
    .select({ variantId: reservations.variantId, locationId: reservations.locationId, quantity: reservations.quantity })
    .from(reservations)
    .where(and(eq(reservations.orderId, orderId), eq(reservations.status, 'active')))
    .orderBy(asc(reservations.locationId), asc(reservations.variantId));
}

async function transferOf(transferId: string) {
  const [t] = await handle.db.select().from(transfers).where(eq(transfers.id, transferId));
  const lines = await handle.db
    .select({ variantId: transferLines.variantId, quantity: transferLines.quantity })
    .from(transferLines)
    .where(eq(transferLines.transferId, transferId));
  return { ...t, lines };
}

/** Every test starts from 10 of each SKU everywhere, nothing held (what earlier tests held is released). */
async function reset() {
  await handle.db.transaction(async (tx) => {
    const held = await tx.select().from(reservations).where(eq(reservations.status, 'active'));
    for (const r of held) {
      await changeStock(tx, {
        variantId: r.variantId,
        locationId: r.locationId,
        deltaReserved: -r.quantity,
        reason: 'release',
        referenceType: 'order',
        referenceId: r.orderId,
      });
      await tx.update(reservations).set({ status: 'released' }).where(eq(reservations.id, r.id));
    }
  });
  for (const sku of [S, M, L]) for (const loc of [w.paris, w.lyon, w.warehouse]) await setOnHand(sku, loc, 10);
}

describe('ship-to-store at ingestion', () => {
  it('refuses a pickup the store cannot serve when the channel does not allow ship-to-store', async () => {
    await reset();
    await setOnHand(S, w.paris, 1);
    await expect(placePickup([[S, 3]], market)).rejects.toBeInstanceOf(OutOfStock);
  });

  it('takes it from the warehouse: reserved there, a draft transfer to the store, the pickup awaiting it', async () => {
    await reset();
    await setOnHand(S, w.paris, 1);
    const { order, pickup } = await placePickup([
      [S, 3],
      [M, 2],
    ]);
    expect(order.status).toBe('placed');
    expect(pickup.state).toBe('awaiting_transfer');
    expect(pickup.awaitingTransferAt).not.toBeNull();
    const transfer = await transferOf(pickup.transferId!);
    expect(transfer).toMatchObject({
      status: 'draft',
      orderId: order.id,
      sourceLocationId: w.warehouse,
      destinationLocationId: w.paris,
      lines: [{ variantId: w.skus[S].id, quantity: 3 }],
    });
    // The store keeps what it can serve; the short SKU is held at the warehouse.
    expect(await activeReservations(order.id)).toEqual(
      expect.arrayContaining([
        { variantId: w.skus[S].id, locationId: w.warehouse, quantity: 3 },
        { variantId: w.skus[M].id, locationId: w.paris, quantity: 2 },
      ]),
    );
    expect(await level(handle.db, w.skus[S].id, w.warehouse)).toEqual({ onHand: 10, reserved: 3 });
    expect(await level(handle.db, w.skus[S].id, w.paris)).toEqual({ onHand: 1, reserved: 0 });
    const timeline = await handle.db
      .select({ type: orderEvents.type, data: orderEvents.data })
      .from(orderEvents)
      .where(eq(orderEvents.orderId, order.id))
      .orderBy(asc(orderEvents.id));
    expect(timeline.map((e) => e.type)).toEqual(['placed', 'reserved', 'awaiting_transfer']);
    expect(timeline[2].data).toMatchObject({ transfer: transfer.number, from: 'WH', days: 2 });
    expect(await findDrift(handle.db)).toEqual([]);
  });

  it('prefers a warehouse, then the store with the most, and refuses when no one location holds it all', async () => {
    await reset();
    await setOnHand(S, w.paris, 0);
    await setOnHand(S, w.warehouse, 2);
    const fromLyon = await placePickup([[S, 3]]);
    expect((await transferOf(fromLyon.pickup.transferId!)).sourceLocationId).toBe(w.lyon);

    await reset();
    await setOnHand(S, w.paris, 0);
    await setOnHand(S, w.warehouse, 2);
    await setOnHand(S, w.lyon, 2);
    // 4 units exist elsewhere, but not in one place: a ship-to-store order travels as one parcel.
    await expect(placePickup([[S, 3]])).rejects.toBeInstanceOf(OutOfStock);
    expect(await findDrift(handle.db)).toEqual([]);
  });

  it('answers a replayed delivery with its first order', async () => {
    await reset();
    await setOnHand(L, w.paris, 0);
    const first = await placePickup([[L, 1]]);
    n -= 1;
    const again = await placePickup([[L, 1]]);
    expect(again.order.id).toBe(first.order.id);
    expect(await handle.db.select().from(transfers).where(eq(transfers.orderId, first.order.id))).toHaveLength(1);
  });
});

describe('the transfer of a ship-to-store pickup', () => {
  it('takes the reservation with the stock when shipped, reserves it at the store when received, and the pickup goes to pick', async () => {
    await reset();
    await setOnHand(S, w.paris, 0);
    const placed = await placePickup([[S, 3]]);
    const transferId = placed.pickup.transferId!;
    // Its pickup waits for it: cancelling it would strand the order.
    await expect(cancelTransfer(handle.db, w.owner, transferId)).rejects.toThrow(/click-and-collect/);

    await shipTransfer(handle.db, w.owner, transferId);
    expect(await level(handle.db, w.skus[S].id, w.warehouse)).toEqual({ onHand: 7, reserved: 0 });
    expect(await activeReservations(placed.order.id)).toEqual([]);
    await expect(cancelTransfer(handle.db, w.owner, transferId)).rejects.toThrow(/click-and-collect/);

    // The Lyon manager cannot receive at Paris.
    await expect(receiveTransferForPickup(handle.db, lyonManager, { transferId, lines: [] })).rejects.toBeInstanceOf(
      Forbidden,
    );
    const received = await receiveTransferForPickup(handle.db, w.manager, { transferId, lines: [] });
    expect(received.pickupId).toBe(placed.pickup.id);
    expect(await level(handle.db, w.skus[S].id, w.paris)).toEqual({ onHand: 3, reserved: 3 });
    expect(await activeReservations(placed.order.id)).toEqual([
      { variantId: w.skus[S].id, locationId: w.paris, quantity: 3 },
    ]);
    const [after] = await handle.db.select().from(pickups).where(eq(pickups.id, placed.pickup.id));
    expect(after.state).toBe('to_pick');

    // A retried receipt changes nothing.
    await receiveTransferForPickup(handle.db, w.manager, { transferId, lines: [] });
    expect(await level(handle.db, w.skus[S].id, w.paris)).toEqual({ onHand: 3, reserved: 3 });

    // From here it is any pickup: ready, then collected, the stock leaving Paris.
    const ready = await markReady(handle.db, w.manager, { pickupId: placed.pickup.id });
    await collectPickup(handle.db, w.manager, { pickupId: placed.pickup.id, code: ready.pickup.code! });
    expect(await level(handle.db, w.skus[S].id, w.paris)).toEqual({ onHand: 0, reserved: 0 });
    expect(await findDrift(handle.db)).toEqual([]);
  });

  it('reserves at the store only what arrived when the transfer comes short', async () => {
    await reset();
    await setOnHand(M, w.paris, 0);
    const { order, pickup } = await placePickup([[M, 4]]);
    await shipTransfer(handle.db, w.owner, pickup.transferId!);
    await receiveTransferForPickup(handle.db, w.manager, {
      transferId: pickup.transferId!,
      lines: [{ variantId: w.skus[M].id, quantityReceived: 3 }],
    });
    expect(await level(handle.db, w.skus[M].id, w.paris)).toEqual({ onHand: 3, reserved: 3 });
    expect(await activeReservations(order.id)).toEqual([{ variantId: w.skus[M].id, locationId: w.paris, quantity: 3 }]);
    expect(await findDrift(handle.db)).toEqual([]);
  });
});

describe('ship-to-store received in deliveries', () => {
  it('the pickup waits until the delivery that closes the transfer, then everything that arrived is reserved', async () => {
    await reset();
    await setOnHand(L, w.paris, 0);
    const { order, pickup } = await placePickup([[L, 3]]);
    const transferId = pickup.transferId!;
    await shipTransfer(handle.db, w.owner, transferId);
    const first = await receiveTransferUnitsForPickup(handle.db, w.manager, {
      transferId,
      lines: [{ variantId: w.skus[L].id, quantity: 2 }],
      closeShort: false,
    });
    expect(first.complete).toBe(false);
    const [waiting] = await handle.db.select().from(pickups).where(eq(pickups.id, pickup.id));
    expect(waiting.state).toBe('awaiting_transfer');
    expect(await level(handle.db, w.skus[L].id, w.paris)).toEqual({ onHand: 2, reserved: 0 });

    const last = await receiveTransferUnitsForPickup(handle.db, w.manager, {
      transferId,
      lines: [{ variantId: w.skus[L].id, quantity: 1 }],
      closeShort: false,
    });
    expect(last).toEqual({ units: 1, discrepancies: 0, complete: true });
    const [toPick] = await handle.db.select().from(pickups).where(eq(pickups.id, pickup.id));
    expect(toPick.state).toBe('to_pick');
    expect(await level(handle.db, w.skus[L].id, w.paris)).toEqual({ onHand: 3, reserved: 3 });
    expect(await activeReservations(order.id)).toEqual([{ variantId: w.skus[L].id, locationId: w.paris, quantity: 3 }]);
    expect(await findDrift(handle.db)).toEqual([]);
  });
});

describe('waiting for a transfer after a short pick', () => {
  it('reserves the missing units elsewhere and sends them, once, at the pickup store only', async () => {
    await reset();
    const { order, pickup } = await placePickup([[L, 2]]);
    expect(pickup.state).toBe('placed');
    const [line] = await handle.db.select().from(orderLines).where(eq(orderLines.orderId, order.id));
    const units = [{ orderLineId: line.id, variantId: w.skus[L].id, quantity: 1 }];

    await expect(awaitTransferForPickup(handle.db, lyonManager, { pickupId: pickup.id, units })).rejects.toBeInstanceOf(
      Forbidden,
    );
    const result = await awaitTransferForPickup(handle.db, w.manager, { pickupId: pickup.id, units });
    expect(result.pickup.state).toBe('awaiting_transfer');
    expect(result.pickup.transferId).toBe(result.transfer.id);
    expect(result.from).toEqual({ code: 'WH', transferLeadDays: 2 });
    expect(await level(handle.db, w.skus[L].id, w.warehouse)).toEqual({ onHand: 10, reserved: 1 });
    await expect(awaitTransferForPickup(handle.db, w.manager, { pickupId: pickup.id, units })).rejects.toBeInstanceOf(
      IllegalPickupTransition,
    );
    expect(await handle.db.select().from(transfers).where(eq(transfers.orderId, order.id))).toHaveLength(1);

    // Rejected while waiting: the reservations are released and the unshipped transfer cancelled.
    await rejectPickup(handle.db, w.manager, { pickupId: pickup.id, reason: 'out_of_stock' });
    expect((await transferOf(result.transfer.id)).status).toBe('cancelled');
    expect(await level(handle.db, w.skus[L].id, w.warehouse)).toEqual({ onHand: 10, reserved: 0 });
    expect(await activeReservations(order.id)).toEqual([]);
    expect(await findDrift(handle.db)).toEqual([]);
  });

  it('says so when no location holds all the missing units', async () => {
    await reset();
    const { order, pickup } = await placePickup([[L, 1]]);
    const [line] = await handle.db.select().from(orderLines).where(eq(orderLines.orderId, order.id));
    const error = await awaitTransferForPickup(handle.db, w.manager, {
      pickupId: pickup.id,
      units: [{ orderLineId: line.id, variantId: w.skus[L].id, quantity: 50 }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toMatch(/No other location/);
    const [still] = await handle.db.select().from(pickups).where(eq(pickups.id, pickup.id));
    expect(still.state).toBe('placed');
  });
});
