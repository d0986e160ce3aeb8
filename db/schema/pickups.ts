import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { locations } from './locations';
import { orders } from './orders';
import { staffUsers } from './staff';

export const pickupState = pgEnum('pickup_state', ['placed', 'to_pick', 'ready', 'collected', 'expired', 'cancelled']);

export const pickups = pgTable(
  'pickups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .unique()
      .references(() => orders.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'restrict' }),
    state: pickupState('state').notNull().default('placed'),
    /** Issued when the parcel is ready; checked at hand-over. */
    code: text('code'),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    pickedAt: timestamp('picked_at', { withTimezone: true }),
    pickedById: uuid('picked_by_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    dueBy: timestamp('due_by', { withTimezone: true }),
    collectedAt: timestamp('collected_at', { withTimezone: true }),
    collectedById: uuid('collected_by_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('pickups_code_format', sql`${t.code} is null or ${t.code} ~ '^[0-9]{6}$'`),
    check(
      'pickups_ready_has_code',
      sql`${t.state} not in ('ready', 'collected') or (${t.code} is not null and ${t.readyAt} is not null and ${t.dueBy} is not null)`,
    ),
    index('pickups_queue_idx').on(t.locationId, t.state, t.placedAt),
    index('pickups_due_idx')
      .on(t.dueBy)
      .where(sql`${t.state} = 'ready'`),
  ],
);

export const notificationStatus = pgEnum('notification_status', ['pending', 'sent', 'failed']);
export const notificationChannel = pgEnum('notification_channel', ['email', 'sms']);

/** Outbox: written in the business transaction, delivered by a job claiming rows with SKIP LOCKED. */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    channel: notificationChannel('channel').notNull(),
    recipient: text('recipient').notNull(),
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'set null' }),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    status: notificationStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('notification_outbox_pending_idx')
      .on(t.availableAt)
      .where(sql`${t.status} = 'pending'`),
    index('notification_outbox_order_idx').on(t.orderId),
  ],
);
