import { vatIncludedCents } from './tax';

/**
 * What an order's amounts become without some units, in integer cents: the subtotal loses the
 * units at their line price; the discount is shared pro rata by what remains, rounded up (in the
 * customer's favour, so a refund is never short of a cent); shipping stays; the total follows
 * and the VAT it contains is recomputed by the one rule (lib/orders/tax.ts).
 */
export function reducedAmounts(
  order: { subtotalCents: number; discountCents: number; shippingCents: number; totalCents: number },
  removedCents: number,
) {
  const subtotalCents = order.subtotalCents - removedCents;
  const shared =
    order.subtotalCents === 0
      ? 0
      : Number(
          (BigInt(order.discountCents) * BigInt(subtotalCents) + BigInt(order.subtotalCents) - 1n) /
            BigInt(order.subtotalCents),
        );
  const discountCents = Math.min(shared, subtotalCents);
  const totalCents = subtotalCents - discountCents + order.shippingCents;
  return {
    subtotalCents,
    discountCents,
    totalCents,
    taxCents: vatIncludedCents(totalCents),
    refundCents: order.totalCents - totalCents,
  };
}

/** An order's amounts as reducedAmounts reads them. */
type OrderAmounts = Parameters<typeof reducedAmounts>[0];

/**
 * What returns refund in all once units worth `returnedCents` at their line price have come back:
 * what the order's total (as it stands, after any units taken off before it was fulfilled) loses
 * without them, by reducedAmounts. So a refund is the units' share of the price paid, discount
 * included; every unit back refunds the goods as paid (subtotal − discount) and shipping stays.
 */
export function returnedRefundCents(order: OrderAmounts, returnedCents: number): number {
  return reducedAmounts(order, 0).totalCents - reducedAmounts(order, returnedCents).totalCents;
}

/**
 * One return's refund: what returnedRefundCents adds when units worth `returningCents` come back
 * after those worth `returnedBeforeCents`. Successive returns add up to the refund of all of them
 * at once, never more than was paid for the goods.
 */
export function returnRefundCents(order: OrderAmounts, returnedBeforeCents: number, returningCents: number): number {
  return (
    returnedRefundCents(order, returnedBeforeCents + returningCents) - returnedRefundCents(order, returnedBeforeCents)
  );
}

/**
 * An order's amount columns (or expressions over them) in SQL, e.g. `o.subtotal_cents`, for the
 * twins below, which rollup rebuilds and invariant checks use (lib/seed/rollups.ts).
 */
export type OrderAmountsSql = { subtotalCents: string; discountCents: string; shippingCents: string };

/**
 * reducedAmounts(order, removedCents).totalCents in SQL (amounts.test.ts checks they agree), exact
 * in integers whatever the amounts, rounded the same way.
 */
export function sqlReducedTotalCents(o: OrderAmountsSql, removedCents: string): string {
  const subtotal = `(${o.subtotalCents})::bigint`;
  const rest = `(${subtotal} - (${removedCents})::bigint)`;
  // div() on numeric truncates like BigInt's division, and its product cannot overflow as a bigint's could.
  const shared = `(CASE WHEN ${subtotal} = 0 THEN 0 ELSE div((${o.discountCents})::numeric * ${rest} + ${subtotal} - 1, ${subtotal})::bigint END)`;
  return `(${rest} - least(${shared}, ${rest}) + (${o.shippingCents})::bigint)`;
}

/** returnedRefundCents in SQL: `returnedCents` is the value of the units back at their line price. */
export function sqlReturnedRefundCents(o: OrderAmountsSql, returnedCents: string): string {
  return `(${sqlReducedTotalCents(o, '0')} - ${sqlReducedTotalCents(o, returnedCents)})`;
}
