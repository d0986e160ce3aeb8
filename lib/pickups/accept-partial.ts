import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, orderEvents, orderLines, orders, pickupLines, products, variants } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError } from '@/lib/errors';
import { bumpKpi } from '@/lib/kpis/rollup';
import { reducedAmounts } from '@/lib/orders/amounts';
import { queuePickupMessage } from './messages';
import { isPickComplete, lockPickupForPicking } from './pick-lines';

export type PartialOrderResult = {
  /** Units taken off the order. */
  removedUnits: number;
  /** What the customer paid for and will not get: flagged on the timeline for a refund. */
  refundCents: number;
  currency: string;
  /** Every remaining line is in the basket: the order can be made ready. */
  complete: boolean;
};

/**
 * The customer gets the order without the missing units: each short line loses them (a line with
 * nothing left leaves the order), the amounts are recomputed (reducedAmounts), the KPIs and the
 * customer's lifetime value lose the refund, the timeline says what went and flags the refund due
 * ('refund_due': the channel refunds it), and the customer is told. One transaction; refused when
 * nothing is short, or when nothing would be left (reroute, ship or cancel instead).
 */
export async function acceptPartialOrder(
  db: Db,
  actor: Actor,
  input: { pickupId: string },
  at = new Date(),
): Promise<PartialOrderResult> {
  return db.transaction(async (tx) => {
    const { pickup, order, lines } = await lockPickupForPicking(tx, actor, input.pickupId, at);
    const short = lines.filter((l) => l.short > 0);
    if (short.length === 0)
      throw new DomainError('unprocessable', 'Nothing is missing from this order.', { reason: 'nothing_short' });
    if (lines.every((l) => l.short >= l.quantity))
      throw new DomainError(
        'unprocessable',
        'Nothing would be left of this order: send it from another store, ship it or cancel it.',
        { reason: 'nothing_left' },
      );
    const removed = short.map((l) => ({ sku: l.sku, quantity: l.short, unitPriceCents: l.unitPriceCents }));
    const removedUnits = removed.reduce((s, l) => s + l.quantity, 0);
    const removedCents = removed.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
    const gone = short.filter((l) => l.short >= l.quantity).map((l) => l.orderLineId);
    if (gone.length > 0) await tx.delete(orderLines).where(inArray(orderLines.id, gone));
    for (const l of short.filter((x) => x.short < x.quantity)) {
      await tx
        .update(orderLines)
        .set({ quantity: l.quantity - l.short })
        .where(eq(orderLines.id, l.orderLineId));
      await tx
        .update(pickupLines)
        .set({ quantityShort: 0, shortReason: null, updatedAt: at })
        .where(sql`${pickupLines.pickupId} = ${pickup.id} and ${pickupLines.orderLineId} = ${l.orderLineId}`);
    }
    const amounts = reducedAmounts(order, removedCents);
    await tx
      .update(orders)
      .set({
        subtotalCents: amounts.subtotalCents,
        discountCents: amounts.discountCents,
        totalCents: amounts.totalCents,
        taxCents: amounts.taxCents,
        itemCount: order.itemCount - removedUnits,
        updatedAt: sql`now()`,
      })
      .where(eq(orders.id, order.id));
    await bumpKpi(
      tx,
      { placedAt: order.placedAt, channelId: order.channelId, locationId: order.locationId },
      { revenueCents: -amounts.refundCents, units: -removedUnits },
    );
    if (order.customerId && amounts.refundCents !== 0)
      await tx
        .update(customers)
        .set({ lifetimeValueCents: sql`${customers.lifetimeValueCents} - ${amounts.refundCents}` })
        .where(eq(customers.id, order.customerId));
    await tx.insert(orderEvents).values([
      {
        orderId: order.id,
        type: 'partial_accepted',
        actorId: actor.userId,
        data: { lines: removed, units: removedUnits },
        createdAt: at,
      },
      ...(amounts.refundCents > 0
        ? [
            {
              orderId: order.id,
              type: 'refund_due',
              actorId: actor.userId,
              data: { cents: amounts.refundCents, currency: order.currency, reason: 'short_pick' },
              createdAt: at,
            },
          ]
        : []),
    ]);
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'pickup.accept_partial',
      entityType: 'pickup',
      entityId: pickup.id,
      data: { orderId: order.id, lines: removed, refundCents: amounts.refundCents },
    });
    // The customer reads what is missing by its name ("Pull marin — Navy / M"), not its SKU.
    const named = await tx
      .select({ sku: variants.sku, product: products.name, title: variants.title })
      .from(variants)
      .innerJoin(products, eq(products.id, variants.productId))
      .where(
        inArray(
          variants.id,
          short.map((l) => l.variantId),
        ),
      );
    const nameOf = new Map(named.map((v) => [v.sku, v.title ? `${v.product} — ${v.title}` : v.product]));
    await queuePickupMessage(tx, 'pickup.partial', order, pickup, {
      lines: removed.map(({ sku, quantity }) => ({ sku, quantity, name: nameOf.get(sku) ?? null })),
      refundCents: amounts.refundCents,
      currency: order.currency,
    });
    const remaining = lines
      .filter((l) => !gone.includes(l.orderLineId))
      .map((l) => ({ quantity: l.quantity - l.short, picked: l.picked, short: 0 }));
    return {
      removedUnits,
      refundCents: amounts.refundCents,
      currency: order.currency,
      complete: isPickComplete(remaining),
    };
  });
}
