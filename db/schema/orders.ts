import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { channels } from './channels';
import { customers } from './customers';
import { locations } from './locations';
import { staffUsers } from './staff';
import { variants } from './catalogue';
import { FULFILMENT_TYPES, ORDER_STATUSES } from './order-enums';

export const orderStatus = pgEnum('order_status', ORDER_STATUSES);

export const fulfilmentType = pgEnum('fulfilment_type', FULFILMENT_TYPES);

/** Human order numbers: CMP-100001, CMP-100002, … */
export const orderNumberSeq = pgSequence('order_number_seq', { startWith: 100001 });

export type ShippingAddress = {
  name?: string;
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  country: string;
};

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'restrict' }),
    /** The channel's own id: the idempotency key of ingestion. */
    externalId: text('external_id').notNull(),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'restrict' }),
    status: orderStatus('status').notNull().default('placed'),
    fulfilmentType: fulfilmentType('fulfilment_type').notNull(),
    /** Pickup or in-store location; null for ship orders. */
    locationId: uuid('location_id').references(() => locations.id, { onDelete: 'restrict' }),
    /**
     * Where the order is fulfilled, for scoping it to a store's staff: the pickup or in-store
     * location, or for a ship order the location its stock was reserved at (the one holding the
     * most units when split); null for a ship order backordered with nothing reserved.
     */
    fulfillingLocationId: uuid('fulfilling_location_id').references(() => locations.id, { onDelete: 'restrict' }),
    shippingAddress: jsonb('shipping_address').$type<ShippingAddress>(),
    currency: text('currency').notNull().default('EUR'),
    subtotalCents: bigint('subtotal_cents', { mode: 'number' }).notNull(),
    discountCents: bigint('discount_cents', { mode: 'number' }).notNull().default(0),
    shippingCents: bigint('shipping_cents', { mode: 'number' }).notNull().default(0),
    taxCents: bigint('tax_cents', { mode: 'number' }).notNull().default(0),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    itemCount: integer('item_count').notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('orders_channel_external_id_key').on(t.channelId, t.externalId),
    check('orders_currency_iso', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check(
      'orders_amounts_nonnegative',
      sql`${t.subtotalCents} >= 0 and ${t.discountCents} >= 0 and ${t.shippingCents} >= 0 and ${t.taxCents} >= 0 and ${t.totalCents} >= 0`,
    ),
    check('orders_location_matches_fulfilment', sql`(${t.fulfilmentType} = 'ship') = (${t.locationId} is null)`),
    // Keyset pagination: every list is ordered by (placed_at desc, id desc) within its filter.
    // NULLS FIRST is what a plain `order by … desc` means: drizzle-kit's default for .desc() is
    // NULLS LAST, which PostgreSQL cannot read in the order of a plain `desc` (it sorts instead).
    index('orders_placed_idx').on(t.placedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('orders_channel_placed_idx').on(t.channelId, t.placedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('orders_status_placed_idx').on(t.status, t.placedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('orders_location_placed_idx').on(t.locationId, t.placedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('orders_fulfilling_placed_idx').on(
      t.fulfillingLocationId,
      t.placedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index('orders_customer_placed_idx').on(t.customerId, t.placedAt.desc().nullsFirst()),
    index('orders_external_id_idx').on(t.externalId),
    // The orders ingested since the duplicates scan's cursor (scanRecentDuplicates): created_at is
    // appended in order, so a block range index is a few dozen kB for millions of orders, costs
    // ingestion next to nothing, and reads only the last ranges of the table. An update that moves a
    // row out of its range widens the range it lands in (read more often, never missed), and a range
    // not summarized yet is always read.
    index('orders_created_brin_idx').using('brin', t.createdAt),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    variantId: uuid('variant_id')
      .notNull()
      .references(() => variants.id, { onDelete: 'restrict' }),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    quantityReturned: integer('quantity_returned').notNull().default(0),
  },
  (t) => [
    unique('order_lines_order_line_no_key').on(t.orderId, t.lineNo),
    check('order_lines_quantity_positive', sql`${t.quantity} > 0`),
    check('order_lines_price_nonnegative', sql`${t.unitPriceCents} >= 0`),
    check('order_lines_returned_range', sql`${t.quantityReturned} between 0 and ${t.quantity}`),
    index('order_lines_variant_idx').on(t.variantId),
  ],
);

/** The order's timeline. `type` is open-ended (placed, reserved, confirmed, ready, note…). */
export const orderEvents = pgTable(
  'order_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    actorId: uuid('actor_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('order_events_order_idx').on(t.orderId, t.createdAt),
    // The orders list's Returns view: orders returned in part keep their status (shipped, completed).
    index('order_events_partial_return_idx')
      .on(t.orderId)
      .where(sql`${t.type} = 'partially_returned'`),
  ],
);

export const reservationStatus = pgEnum('reservation_status', ['active', 'released', 'consumed']);

export const reservations = pgTable(
  'reservations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    orderLineId: uuid('order_line_id')
      .notNull()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    variantId: uuid('variant_id')
      .notNull()
      .references(() => variants.id, { onDelete: 'restrict' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'restrict' }),
    quantity: integer('quantity').notNull(),
    status: reservationStatus('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    check('reservations_quantity_positive', sql`${t.quantity} > 0`),
    index('reservations_order_idx').on(t.orderId),
    // Deleting an order line cascades to its reservations: without it each deleted line scans them all.
    index('reservations_order_line_idx').on(t.orderLineId),
    index('reservations_active_idx')
      .on(t.variantId, t.locationId)
      .where(sql`${t.status} = 'active'`),
  ],
);

/** Staff notes on an order, for the people who handle it (never shown to the customer); its author may edit it. */
export const orderNotes = pgTable(
  'order_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When its author last changed the text; null: as first written. */
    editedAt: timestamp('edited_at', { withTimezone: true }),
  },
  (t) => [
    check('order_notes_body_nonempty', sql`length(trim(${t.body})) > 0`),
    check('order_notes_body_length', sql`char_length(${t.body}) <= 2000`),
    index('order_notes_order_idx').on(t.orderId, t.createdAt),
  ],
);

/**
 * An order's tags (lower-case words staff choose: "vip", "gift wrap"), one row each. The list
 * filters by one through order_tags_tag_idx: the orders holding it, then their page by time.
 */
export const orderTags = pgTable(
  'order_tags',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
    actorId: uuid('actor_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.tag] }),
    check('order_tags_tag_shape', sql`${t.tag} = lower(btrim(${t.tag})) and char_length(${t.tag}) between 1 and 40`),
    index('order_tags_tag_idx').on(t.tag, t.orderId),
  ],
);
