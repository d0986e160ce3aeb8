/**
 * Why units of a pickup order were taken off it and refunded ('refund_due', its data's `reason`,
 * written by lib/pickups/refund-units-not-supplied.ts): the store could not supply them (a short
 * pick the customer accepted to go without), or the customer left them at the counter.
 */
export const REFUND_CAUSES = ['short_pick', 'left_at_counter'] as const;
export type RefundCause = (typeof REFUND_CAUSES)[number];

/** The kinds of refund the Payment card lists, each with its message (`orders.payment.kind.…`). */
export const REFUND_KINDS = ['return', ...REFUND_CAUSES, 'cancellation'] as const;
export type RefundKind = (typeof REFUND_KINDS)[number];

/** A 'refund_due' event's cause; one without a known reason is a short pick (the only cause there was at first). */
export function refundCauseOf(data: Record<string, unknown>): RefundCause {
  return REFUND_CAUSES.find((c) => c === data.reason) ?? 'short_pick';
}

/**
 * What the customer paid for an order and what Comptoir owes or gave back, from the order and its
 * timeline. Channels send orders once paid (the v1 contract's totals are the amount charged at
 * checkout; a store sale is paid at the counter), so paid is the total as it arrived: today's total
 * plus what was taken off a pickup order for units the customer did not get ('refund_due': a short
 * pick accepted, lib/pickups/accept-partial.ts, or units left at the counter,
 * lib/pickups/collect-pickup.ts). Refunds are what Comptoir itself wrote: each return
 * ('partially_returned' / 'returned': the units' share of the price paid, discount included,
 * lib/orders/return-order.ts; only units the customer took can come back; the shipping stays),
 * those units not got ('refund_due', by cause), and a cancellation, which gives back the whole
 * remaining total (lib/orders/cancel-order.ts, expiry).
 */
export type PaymentState = {
  paidCents: number;
  refundedCents: number;
  /** paid − refunded: what the customer is still charged. */
  netCents: number;
  status: 'paid' | 'partially_refunded' | 'refunded';
  refunds: { kind: RefundKind; cents: number; at: Date; reason: string | null }[];
};

type EventLike = { type: string; data: Record<string, unknown>; createdAt: Date };

const centsOf = (data: Record<string, unknown>) => (typeof data.cents === 'number' ? data.cents : 0);
const reasonOf = (data: Record<string, unknown>) => (typeof data.reason === 'string' ? data.reason : null);

export function paymentState(
  order: { status: string; totalCents: number },
  events: readonly EventLike[],
): PaymentState {
  const refunds: PaymentState['refunds'] = [];
  let notGot = 0;
  for (const e of events) {
    if (e.type === 'returned' || e.type === 'partially_returned') {
      refunds.push({ kind: 'return', cents: centsOf(e.data), at: e.createdAt, reason: reasonOf(e.data) });
    } else if (e.type === 'refund_due') {
      notGot += centsOf(e.data);
      refunds.push({ kind: refundCauseOf(e.data), cents: centsOf(e.data), at: e.createdAt, reason: null });
    } else if (e.type === 'cancelled' && order.status === 'cancelled') {
      refunds.push({ kind: 'cancellation', cents: order.totalCents, at: e.createdAt, reason: reasonOf(e.data) });
    }
  }
  // An order cancelled by expiry has no 'cancelled' event of its own (the pickup's 'expired' says it).
  if (order.status === 'cancelled' && !refunds.some((r) => r.kind === 'cancellation')) {
    const at = events.at(-1)?.createdAt ?? new Date(0);
    refunds.push({ kind: 'cancellation', cents: order.totalCents, at, reason: null });
  }
  const paidCents = order.totalCents + notGot;
  const refundedCents = Math.min(
    paidCents,
    refunds.reduce((sum, r) => sum + r.cents, 0),
  );
  return {
    paidCents,
    refundedCents,
    netCents: paidCents - refundedCents,
    status: refundedCents === 0 ? 'paid' : refundedCents >= paidCents ? 'refunded' : 'partially_refunded',
    refunds,
  };
}
