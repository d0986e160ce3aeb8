import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { channels } from './channels';
import { locations } from './locations';
import { staffUsers } from './staff';
import { variants } from './catalogue';
import { orders } from './orders';

/** One row per (SKU, location). available to promise = on hand − reserved − safety stock. */
export const inventoryLevels = pgTable(
  'inventory_levels',
  {
    variantId: uuid('variant_id')
      .notNull()
      .references(() => variants.id, { onDelete: 'restrict' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'restrict' }),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    safetyStock: integer('safety_stock').notNull().default(0),
    reorderPoint: integer('reorder_point').notNull().default(0),
    /** Where the SKU sits at this location ("A-12", "Réserve 3"), when the store has said: pick lists read it. */
    bin: text('bin'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.variantId, t.locationId] }),
    check('inventory_bin_length', sql`${t.bin} is null or char_length(${t.bin}) between 1 and 24`),
    check('inventory_on_hand_nonnegative', sql`${t.onHand} >= 0`),
    check('inventory_reserved_nonnegative', sql`${t.reserved} >= 0`),
    check('inventory_reserved_within_on_hand', sql`${t.reserved} <= ${t.onHand}`),
    check('inventory_thresholds_nonnegative', sql`${t.safetyStock} >= 0 and ${t.reorderPoint} >= 0`),
    index('inventory_levels_location_idx').on(t.locationId, t.variantId),
    // The bins stores have given, for what shows them per order line (the pickup queue's cards, pick
    // lists): a probe here instead of into the primary key, which at 100k SKUs × 50 locations is
    // larger than PostgreSQL's cache, so each line's bin was a page read (~6 of the Ready tab's
    // ~15 ms for 200 cards at PAR on the bench). Only rows with a bin: small, and stays cached.
    index('inventory_levels_bin_idx')
      .on(t.variantId, t.locationId, t.bin)
      .where(sql`${t.bin} is not null`),
  ],
);

export const movementReason = pgEnum('movement_reason', [
  'receipt',
  'sale',
  'return',
  'adjustment',
  'count',
  'transfer_out',
  'transfer_in',
  'reservation',
  'release',
  'pickup',
  'shipment',
]);

export const movementReference = pgEnum('movement_reference', [
  'order',
  'transfer',
  'count',
  'receipt',
  'adjustment',
  'seed',
]);

/** The ledger: for every (SKU, location), the sum of deltas equals the current inventory row. */
export const inventoryMovements = pgTable(
  'inventory_movements',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    variantId: uuid('variant_id')
      .notNull()
      .references(() => variants.id, { onDelete: 'restrict' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'restrict' }),
    deltaOnHand: integer('delta_on_hand').notNull().default(0),
    deltaReserved: integer('delta_reserved').notNull().default(0),
    reason: movementReason('reason').notNull(),
    /** Finer reason for adjustments: damaged, lost, found, theft, … */
    detail: text('detail'),
    referenceType: movementReference('reference_type'),
    /** The referenced row's id (order, transfer, count), or the text typed (a delivery note, an adjustment's document). */
    referenceId: text('reference_id'),
    /** Why, in the words of whoever moved the stock (an adjustment's note); null for the system's movements. */
    note: text('note'),
    actorId: uuid('actor_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('movements_nonzero', sql`${t.deltaOnHand} <> 0 or ${t.deltaReserved} <> 0`),
    check('movements_note_length', sql`char_length(${t.note}) <= 500`),
    index('movements_variant_location_time_idx').on(t.variantId, t.locationId, t.createdAt.desc().nullsFirst()),
    // A SKU's ledger, newest first, one keyset page (id < before) at a time: listLedger on the SKU page.
    index('movements_variant_id_idx').on(t.variantId, t.id),
    index('movements_location_time_idx').on(t.locationId, t.createdAt.desc().nullsFirst()),
    index('movements_reference_idx').on(t.referenceType, t.referenceId),
  ],
);

/** Human numbers: TR-10001…, CC-10001… */
export const transferNumberSeq = pgSequence('transfer_number_seq', { startWith: 10001 });
export const countNumberSeq = pgSequence('count_number_seq', { startWith: 10001 });

/**
 * draft → in transit → received, or cancelled. A store's request starts as requested; the source
 * accepts it (accepted, then shipped like a draft) or declines it.
 */
export const transferStatus = pgEnum('transfer_status', [
  'draft',
  'in_transit',
  'received',
  'cancelled',
  'requested',
  'accepted',
  'declined',
]);

