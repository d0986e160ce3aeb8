import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { alias } from 'drizzle-orm/pg-core';
import { inventoryLevels, reservations } from '@/db/schema';
import { insertTransfer, sumByVariant } from './insert-transfer';
import { changeStock } from './ledger';
import { availableToPromiseSql } from './rules';

/**
 * Stock sent to a store for one click-and-collect order (ship-to-store): the order's units are
 * reserved at the source, a transfer carries them, and at the store they are reserved again for
 * the order when the transfer is received (lib/pickups/receive-transfer.ts).
 */

/** Units of one order line wanted from a source. */
export type OrderUnits = { orderLineId: string; variantId: string; quantity: number };

export type ShipToStoreSource = { locationId: string; code: string; transferLeadDays: number };

const l = alias(inventoryLevels, 'l');

/**
 * The location that will send `units` to `destinationId`: one location holding all of them
 * available to promise (a ship-to-store order travels as one parcel), warehouses first, then the
 * location with the most of them, then by code. Its rows are locked (in SKU order) and checked
 * again under the locks, so what it returns can be reserved in the same transaction; null when no
 * active location can serve them all.
 */
export async function lockShipToStoreSource(
  tx: DbOrTx,
  destinationId: string,
  units: readonly OrderUnits[],
): Promise<ShipToStoreSource | null> {
  const wanted = sumByVariant(units);
  if (wanted.size === 0) return null;
  const values = sql.join(
    [...wanted].map(([variantId, qty]) => sql`(${variantId}::uuid, ${qty}::int)`),
    sql`, `,
  );
  const { rows: candidates } = await tx.execute<ShipToStoreSource>(sql`
    with wanted (variant_id, qty) as (values ${values})
    select loc.id as "locationId", loc.code, loc.transfer_lead_days as "transferLeadDays"
    from wanted w
    join inventory_levels l on l.variant_id = w.variant_id
    join locations loc on loc.id = l.location_id and loc.active and loc.id <> ${destinationId}::uuid
    where ${availableToPromiseSql(l)} >= w.qty
    group by loc.id, loc.code, loc.kind, loc.transfer_lead_days
    having count(*) = ${wanted.size}
    order by (loc.kind = 'warehouse') desc, sum(${availableToPromiseSql(l)}) desc, loc.code`);
  for (const candidate of candidates) {
    const { rows: locked } = await tx.execute<{ variant_id: string; available: number }>(sql`
      select l.variant_id, ${availableToPromiseSql(l)}::int as available
      from inventory_levels l
      where l.location_id = ${candidate.locationId}::uuid and l.variant_id in (${sql.join(
        [...wanted.keys()].map((v) => sql`${v}::uuid`),
        sql`, `,
      )})
      order by l.variant_id
      for update`);
    const covered = [...wanted].every(([variantId, qty]) =>
      locked.some((r) => r.variant_id === variantId && Number(r.available) >= qty),
    );
    if (covered) return candidate;
  }
  return null;
}

/** Reserves `units` for the order at `locationId` (a ledger entry and a reservation per line). */
export async function reserveOrderUnits(
  tx: DbOrTx,
  input: { orderId: string; locationId: string; units: readonly OrderUnits[]; actorId: string | null },
): Promise<void> {
  for (const u of input.units) {
    if (u.quantity <= 0) continue;
    await changeStock(tx, {
      variantId: u.variantId,
      locationId: input.locationId,
      deltaReserved: u.quantity,
      reason: 'reservation',
      referenceType: 'order',
      referenceId: input.orderId,
      actorId: input.actorId,
    });
    await tx.insert(reservations).values({
      orderId: input.orderId,
      orderLineId: u.orderLineId,
      variantId: u.variantId,
      locationId: input.locationId,
      quantity: u.quantity,
    });
  }
}

/**
 * A draft transfer of `units` from the source to the order's store, linked to the order: the
 * source ships it as any other transfer, and shipping it takes the order's reservation there
 * (transfers.ts). Audited.
 */
export async function createOrderTransfer(
  tx: DbOrTx,
  input: {
    orderId: string;
    orderNumber: string;
    sourceLocationId: string;
    destinationLocationId: string;
    units: readonly OrderUnits[];
    actorId: string | null;
  },
): Promise<{ id: string; number: string }> {
  const { id, number } = await insertTransfer(
    tx,
    {
      sourceLocationId: input.sourceLocationId,
      destinationLocationId: input.destinationLocationId,
      orderId: input.orderId,
      note: `Click-and-collect ${input.orderNumber}`,
      createdById: input.actorId,
    },
    input.units,
    { action: 'transfer.create', data: { orderId: input.orderId, reason: 'ship_to_store' } },
  );
  return { id, number };
}

/**
 * Takes up to `quantity` units of the order's active reservations of a SKU at a location, oldest
 * first: a reservation wholly taken is consumed, one partly taken keeps the rest. Returns the units
 * taken; the caller books them (the transfer leaving the source takes them off reserved and on hand
 * in one ledger entry).
 */
export async function takeOrderReservations(
  tx: DbOrTx,
  input: { orderId: string; variantId: string; locationId: string; quantity: number },
): Promise<number> {
  const held = await tx
    .select({ id: reservations.id, quantity: reservations.quantity })
    .from(reservations)
    .where(
      and(
        eq(reservations.orderId, input.orderId),
        eq(reservations.variantId, input.variantId),
        eq(reservations.locationId, input.locationId),
        eq(reservations.status, 'active'),
      ),
    )
    .orderBy(reservations.createdAt, reservations.id)
    .for('update');
  let left = input.quantity;
  for (const r of held) {
    if (left === 0) break;
    const take = Math.min(left, r.quantity);
    left -= take;
    if (take === r.quantity)
      await tx
        .update(reservations)
        .set({ status: 'consumed', closedAt: sql`now()` })
        .where(eq(reservations.id, r.id));
    else
      await tx
        .update(reservations)
        .set({ quantity: r.quantity - take })
        .where(eq(reservations.id, r.id));
  }
  return input.quantity - left;
}
