import { boolean, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const channelKind = pgEnum('channel_kind', ['web', 'marketplace', 'pos', 'phone']);

export const channels = pgTable('channels', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: channelKind('kind').notNull(),
  /** Shared secret for the HMAC-SHA256 signature of order deliveries. */
  secret: text('secret').notNull(),
  allowSplitShipments: boolean('allow_split_shipments').notNull().default(false),
  allowBackorders: boolean('allow_backorders').notNull().default(false),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
