import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { localNamesCheck, localNamesColumn } from './local-names';

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
    holdDays: integer('hold_days').notNull().default(7),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('locations_hold_days_positive', sql`${t.holdDays} > 0`),
    localNamesCheck('locations', t.names),
    index('locations_kind_idx').on(t.kind),
  ],
);
