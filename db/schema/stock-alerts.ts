import { sql } from 'drizzle-orm';
import { bigint, check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { variants } from './catalogue';
import { channels } from './channels';
import { customers } from './customers';
import { locations } from './locations';
import { notificationOutbox } from './pickups';

export const stockAlertStatus = pgEnum('stock_alert_status', ['waiting', 'notified', 'cancelled']);

/**
 * A customer's wish to be told once when a SKU can be promised again ("prévenez-moi quand il est
 * en magasin"): at one store, or anywhere (location null: online). Registered by a channel through
 * the signed API; told through the outbox in the transaction that marks it notified.
 */
export const stockAlerts = pgTable(
  'stock_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    variantId: uuid('variant_id')
      .notNull()
      .references(() => variants.id, { onDelete: 'cascade' }),
    /** The store the customer wants it at; null: available online (anywhere). */
    locationId: uuid('location_id').references(() => locations.id, { onDelete: 'cascade' }),
    /** The channel that registered the wish. */
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'restrict' }),
    /** The channel's page for the product, linked from the message (https). */
    productUrl: text('product_url'),
    status: stockAlertStatus('status').notNull().default('waiting'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** The outbox message that told the customer. */
    messageId: bigint('message_id', { mode: 'number' }).references(() => notificationOutbox.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [
    check('stock_alerts_notified_at', sql`(${t.status} = 'notified') = (${t.notifiedAt} is not null)`),
    // One waiting wish per customer, SKU and place (online included): a duplicate answers the first.
    uniqueIndex('stock_alerts_waiting_key')
      .on(t.customerId, t.variantId, sql`coalesce(${t.locationId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`${t.status} = 'waiting'`),
    // What a stock increase of a SKU looks up, and the waiting demand per store.
    index('stock_alerts_waiting_variant_idx')
      .on(t.variantId, t.locationId)
      .where(sql`${t.status} = 'waiting'`),
    index('stock_alerts_customer_idx').on(t.customerId, t.createdAt.desc()),
  ],
);
