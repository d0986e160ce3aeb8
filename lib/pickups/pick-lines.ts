import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { orderLines, pickupLines, variants } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { DomainError } from '@/lib/errors';
import { lockPickupForActor, type LockedPickup } from './lock-pickup';
import { transitionPickup } from './transition';

/** One order line as the picker works on it. */
export type PickLineState = {
  orderLineId: string;
  lineNo: number;
  variantId: string;
  sku: string;
  barcode: string | null;
  quantity: number;
  unitPriceCents: number;
  picked: number;
  short: number;
  shortReason: 'not_found' | 'damaged' | null;
};

/** Units still to put in the basket: what was ordered, less what is in it and what was found missing. */
export function unitsToPick(line: Pick<PickLineState, 'quantity' | 'picked' | 'short'>): number {
  return Math.max(0, line.quantity - line.short - line.picked);
}

/** Every line is in the basket, and no missing unit waits for a decision. */
export function isPickComplete(lines: readonly Pick<PickLineState, 'quantity' | 'picked' | 'short'>[]): boolean {
  return lines.length > 0 && lines.every((l) => l.short === 0 && l.picked >= l.quantity);
}

/** The order's lines with their pick state (no pickup_lines row: nothing picked yet), in line order. */
export async function readPickLines(tx: DbOrTx, pickupId: string, orderId: string): Promise<PickLineState[]> {
  const rows = await tx
    .select({
      orderLineId: orderLines.id,
      lineNo: orderLines.lineNo,
      variantId: orderLines.variantId,
      sku: orderLines.sku,
      barcode: variants.barcode,
      quantity: orderLines.quantity,
      unitPriceCents: orderLines.unitPriceCents,
      picked: sql<number>`coalesce(${pickupLines.quantityPicked}, 0)`.mapWith(Number),
      short: sql<number>`coalesce(${pickupLines.quantityShort}, 0)`.mapWith(Number),
      shortReason: pickupLines.shortReason,
    })
    .from(orderLines)
    .innerJoin(variants, eq(variants.id, orderLines.variantId))
    .leftJoin(pickupLines, and(eq(pickupLines.pickupId, pickupId), eq(pickupLines.orderLineId, orderLines.id)))
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.lineNo));
  return rows;
}

/**
 * Locks a pickup for picking (the actor must manage pickups at its store) and makes sure it is
 * being picked: a pickup just placed starts picking with its first line (the tap is the start),
 * one waiting for a transfer or already on the shelf or closed is refused with a message.
 */
export async function lockPickupForPicking(
  tx: Tx,
  actor: Actor,
  pickupId: string,
  at: Date,
): Promise<LockedPickup & { lines: PickLineState[] }> {
  const locked = await lockPickupForActor(tx, actor, pickupId);
  let { pickup } = locked;
  if (pickup.state === 'placed') {
    ({ pickup } = await transitionPickup(tx, { pickupId, event: 'start_picking', actorId: actor.userId, at }));
  } else if (pickup.state !== 'to_pick') {
    throw new DomainError('illegal_transition', notPickableMessage(pickup.state), {
      reason: 'not_pickable',
      state: pickup.state,
    });
  }
  return { pickup, order: locked.order, lines: await readPickLines(tx, pickupId, locked.order.id) };
}

function notPickableMessage(state: string): string {
  switch (state) {
    case 'awaiting_transfer':
      return 'This pickup is waiting for a transfer: pick it when the stock has arrived.';
    case 'ready':
      return 'This pickup is already ready on the shelf.';
    default:
      return 'This pickup is closed: there is nothing to pick.';
  }
}

/** Writes a line's pick state (the row appears on its first pick). */
export async function savePickLine(
  tx: DbOrTx,
  pickupId: string,
  orderLineId: string,
  set: Partial<Omit<typeof pickupLines.$inferInsert, 'pickupId' | 'orderLineId'>>,
): Promise<void> {
  await tx
    .insert(pickupLines)
    .values({ pickupId, orderLineId, ...set })
    .onConflictDoUpdate({ target: [pickupLines.pickupId, pickupLines.orderLineId], set });
}
