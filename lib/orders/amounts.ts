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
