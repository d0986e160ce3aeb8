import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { transfers } from './inventory';
import { locations } from './locations';
import { orderLines, orders } from './orders';
import { PICKUP_STATES } from './pickup-states';
import { staffUsers } from './staff';

export const pickupState = pgEnum('pickup_state', PICKUP_STATES);

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
    /** Issued when the parcel is ready; checked at hand-over; unique among the store's ready parcels. */
    code: text('code'),
    /**
     * What the counter's lookup (lib/pickups/lookup.ts) matches besides the code, copied here so that
     * it reads only the store's ready parcels in pickups_ready_due_idx, not each one's order and
     * customer: the order's number (orders.number, which never changes) and the customer's folded
     * name (customers.search_name of the order's customer; null without one). Filled when the row is
     * inserted and kept in step by triggers when the customer is renamed or erased, or the order moves
     * to another customer by a merge or its undo (migration 0035).
     */
    orderNumber: text('order_number'),
    searchName: text('search_name'),
    /**
     * Each transition's time and, for staff ones, who (lib/pickups/state-machine.ts): the KPIs
     * and the queue read these, the order's timeline tells the story.
     */
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    pickingStartedAt: timestamp('picking_started_at', { withTimezone: true }),
    pickingStartedById: uuid('picking_started_by_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    /** Since when the pickup waits for a transfer (ship-to-store or after a short pick), and which one. */
    awaitingTransferAt: timestamp('awaiting_transfer_at', { withTimezone: true }),
    transferId: uuid('transfer_id').references(() => transfers.id, { onDelete: 'set null' }),
    pickedAt: timestamp('picked_at', { withTimezone: true }),
    pickedById: uuid('picked_by_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    readyById: uuid('ready_by_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    /** The hold's end: a ready parcel not collected by then expires. */
    dueBy: timestamp('due_by', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    remindersSent: integer('reminders_sent').notNull().default(0),
    holdExtendedAt: timestamp('hold_extended_at', { withTimezone: true }),
    collectedAt: timestamp('collected_at', { withTimezone: true }),
    /** The staff member who handed the parcel over. */
    collectedById: uuid('collected_by_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    /** Who took it, when not the customer themself. */
    collectedByName: text('collected_by_name'),
    expiredAt: timestamp('expired_at', { withTimezone: true }),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
    rejectedById: uuid('rejected_by_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    rejectReason: text('reject_reason'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** When the pickup reached an end (collected, expired, rejected, cancelled). */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The customer's tracking link, /track/<token> (app/track): 144 random bits in base64url (24
     * characters) drawn by the database when the row is inserted, so ingestion's one statement and
     * its readable twin need nothing more. Stored as is, not hashed: every later message (ready,
     * reminders, expiry) must put the same link in its payload, and the token only shows a first
     * name, an order number and a store. The link stops working 30 days after the pickup's end
     * (lib/pickups/tracking.ts).
     */
    trackingToken: text('tracking_token')
      .notNull()
      .unique()
      .default(
        sql`translate(encode(substring(sha256(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())) from 1 for 18), 'base64'), '+/', '-_')`,
      ),
  },
  (t) => [
    check('pickups_code_format', sql`${t.code} is null or ${t.code} ~ '^[0-9]{6}$'`),
    check(
      'pickups_ready_has_code',
      sql`${t.state} not in ('ready', 'collected') or (${t.code} is not null and ${t.readyAt} is not null and ${t.dueBy} is not null)`,
    ),
    check('pickups_reminders_sent_range', sql`${t.remindersSent} >= 0`),
    index('pickups_queue_idx').on(t.locationId, t.state, t.placedAt),
    // A code names one parcel on the store's shelf; a collected or expired one frees its code.
    uniqueIndex('pickups_ready_code_key')
      .on(t.locationId, t.code)
      .where(sql`${t.state} = 'ready'`),
    index('pickups_due_idx')
      .on(t.dueBy)
      .where(sql`${t.state} = 'ready'`),
    // A store's ready parcels by hold end: the queue's Ready and Due soon tabs and the counter's
    // lookup read one store's few hundred in order (pickups_due_idx holds every store's). It holds
    // every column of them that the queue's cards and counts and the counter's lookup read or match
    // (the order's number and the customer's folded name included), so each is an index-only scan of
    // a few pages: otherwise the planner, trusting due_by's near-perfect correlation with the heap's
    // order, read every store's ready parcels through pickups_due_idx and fetched each one (2,350
    // rows for PAR's 242 on the bench), and a lookup by order number or name read every parcel's
    // order and customer by primary key (~2,000 pages). A partial index of the ready parcels only, a
    // small fraction of all: its width costs little.
    index('pickups_ready_due_idx')
      .on(
        t.locationId,
        t.dueBy,
        t.id,
        t.orderId,
        t.code,
        t.readyAt,
        t.orderNumber,
        t.searchName,
        t.state,
        t.placedAt,
        t.transferId,
        t.closedAt,
      )
      .where(sql`${t.state} = 'ready'`),
    // The queue's closed tabs (collected today, expired this week) by state and when they closed:
    // without it the counts read every parcel a store ever handed over or saw expire; with the state
    // in it, counting and listing them is an index-only range per state.
    index('pickups_closed_idx')
      .on(t.locationId, t.state, t.closedAt)
      .where(sql`${t.state} in ('collected', 'expired')`),
  ],
);

/**
 * pending: waiting for the dispatcher; sent: accepted by the SMTP server; kept: rendered but not
 * sent, because the install has no SMTP_URL (the development mailbox, Settings → Messages, shows it);
 * failed: given up after the last attempt, or a payload no template can render.
 */
export const notificationStatus = pgEnum('notification_status', ['pending', 'sent', 'failed', 'kept']);
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
    // The message as rendered when it was sent or kept: the customer's communication history shows
    // what they received, whatever the templates say later.
    subject: text('subject'),
    bodyHtml: text('body_html'),
    bodyText: text('body_text'),
  },
  (t) => [
    index('notification_outbox_pending_idx')
      .on(t.availableAt)
      .where(sql`${t.status} = 'pending'`),
    index('notification_outbox_order_idx').on(t.orderId),
  ],
);

/** Why a line could not be picked in full. */
export const pickShortReason = pgEnum('pick_short_reason', ['not_found', 'damaged']);

/**
 * The pick state of one order line of one pickup: how many units are in the basket, and how many
 * the staff found missing (not yet settled by an outcome: a transfer, a reroute, shipping, or a
 * partial order). A row is written on the first pick of the line: no row means nothing picked yet,
 * so ingesting an order writes nothing here. A pickup rerouted to another store starts again
 * without rows. Kept apart from order_lines: what the store did is not what the customer bought.
 */
export const pickupLines = pgTable(
  'pickup_lines',
  {
    pickupId: uuid('pickup_id')
      .notNull()
      .references(() => pickups.id, { onDelete: 'cascade' }),
    orderLineId: uuid('order_line_id')
      .notNull()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    quantityPicked: integer('quantity_picked').notNull().default(0),
    /** Units reported missing and taken off stock, awaiting the staff's choice of outcome. */
    quantityShort: integer('quantity_short').notNull().default(0),
    shortReason: pickShortReason('short_reason'),
    pickedAt: timestamp('picked_at', { withTimezone: true }),
    pickedById: uuid('picked_by_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    shortAt: timestamp('short_at', { withTimezone: true }),
    shortById: uuid('short_by_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.pickupId, t.orderLineId] }),
    check('pickup_lines_quantities', sql`${t.quantityPicked} >= 0 and ${t.quantityShort} >= 0`),
    check('pickup_lines_short_has_reason', sql`(${t.quantityShort} = 0) = (${t.shortReason} is null)`),
    // Deleting an order line (an order, or a line a partial pick gives up) finds its row.
    index('pickup_lines_order_line_idx').on(t.orderLineId),
  ],
);
