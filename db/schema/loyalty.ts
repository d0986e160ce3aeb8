import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { channels } from './channels';
import { customers } from './customers';
import { orders } from './orders';
import { staffUsers } from './staff';

/** earn: an order fulfilled; reverse: what a cancellation or a return takes back; redeem: spent; adjust: an agent's correction. */
export const loyaltyEntryKind = pgEnum('loyalty_entry_kind', ['earn', 'reverse', 'redeem', 'adjust']);

/**
 * The loyalty points ledger, append-only: a customer's balance is the sum of their entries
 * (lib/loyalty/ledger.ts). No balance column is kept: a merge moves the entries and the balance
 * follows, with nothing to recompute or drift; a redemption locks the customer's row before it
 * sums, so two redemptions cannot both spend the same points.
 */
export const loyaltyEntries = pgTable(
  'loyalty_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    /** Signed: positive for what is earned or credited, negative for what is spent or taken back. */
    points: integer('points').notNull(),
    kind: loyaltyEntryKind('kind').notNull(),
    /** The order an earning or a reversal counts (a redemption may name the order it paid). */
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'restrict' }),
    /** The channel that redeemed, or whose order earned. */
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'restrict' }),
    /** A channel's redemption id (Idempotency-Key): the same key again answers the first redemption. */
    idempotencyKey: text('idempotency_key'),
    reason: text('reason'),
    /** The staff member who acted (an agent's adjustment, a cancellation); null for a channel. */
    actorId: uuid('actor_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    /** The balance right after a redemption or an adjustment (written under the customer's lock). */
    balanceAfter: integer('balance_after'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'loyalty_entries_sign',
      sql`case ${t.kind} when 'earn' then ${t.points} > 0 when 'adjust' then ${t.points} <> 0 else ${t.points} < 0 end`,
    ),
    check('loyalty_entries_order_counted', sql`${t.kind} not in ('earn', 'reverse') or ${t.orderId} is not null`),
    check('loyalty_entries_adjust_reason', sql`${t.kind} <> 'adjust' or length(trim(${t.reason})) > 0`),
    check('loyalty_entries_key_has_channel', sql`${t.idempotencyKey} is null or ${t.channelId} is not null`),
    // An order earns once, whichever path fulfilled it.
    uniqueIndex('loyalty_entries_earn_once')
      .on(t.orderId)
      .where(sql`${t.kind} = 'earn'`),
    uniqueIndex('loyalty_entries_channel_key').on(t.channelId, t.idempotencyKey),
    index('loyalty_entries_customer_idx').on(t.customerId, t.at.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('loyalty_entries_order_idx')
      .on(t.orderId)
      .where(sql`${t.orderId} is not null`),
  ],
);
