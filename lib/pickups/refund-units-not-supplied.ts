import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { customers, orderEvents, orderLines, orders, pickupLines } from '@/db/schema';
import { bumpKpi } from '@/lib/kpis/rollup';
import { reducedAmounts } from '@/lib/orders/amounts';
import type { OrderRow } from '@/lib/orders/lock-order';
import type { RefundCause } from '@/lib/orders/payment';

/** A line of the order and how many of its units the customer does not get. */
export type UnitsNotSupplied = {
  orderLineId: string;
  sku: string;
  /** The line's quantity now. */
  quantity: number;
  /** Of those, the units the customer will not get (at most `quantity`). */
  missing: number;
  unitPriceCents: number;
};

/** What a cause writes on the timeline beside its 'refund_due'. */
const TIMELINE_TYPE: Record<RefundCause, string> = {
  short_pick: 'partial_accepted',
  left_at_counter: 'left_at_counter',
};

export type UnitsRefunded = {
  /** What went, as the timeline says it. */
  removed: { sku: string; quantity: number; unitPriceCents: number }[];
  removedUnits: number;
  /** The lines that had nothing left and are gone from the order. */
  gone: string[];
  /** The order's amounts without the units (reducedAmounts): totalCents is what the customer pays now. */
  amounts: ReturnType<typeof reducedAmounts>;
};

/**
 * Takes units the customer will not get off a pickup order, in the caller's transaction, whatever
 * the cause (the store could not supply them, or the customer left them at the counter): each line
 * loses them (a line with nothing left leaves the order, its pick state follows the line), the
 * amounts are recomputed (reducedAmounts), the KPI rollup's revenue and units and the customer's
 * lifetime value lose what is refunded, and the timeline says what went (with the cause's event)
 * and flags the refund due ('refund_due', its `reason` the cause: the channel refunds it, the
 * Payment card lists it, lib/orders/payment.ts). The order row must be locked by the caller.
 */
export async function refundUnitsNotSupplied(
  tx: Tx,
  input: {
    order: OrderRow;
    pickupId: string;
    lines: readonly UnitsNotSupplied[];
    cause: RefundCause;
    actorId: string;
    at: Date;
  },
): Promise<UnitsRefunded> {
  const { order, at } = input;
  const missing = input.lines.filter((l) => l.missing > 0);
  const removed = missing.map((l) => ({ sku: l.sku, quantity: l.missing, unitPriceCents: l.unitPriceCents }));
  const removedUnits = removed.reduce((s, l) => s + l.quantity, 0);
  const removedCents = removed.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
  const gone = missing.filter((l) => l.missing >= l.quantity).map((l) => l.orderLineId);
  const amounts = reducedAmounts(order, removedCents);
  if (missing.length === 0) return { removed, removedUnits, gone, amounts };

  if (gone.length > 0) await tx.delete(orderLines).where(inArray(orderLines.id, gone));
  for (const l of missing.filter((x) => x.missing < x.quantity)) {
    const quantity = l.quantity - l.missing;
    await tx.update(orderLines).set({ quantity }).where(eq(orderLines.id, l.orderLineId));
    // Nothing is missing from the line any more, and no more of it is in the basket than it holds.
    await tx
      .update(pickupLines)
      .set({
        quantityShort: 0,
        shortReason: null,
        quantityPicked: sql`least(${pickupLines.quantityPicked}, ${quantity})`,
        updatedAt: at,
      })
      .where(and(eq(pickupLines.pickupId, input.pickupId), eq(pickupLines.orderLineId, l.orderLineId)));
  }
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
      type: TIMELINE_TYPE[input.cause],
      actorId: input.actorId,
      data: { lines: removed, units: removedUnits },
      createdAt: at,
    },
    ...(amounts.refundCents > 0
      ? [
          {
            orderId: order.id,
            type: 'refund_due',
            actorId: input.actorId,
            data: { cents: amounts.refundCents, currency: order.currency, reason: input.cause },
            createdAt: at,
          },
        ]
      : []),
  ]);
  return { removed, removedUnits, gone, amounts };
}
