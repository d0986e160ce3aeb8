import { bigint, date, index, integer, pgTable, smallint, unique, uuid } from 'drizzle-orm/pg-core';
import { channels } from './channels';
import { locations } from './locations';

/**
 * Daily rollups per (business day, channel, location), kept in the same transaction as the
 * orders they count. The business day is the order's date in the install's time zone (lib/system/time-zone.ts). `location_id` is
 * null for ship orders; NULLS NOT DISTINCT makes it part of the key.
 *
 * A busy key (today, web shop, no location) is written by every order of that channel: one row
 * would make concurrent orders queue on its lock until each commits. So a key is spread over
 * up to KPI_SHARDS rows (`shard`, picked from the writing connection) and a figure is the SUM
 * over its shards — read through lib/kpis/read.ts, never one row. A shard row holds deltas
 * (a cancellation may land on a shard that never counted the order), so only sums are
 * non-negative; lib/seed/invariants.ts checks them.
 */
export const KPI_SHARDS = 32;

export const kpiDaily = pgTable(
  'kpi_daily',
  {
    day: date('day').notNull(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'restrict' }),
    locationId: uuid('location_id').references(() => locations.id, { onDelete: 'restrict' }),
    shard: smallint('shard').notNull().default(0),
    orders: integer('orders').notNull().default(0),
    revenueCents: bigint('revenue_cents', { mode: 'number' }).notNull().default(0),
    units: integer('units').notNull().default(0),
    pickupOrders: integer('pickup_orders').notNull().default(0),
    pickupsReady: integer('pickups_ready').notNull().default(0),
    pickupLeadSeconds: bigint('pickup_lead_seconds', { mode: 'number' }).notNull().default(0),
    pickupsCollected: integer('pickups_collected').notNull().default(0),
    pickupsExpired: integer('pickups_expired').notNull().default(0),
    cancelledOrders: integer('cancelled_orders').notNull().default(0),
    returns: integer('returns').notNull().default(0),
    returnedCents: bigint('returned_cents', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    unique('kpi_daily_day_channel_location_shard_key').on(t.day, t.channelId, t.locationId, t.shard).nullsNotDistinct(),
    index('kpi_daily_location_day_idx').on(t.locationId, t.day),
  ],
);
