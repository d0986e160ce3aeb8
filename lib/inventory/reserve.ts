import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { inventoryLevels, inventoryMovements, reservations } from '@/db/schema';

type ReserveInput = {
  variantId: string;
  locationId: string;
  quantity: number;
  orderId: string;
  orderLineId: string;
  actorId?: string | null;
};

/**
 * Reserves `quantity` at one location if, and only if, that much is available to promise
 * (on hand − reserved − safety stock): one conditional update on the row, so concurrent orders
 * can never reserve more than there is. Returns false and writes nothing otherwise.
 */
export async function reserveAt(tx: DbOrTx, input: ReserveInput): Promise<boolean> {
  const [row] = await tx
    .update(inventoryLevels)
    .set({ reserved: sql`${inventoryLevels.reserved} + ${input.quantity}`, updatedAt: sql`now()` })
    .where(
      and(
        eq(inventoryLevels.variantId, input.variantId),
        eq(inventoryLevels.locationId, input.locationId),
        sql`${inventoryLevels.onHand} - ${inventoryLevels.reserved} - ${inventoryLevels.safetyStock} >= ${input.quantity}`,
      ),
    )
    .returning({ reserved: inventoryLevels.reserved });
  if (!row) return false;
  await tx.insert(reservations).values({
    orderId: input.orderId,
    orderLineId: input.orderLineId,
    variantId: input.variantId,
    locationId: input.locationId,
    quantity: input.quantity,
  });
  await tx.insert(inventoryMovements).values({
    variantId: input.variantId,
    locationId: input.locationId,
    deltaReserved: input.quantity,
    reason: 'reservation',
    referenceType: 'order',
    referenceId: input.orderId,
    actorId: input.actorId ?? null,
  });
  return true;
}

/**
 * A counter sale: the units leave on hand at once if the store holds them beyond what is
 * reserved for other orders (safety stock is for remote channels; the customer holds the item).
 */
export async function sellAt(tx: DbOrTx, input: Omit<ReserveInput, 'orderLineId'>): Promise<boolean> {
  const [row] = await tx
    .update(inventoryLevels)
    .set({ onHand: sql`${inventoryLevels.onHand} - ${input.quantity}`, updatedAt: sql`now()` })
    .where(
      and(
        eq(inventoryLevels.variantId, input.variantId),
        eq(inventoryLevels.locationId, input.locationId),
        sql`${inventoryLevels.onHand} - ${inventoryLevels.reserved} >= ${input.quantity}`,
      ),
    )
    .returning({ onHand: inventoryLevels.onHand });
  if (!row) return false;
  await tx.insert(inventoryMovements).values({
    variantId: input.variantId,
    locationId: input.locationId,
    deltaOnHand: -input.quantity,
    reason: 'sale',
    referenceType: 'order',
    referenceId: input.orderId,
    actorId: input.actorId ?? null,
  });
  return true;
}

/** Available to promise per location for the given SKUs, best first (allocation candidates). */
export async function availableByLocation(
  tx: DbOrTx,
  variantIds: readonly string[],
): Promise<Map<string, { locationId: string; kind: 'store' | 'warehouse'; available: number }[]>> {
  const out = new Map<string, { locationId: string; kind: 'store' | 'warehouse'; available: number }[]>();
  if (variantIds.length === 0) return out;
  const { rows } = await tx.execute<{ variant_id: string; location_id: string; kind: 'store' | 'warehouse'; available: number }>(sql`
    select l.variant_id, l.location_id, loc.kind, (l.on_hand - l.reserved - l.safety_stock)::int as available
    from inventory_levels l join locations loc on loc.id = l.location_id and loc.active
    where l.variant_id in (${sql.join(
      variantIds.map((id) => sql`${id}`),
      sql`, `,
    )}) and l.on_hand - l.reserved - l.safety_stock > 0
    order by l.variant_id, (loc.kind = 'warehouse') desc, available desc, loc.code`);
  for (const r of rows) {
    const list = out.get(r.variant_id) ?? [];
    list.push({ locationId: r.location_id, kind: r.kind, available: Number(r.available) });
    out.set(r.variant_id, list);
  }
  return out;
}
