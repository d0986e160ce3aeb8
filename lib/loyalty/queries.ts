import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { channels, customerIdentities, customers, loyaltyEntries, orders, staffUsers } from '@/db/schema';
import { normalizeEmail } from '@/lib/customers/normalize';
import { balanceOf } from './ledger';

export type LoyaltyEntryKind = (typeof loyaltyEntries.$inferSelect)['kind'];

/**
 * The customer a channel means by a loyalty id or an e-mail address (an identity, as ingestion
 * records them), as their survivor when merged; null when nobody has it.
 */
export async function findLoyaltyCustomer(
  db: DbOrTx,
  ref: { loyaltyId?: string; email?: string },
): Promise<string | null> {
  const kind = ref.loyaltyId ? 'loyalty' : 'email';
  const value = ref.loyaltyId ? ref.loyaltyId.trim() : normalizeEmail(ref.email);
  if (!value) return null;
  const [row] = await db
    .select({ id: customers.id, mergedIntoId: customers.mergedIntoId })
    .from(customerIdentities)
    .innerJoin(customers, eq(customers.id, customerIdentities.customerId))
    .where(and(eq(customerIdentities.kind, kind), eq(customerIdentities.value, value)))
    .orderBy(customerIdentities.createdAt)
    .limit(1);
  return row ? (row.mergedIntoId ?? row.id) : null;
}

export type LoyaltyEntryView = {
  id: string;
  points: number;
  kind: LoyaltyEntryKind;
  reason: string | null;
  order: { id: string; number: string } | null;
  channel: string | null;
  actor: string | null;
  at: Date;
};

export type LoyaltySummary = { balance: number; entries: LoyaltyEntryView[]; more: boolean };

/** A customer's balance and latest entries (newest first), for the profile. */
export async function getLoyaltySummary(db: DbOrTx, customerId: string, limit = 20): Promise<LoyaltySummary> {
  const [balance, rows] = await Promise.all([
    balanceOf(db, customerId),
    db
      .select({
        id: loyaltyEntries.id,
        points: loyaltyEntries.points,
        kind: loyaltyEntries.kind,
        reason: loyaltyEntries.reason,
        orderId: orders.id,
        orderNumber: orders.number,
        channel: channels.name,
        actor: staffUsers.name,
        at: loyaltyEntries.at,
      })
      .from(loyaltyEntries)
      .leftJoin(orders, eq(orders.id, loyaltyEntries.orderId))
      .leftJoin(channels, eq(channels.id, loyaltyEntries.channelId))
      .leftJoin(staffUsers, eq(staffUsers.id, loyaltyEntries.actorId))
      .where(eq(loyaltyEntries.customerId, customerId))
      .orderBy(desc(loyaltyEntries.at), desc(loyaltyEntries.id))
      .limit(limit + 1),
  ]);
  return {
    balance,
    more: rows.length > limit,
    entries: rows.slice(0, limit).map((r) => ({
      id: r.id,
      points: r.points,
      kind: r.kind,
      reason: r.reason,
      order: r.orderId && r.orderNumber ? { id: r.orderId, number: r.orderNumber } : null,
      channel: r.channel,
      actor: r.actor,
      at: r.at,
    })),
  };
}

/** The sum in SQL, for a list that shows balances. */
export const loyaltyBalanceSql = (customerId: unknown) =>
  sql<number>`(select coalesce(sum(le.points), 0)::int from loyalty_entries le where le.customer_id = ${customerId})`;