export const transfers = pgTable(
  'transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    sourceLocationId: uuid('source_location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'restrict' }),
    destinationLocationId: uuid('destination_location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'restrict' }),
    status: transferStatus('status').notNull().default('draft'),
    /** Set when the transfer feeds a click-and-collect order. */
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'set null' }),
    note: text('note'),
    createdById: uuid('created_by_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** A request's: the day the requesting store needs the stock by (its calendar). */
    neededBy: date('needed_by', { mode: 'string' }),
    /** Set by the source when it accepts a request: the day the stock should arrive. */
    expectedOn: date('expected_on', { mode: 'string' }),
    /** Who accepted or declined a request, when, and why (a decline's reason, or why fewer units were accepted). */
    decidedById: uuid('decided_by_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    check('transfers_distinct_locations', sql`${t.sourceLocationId} <> ${t.destinationLocationId}`),
    check('transfers_decision_reason_length', sql`char_length(${t.decisionReason}) <= 500`),
    index('transfers_source_idx').on(t.sourceLocationId, t.status, t.createdAt.desc().nullsFirst()),
    index('transfers_destination_idx').on(t.destinationLocationId, t.status, t.createdAt.desc().nullsFirst()),
    index('transfers_order_idx').on(t.orderId),
  ],
);

export const transferLines = pgTable(
  'transfer_lines',
  {
    transferId: uuid('transfer_id')
      .notNull()
      .references(() => transfers.id, { onDelete: 'cascade' }),
    variantId: uuid('variant_id')
      .notNull()
      .references(() => variants.id, { onDelete: 'restrict' }),
    /** Units to ship; a request's line the source accepted none of keeps 0. */
    quantity: integer('quantity').notNull(),
    /** What a store asked for, on a request's line; null on a transfer nobody asked for. */
    quantityRequested: integer('quantity_requested'),
    /** Units arrived so far: set by each receipt, so a partial one leaves the rest in transit. */
    quantityReceived: integer('quantity_received'),
  },
  (t) => [
    primaryKey({ columns: [t.transferId, t.variantId] }),
    check(
      'transfer_lines_quantity_positive',
      sql`${t.quantity} > 0 or (${t.quantity} = 0 and ${t.quantityRequested} is not null)`,
    ),
    check('transfer_lines_requested_positive', sql`${t.quantityRequested} is null or ${t.quantityRequested} > 0`),
    check('transfer_lines_received_nonnegative', sql`${t.quantityReceived} is null or ${t.quantityReceived} >= 0`),
    index('transfer_lines_variant_idx').on(t.variantId),
  ],
);

export const countStatus = pgEnum('count_status', ['open', 'applied', 'discarded']);

export const inventoryCounts = pgTable(
  'inventory_counts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'restrict' }),
    status: countStatus('status').notNull().default('open'),
    scope: text('scope').notNull().default('all'),
    createdById: uuid('created_by_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('inventory_counts_location_idx').on(t.locationId, t.status, t.createdAt.desc().nullsFirst())],
);

export const inventoryCountLines = pgTable(
  'inventory_count_lines',
  {
    countId: uuid('count_id')
      .notNull()
      .references(() => inventoryCounts.id, { onDelete: 'cascade' }),
    variantId: uuid('variant_id')
      .notNull()
      .references(() => variants.id, { onDelete: 'restrict' }),
    /** On hand the system expected: at the start, then again at the moment the line is counted. */
    expected: integer('expected').notNull(),
    counted: integer('counted'),
    countedAt: timestamp('counted_at', { withTimezone: true }),
    /** Kept when the count is applied: the difference booked (counted − expected) and the unit cost it was valued at. */
    appliedDifference: integer('applied_difference'),
    unitCostCents: integer('unit_cost_cents'),
  },
  (t) => [
    primaryKey({ columns: [t.countId, t.variantId] }),
    check('count_lines_counted_nonnegative', sql`${t.counted} is null or ${t.counted} >= 0`),
  ],
);

/** Channel ring-fencing: the most a channel may sell of a SKU across all locations. */
export const channelStockCaps = pgTable(
  'channel_stock_caps',
  {
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    variantId: uuid('variant_id')
      .notNull()
      .references(() => variants.id, { onDelete: 'cascade' }),
    maxUnits: integer('max_units').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.channelId, t.variantId] }),
    check('channel_stock_caps_nonnegative', sql`${t.maxUnits} >= 0`),
  ],
);
