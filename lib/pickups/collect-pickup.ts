import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { orderLines, orders, reservations, staffUsers } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { DomainError } from '@/lib/errors';
import { changeStock } from '@/lib/inventory/ledger';
import { bumpKpi } from '@/lib/kpis/rollup';
import { earnOrderPoints } from '@/lib/loyalty/ledger';
import { activeReservations } from '@/lib/orders/lock-order';
import { parsePickupCode } from './code';
import { lockPickupForActor } from './lock-pickup';
import { refundUnitsNotSupplied } from './refund-units-not-supplied';
import type { CollectPickupInput } from './schemas';
import { transitionPickup, type PickupRow } from './transition';

export type CollectPickupResult = {
  pickup: PickupRow;
  handedOver: { sku: string; quantity: number; of: number }[];
  /** Due back to the customer for what they left behind (0 when they took everything). */
  refundCents: number;
  currency: string;
};

/**
 * The hand-over at the counter: checks the code, then in one transaction moves the pickup to
 * collected (one guarded update: of two staff collecting at once exactly one succeeds, the other
 * is told who did), takes what is handed over off on hand through the ledger (the reservation is
 * consumed), releases what the customer leaves behind and refunds it as units a store could not
 * supply (refundUnitsNotSupplied: the order keeps only what was taken, the customer pays only for
 * that), completes the order, counts it in the KPIs and earns the loyalty points of what was
 * handed over.
 */
export async function collectPickup(
  db: Db,
  actor: Actor,
  input: CollectPickupInput,
  at = new Date(),
): Promise<CollectPickupResult> {
  return db.transaction(async (tx) => {
    const { pickup, order } = await lockPickupForActor(tx, actor, input.pickupId);
    if (pickup.state === 'collected') throw await alreadyCollected(tx, pickup);
    if (pickup.state === 'ready' && parsePickupCode(input.code) !== pickup.code)
      throw new DomainError('unprocessable', 'This code is not the code of this order.', { reason: 'wrong_code' });

    // What is handed over, line by line: everything unless the staff said less.
    const lines = await tx
      .select({
        id: orderLines.id,
        sku: orderLines.sku,
        quantity: orderLines.quantity,
        unitPriceCents: orderLines.unitPriceCents,
      })
      .from(orderLines)
      .where(eq(orderLines.orderId, order.id))
      .orderBy(orderLines.lineNo);
    const wanted = new Map(input.lines?.map((l) => [l.orderLineId, l.quantity]));
    if ([...wanted.keys()].some((id) => !lines.some((l) => l.id === id)))
      throw new DomainError('unprocessable', 'A line handed over is not a line of this order.');
    const remaining = new Map(lines.map((l) => [l.id, input.lines ? (wanted.get(l.id) ?? 0) : l.quantity]));
    const held = await activeReservations(tx, order.id);
    const plan = held.map((r) => {
      const take = Math.min(r.quantity, remaining.get(r.orderLineId) ?? 0);
      remaining.set(r.orderLineId, (remaining.get(r.orderLineId) ?? 0) - take);
      return { r, take };
    });
    const summary = lines.map((l) => ({
      sku: l.sku,
      quantity: plan.filter((p) => p.r.orderLineId === l.id).reduce((n, p) => n + p.take, 0),
      of: l.quantity,
    }));
    if (summary.every((l) => l.quantity === 0))
      throw new DomainError('unprocessable', 'Nothing is handed over: collect at least one item.', {
        reason: 'nothing_collected',
      });
    const partial = summary.some((l) => l.quantity < l.of);

    const result = await transitionPickup(tx, {
      pickupId: pickup.id,
      event: 'collect',
      actorId: actor.userId,
      at,
      set: { collectedByName: input.collectedByName ?? null },
      data: {
        ...(input.collectedByName ? { collectedBy: input.collectedByName } : {}),
        ...(partial ? { lines: summary } : {}),
      },
    });
    for (const { r, take } of plan) {
      const common = {
        variantId: r.variantId,
        locationId: r.locationId,
        referenceType: 'order' as const,
        referenceId: order.id,
        actorId: actor.userId,
      };
      if (take > 0) await changeStock(tx, { ...common, deltaOnHand: -take, deltaReserved: -take, reason: 'pickup' });
      if (r.quantity > take) await changeStock(tx, { ...common, deltaReserved: take - r.quantity, reason: 'release' });
      await tx
        .update(reservations)
        .set({ status: take > 0 ? 'consumed' : 'released', closedAt: at })
        .where(eq(reservations.id, r.id));
    }
    await tx
      .update(orders)
      .set({ status: 'completed', updatedAt: sql`now()` })
      .where(eq(orders.id, order.id));
    await bumpKpi(
      tx,
      { placedAt: order.placedAt, channelId: order.channelId, locationId: order.locationId },
      { pickupsCollected: 1 },
    );
    // What the customer leaves behind is refunded as units a store could not supply: off the
    // order, its amounts, the KPIs and the lifetime value, on the timeline with the refund due.
    const left = partial
      ? await refundUnitsNotSupplied(tx, {
          order,
          pickupId: pickup.id,
          lines: lines.map((l, i) => ({
            orderLineId: l.id,
            sku: l.sku,
            quantity: l.quantity,
            missing: l.quantity - summary[i].quantity,
            unitPriceCents: l.unitPriceCents,
          })),
          cause: 'left_at_counter',
          actorId: actor.userId,
          at,
        })
      : null;
    // Points on what the customer took: the order as it now stands.
    await earnOrderPoints(tx, order, actor.userId, left ? left.amounts.totalCents : order.totalCents);
    return {
      pickup: result.pickup,
      handedOver: summary,
      refundCents: left?.amounts.refundCents ?? 0,
      currency: order.currency,
    };
  });
}

/** The refusal a second hand-over gets: who handed the parcel over, and when. */
async function alreadyCollected(tx: Tx, pickup: PickupRow) {
  const [staff] = pickup.collectedById
    ? await tx.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, pickup.collectedById))
    : [];
  return new DomainError('conflict', `Already handed over${staff ? ` by ${staff.name}` : ''}.`, {
    reason: 'already_collected',
    collectedBy: staff?.name ?? null,
    collectedAt: pickup.collectedAt?.toISOString() ?? null,
  });
}
