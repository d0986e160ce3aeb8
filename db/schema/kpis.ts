import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, unique, uuid } from 'drizzle-orm/pg-core';
import { channels } from './channels';
import { locations } from './locations';

/**
 * Daily rollups per (business day, channel, location), kept in the same transaction as the
 * orders they count. The business day is the order's date in Europe/Paris. `location_id` is
 * null for ship orders; NULLS NOT DISTINCT makes it part of the key.
 */
export const kpiDaily = pgTable(
  'kpi_daily',
  {
    day: date('day').notNull(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'restrict' }),
    locationId: uuid('location_id').references(() => locations.id, { onDelete: 'restrict' }),
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
    unique('kpi_daily_day_channel_location_key').on(t.day, t.channelId, t.locationId).nullsNotDistinct(),
    check('kpi_daily_nonnegative', sql`${t.orders} >= 0 and ${t.units} >= 0`),
    index('kpi_daily_location_day_idx').on(t.locationId, t.day),
  ],
);
