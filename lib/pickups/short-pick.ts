import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { inventoryLevels, orderEvents, reservations } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError } from '@/lib/errors';
import { changeStock } from '@/lib/inventory/ledger';
import { announce } from '@/lib/live/announce';
import { liveTopic } from '@/lib/live/topics';
import { activeReservations } from '@/lib/orders/lock-order';
import { lockPickupForPicking, savePickLine, type PickLineState } from './pick-lines';
import type { PickShortReason, ShortPickInput } from './schemas';

/** The ledger's adjustment detail for each reason (the inventory's own vocabulary, so the SKU page names it). */
const LEDGER_DETAIL: Record<PickShortReason, string> = { not_found: 'lost', damaged: 'damaged' };

export type ShortPickResult = { changed: boolean; line: PickLineState; removedFromStock: number };

/**
 * Some units of a line cannot be picked (not found, damaged), in one transaction under the
 * pickup's lock: the order's hold on them is released ('release'), they leave on hand at the store
 * as an adjustment with the reason ('lost' or 'damaged'), the line records them as short until the
 * staff chooses an outcome (transfer, reroute, ship, partial), the timeline and the audit say so
 * and the store's queue refreshes. `seen`, the units the page showed short, makes a retried
 * report harmless: when more are short already, nothing changes.
 */
export async function shortPick(
  db: Db,
  actor: Actor,
  input: ShortPickInput,
  at = new Date(),
): Promise<ShortPickResult> {
  return db.transaction(async (tx) => {
    const { pickup, order, lines } = await lockPickupForPicking(tx, actor, input.pickupId, at);
    const line = lines.find((l) => l.orderLineId === input.orderLineId);
    if (!line)
      throw new DomainError('unprocessable', 'This line is not part of this order.', { reason: 'not_in_order' });
    if (input.seen !== undefined && line.short > input.seen) return { changed: false, line, removedFromStock: 0 };
    const most = line.quantity - line.short;
    if (input.quantity > most)
      throw new DomainError('unprocessable', `At most ${most} unit(s) of ${line.sku} can be reported missing.`, {
        reason: 'too_many',
        most,
      });
    const removed = await releaseAndRemove(tx, {
      orderId: order.id,
      orderLineId: line.orderLineId,
      variantId: line.variantId,
      locationId: pickup.locationId,
      quantity: input.quantity,
      reason: input.reason,
      actorId: actor.userId,
      at,
    });
    line.short += input.quantity;
    line.shortReason = input.reason;
    // What is missing is not in the basket either.
    line.picked = Math.min(line.picked, line.quantity - line.short);
    await savePickLine(tx, pickup.id, line.orderLineId, {
      quantityShort: line.short,
      quantityPicked: line.picked,
      shortReason: input.reason,
      shortAt: at,
      shortById: actor.userId,
      updatedAt: at,
    });
    await tx.insert(orderEvents).values({
      orderId: order.id,
      type: 'pick_short',
      actorId: actor.userId,
      data: { sku: line.sku, quantity: input.quantity, reason: input.reason },
      createdAt: at,
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'pickup.short_pick',
      entityType: 'pickup',
      entityId: pickup.id,
      data: { orderId: order.id, sku: line.sku, quantity: input.quantity, reason: input.reason, removed },
    });
    await announce(tx, liveTopic.pickups(pickup.locationId), { kind: 'pickup.changed', id: pickup.id });
    return { changed: true, line, removedFromStock: removed };
  });
}

/**
 * Releases `quantity` units of a line's reservation at the store (ledger 'release') and takes them
 * off on hand ('adjustment', lost or damaged). Returns the units taken off on hand: fewer when the
 * store's row has no more beyond other orders' holds (its figures were already wrong; a count
 * settles it), never below them.
 */
async function releaseAndRemove(
  tx: DbOrTx,
  p: {
    orderId: string;
    orderLineId: string;
    variantId: string;
    locationId: string;
    quantity: number;
    reason: PickShortReason;
    actorId: string;
    at: Date;
  },
): Promise<number> {
  const held = (await activeReservations(tx, p.orderId)).filter(
    (r) => r.orderLineId === p.orderLineId && r.locationId === p.locationId,
  );
  if (held.reduce((s, r) => s + r.quantity, 0) < p.quantity)
    throw new DomainError('unprocessable', 'These units are not held at this store for this order.', {
      reason: 'not_held_here',
    });
  let left = p.quantity;
  for (const r of held) {
    if (left === 0) break;
    const take = Math.min(left, r.quantity);
    left -= take;
    await changeStock(tx, {
      variantId: p.variantId,
      locationId: p.locationId,
      deltaReserved: -take,
      reason: 'release',
      detail: LEDGER_DETAIL[p.reason],
      referenceType: 'order',
      referenceId: p.orderId,
      actorId: p.actorId,
    });
    await tx
      .update(reservations)
      .set(take === r.quantity ? { status: 'released', closedAt: p.at } : { quantity: r.quantity - take })
      .where(eq(reservations.id, r.id));
  }
  const [row] = await tx
    .select({ onHand: inventoryLevels.onHand, reserved: inventoryLevels.reserved })
    .from(inventoryLevels)
    .where(and(eq(inventoryLevels.variantId, p.variantId), eq(inventoryLevels.locationId, p.locationId)))
    .for('update');
  const removable = Math.min(p.quantity, Math.max(0, (row?.onHand ?? 0) - (row?.reserved ?? 0)));
  if (removable > 0)
    await changeStock(tx, {
      variantId: p.variantId,
      locationId: p.locationId,
      deltaOnHand: -removable,
      reason: 'adjustment',
      detail: LEDGER_DETAIL[p.reason],
      referenceType: 'order',
      referenceId: p.orderId,
      actorId: p.actorId,
    });
  return removable;
}
