import { boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { localNamesCheck, localNamesColumn } from './local-names';

/** See `locations.openingHours`. */
export type OpeningHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', [string, string][]>>;

export const locationKind = pgEnum('location_kind', ['store', 'warehouse']);

export const locations = pgTable(
  'locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    /** The canonical name: what exports give, and what a language without its own name shows. */
    name: text('name').notNull(),
    /** Optional names per interface language (db/schema/local-names.ts); a store's proper name needs none. */
    names: localNamesColumn(),
    kind: locationKind('kind').notNull(),
    city: text('city').notNull(),
    address: text('address').notNull().default(''),
    timeZone: text('time_zone').notNull().default('Europe/Paris'),
    pickupEnabled: boolean('pickup_enabled').notNull().default(false),
    /** Click-and-collect stopped for now (stock-take, short staff): availability stops offering the store. */
    pickupPaused: boolean('pickup_paused').notNull().default(false),
    /** Days a ready parcel waits before it expires. */
    holdDays: integer('hold_days').notNull().default(7),
    /** Minutes of opening time the store needs to prepare a pickup: the promise counts them. */
    preparationMinutes: integer('preparation_minutes').notNull().default(120),
    /**
     * Weekly opening hours in the location's time zone: per ISO weekday ('1' = Monday … '7' =
     * Sunday) a list of [opens, closes] as 'HH:MM'; a missing day is closed. Empty: not set.
     */
    openingHours: jsonb('opening_hours').$type<OpeningHours>().notNull().default({}),
    /** Days a transfer from this location takes to reach a store: what ship-to-store promises. */
    transferLeadDays: integer('transfer_lead_days').notNull().default(2),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('locations_hold_days_positive', sql`${t.holdDays} > 0`),
    check('locations_preparation_minutes_range', sql`${t.preparationMinutes} between 0 and 10080`),
    check('locations_transfer_lead_days_range', sql`${t.transferLeadDays} between 0 and 60`),
    check('locations_opening_hours_object', sql`jsonb_typeof(${t.openingHours}) = 'object'`),
    localNamesCheck('locations', t.names),
    index('locations_kind_idx').on(t.kind),
  ],
);
