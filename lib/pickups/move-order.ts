import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { inventoryLevels, locations, reservations } from '@/db/schema';
import { OutOfStock } from '@/lib/errors';
import { changeStock } from '@/lib/inventory/ledger';
import { bumpKpi } from '@/lib/kpis/rollup';
import type { OrderRow } from '@/lib/orders/lock-order';

/** Units of a line to hold at a location. */
export type Hold = { orderLineId: string; variantId: string; sku: string; quantity: number };

/**
 * Available to promise per (variant, location) at the given locations, read under a row lock when
 * `lock` is set (a use case about to reserve); on hand − reserved − safety stock, never below 0.
 */
export async function availableAt(
  tx: DbOrTx,
  variantIds: string[],
  locationIds: string[],
  lock = false,
): Promise<Map<string, number>> {
  if (variantIds.length === 0 || locationIds.length === 0) return new Map();
  const q = tx
    .select({
      variantId: inventoryLevels.variantId,
      locationId: inventoryLevels.locationId,
      onHand: inventoryLevels.onHand,
      reserved: inventoryLevels.reserved,
      safety: inventoryLevels.safetyStock,
    })
    .from(inventoryLevels)
    .where(and(inArray(inventoryLevels.variantId, variantIds), inArray(inventoryLevels.locationId, locationIds)))
    .orderBy(inventoryLevels.variantId, inventoryLevels.locationId);
  const rows = lock ? await q.for('update') : await q;
  return new Map(rows.map((r) => [`${r.variantId}|${r.locationId}`, Math.max(0, r.onHand - r.reserved - r.safety)]));
}

/**
 * Holds units for an order at one location: checks what is available there (under the rows'
 * locks), then one reservation and one ledger line ('reservation') per line. Throws OutOfStock,
 * writing nothing, when a SKU lacks units.
 */
export async function holdAt(
  tx: DbOrTx,
  p: { order: Pick<OrderRow, 'id'>; locationId: string; holds: Hold[]; actorId: string | null },
): Promise<void> {
  const holds = p.holds.filter((h) => h.quantity > 0);
  const wanted = new Map<string, number>();
  for (const h of holds) wanted.set(h.variantId, (wanted.get(h.variantId) ?? 0) + h.quantity);
  const available = await availableAt(tx, [...wanted.keys()], [p.locationId], true);
  const lacking = holds.filter(
    (h) => (available.get(`${h.variantId}|${p.locationId}`) ?? 0) < wanted.get(h.variantId)!,
  );
  if (lacking.length > 0) throw new OutOfStock([...new Set(lacking.map((h) => h.sku))]);
  for (const h of holds) {
    await changeStock(tx, {
      variantId: h.variantId,
      locationId: p.locationId,
      deltaReserved: h.quantity,
      reason: 'reservation',
      referenceType: 'order',
      referenceId: p.order.id,
      actorId: p.actorId,
    });
    await tx.insert(reservations).values({
      orderId: p.order.id,
      orderLineId: h.orderLineId,
      variantId: h.variantId,
      locationId: p.locationId,
      quantity: h.quantity,
    });
  }
}

/**
 * Moves an open order's counters in the KPIs from its old key (its location, a pickup) to the new
 * one: the rollup attributes an order to its location and counts pickup orders, so a reroute or a
 * switch to shipping takes the order off one key and adds it to the other, as a rebuild would.
 * Only for orders not ready yet and not cancelled (their other counters are 0).
 */
export async function moveOrderKpis(
  tx: DbOrTx,
  order: Pick<OrderRow, 'placedAt' | 'channelId' | 'locationId' | 'totalCents' | 'itemCount' | 'fulfilmentType'>,
  to: { locationId: string | null; pickup: boolean },
): Promise<void> {
  const counts = { orders: 1, revenueCents: order.totalCents, units: order.itemCount };
  const from = order.fulfilmentType === 'pickup' ? 1 : 0;
  await bumpKpi(
    tx,
    { placedAt: order.placedAt, channelId: order.channelId, locationId: order.locationId },
    { orders: -1, revenueCents: -counts.revenueCents, units: -counts.units, pickupOrders: -from },
  );
  await bumpKpi(
    tx,
    { placedAt: order.placedAt, channelId: order.channelId, locationId: to.locationId },
    { ...counts, pickupOrders: to.pickup ? 1 : 0 },
  );
}

/** The stores a pickup may move to: click-and-collect on and not paused, other than `except`. */
export async function pickupStores(tx: DbOrTx, except: string) {
  const rows = await tx
    .select({ id: locations.id, code: locations.code, name: locations.name, names: locations.names })
    .from(locations)
    .where(and(eq(locations.kind, 'store'), eq(locations.pickupEnabled, true), eq(locations.pickupPaused, false)))
    .orderBy(locations.code);
  return rows.filter((r) => r.id !== except);
}
