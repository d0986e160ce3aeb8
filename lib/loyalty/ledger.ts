import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, loyaltyEntries } from '@/db/schema';
import { NotFound } from '@/lib/errors';
import { pointsForPaidCents } from './rules';

type CountedOrder = {
  id: string;
  customerId: string | null;
  channelId: string;
  totalCents: number;
};

/**
 * Earns an order's points, in the transaction that fulfils it (ship, collect; a counter sale
 * earns inside ingestion's statement, see earnSql). Once per order, whatever calls it: the
 * unique index loyalty_entries_earn_once keeps a second earning out (on conflict do nothing).
 * Nothing for an order without a customer or worth less than a point. `paidCents` is what the
 * customer was charged when it is less than the order's total (a parcel handed over in part).
 */
export async function earnOrderPoints(
  tx: DbOrTx,
  order: CountedOrder,
  actorId: string | null,
  paidCents = order.totalCents,
): Promise<number> {
  const points = pointsForPaidCents(paidCents);
  if (!order.customerId || points <= 0) return 0;
  const inserted = await tx
    .insert(loyaltyEntries)
    .values({
      customerId: order.customerId,
      points,
      kind: 'earn',
      orderId: order.id,
      channelId: order.channelId,
      actorId,
    })
    .onConflictDoNothing({ target: loyaltyEntries.orderId, where: sql`kind = 'earn'` })
    .returning({ id: loyaltyEntries.id });
  return inserted.length ? points : 0;
}

/** What an order's entries (earned, less reversed) come to now. */
async function orderNetPoints(tx: DbOrTx, orderId: string): Promise<number> {
  const [row] = await tx
    .select({
      net: sql<number>`coalesce(sum(${loyaltyEntries.points}) filter (where ${loyaltyEntries.kind} in ('earn', 'reverse')), 0)::int`,
    })
    .from(loyaltyEntries)
    .where(eq(loyaltyEntries.orderId, orderId));
  return row?.net ?? 0;
}

/**
 * Takes back what an order earned beyond what it still deserves, in the transaction of the
 * cancellation or return (the order row locked by the caller): after a cancellation or a full
 * return nothing is left, after a partial return the rule applied to what was paid (the total, or
 * after a partial hand-over the price of what was taken) less every refund of returns so far, each
 * the units' share of the price paid, discount included. Running it twice reverses nothing more.
 * The balance may go below zero here (points already spent on an order since returned): only
 * redemptions are held to the balance.
 */
export async function reverseOrderPoints(
  tx: DbOrTx,
  order: CountedOrder,
  input: { actorId: string | null; reason: string } & (
    | { cancelled: true; paid?: never }
    | {
        cancelled?: false;
        /**
         * A return: what the points were earned on (the order's total, or less after a parcel handed
         * over in part), what every return so far refunded (returnedRefundCents,
         * lib/orders/amounts.ts), and whether every unit the customer took is back.
         */
        paid: { cents: number; refundedCents: number; allBack: boolean };
      }
  ),
): Promise<number> {
  if (!order.customerId) return 0;
  const net = await orderNetPoints(tx, order.id);
  if (net <= 0) return 0;
  const deserved =
    input.cancelled || input.paid.allBack ? 0 : pointsForPaidCents(input.paid.cents - input.paid.refundedCents);
  const take = net - Math.min(net, deserved);
  if (take <= 0) return 0;
  // An earning is the order's customer's; a merge moves both, so the reversal goes where the earning is.
  const [earned] = await tx
    .select({ customerId: loyaltyEntries.customerId })
    .from(loyaltyEntries)
    .where(and(eq(loyaltyEntries.orderId, order.id), eq(loyaltyEntries.kind, 'earn')));
  await tx.insert(loyaltyEntries).values({
    customerId: earned?.customerId ?? order.customerId,
    points: -take,
    kind: 'reverse',
    orderId: order.id,
    channelId: order.channelId,
    reason: input.reason,
    actorId: input.actorId,
  });
  return take;
}

/** A customer's balance: the sum of their entries. */
export async function balanceOf(tx: DbOrTx, customerId: string): Promise<number> {
  const [row] = await tx
    .select({ balance: sql<number>`coalesce(sum(${loyaltyEntries.points}), 0)::int` })
    .from(loyaltyEntries)
    .where(eq(loyaltyEntries.customerId, customerId));
  return row?.balance ?? 0;
}

/**
 * Locks the customer's row, which every redemption and adjustment of their points takes first,
 * so that the balance read after it stays true until the entry is written. A merged profile
 * answers as its survivor.
 */
export async function lockLoyaltyCustomer(tx: DbOrTx, customerId: string): Promise<string> {
  const [row] = await tx
    .select({ id: customers.id, mergedIntoId: customers.mergedIntoId })
    .from(customers)
    .where(eq(customers.id, customerId))
    .for('update');
  if (!row) throw new NotFound('Customer');
  if (row.mergedIntoId) return lockLoyaltyCustomer(tx, row.mergedIntoId);
  return row.id;
}
