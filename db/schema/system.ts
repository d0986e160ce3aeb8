import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Facts the installation keeps about itself, one row per key. The demo seed writes
 * `demo_seed` here: the login page shows demo accounts only when the database says it holds them.
 * The duplicates job keeps its cursor here (`customers_duplicates_cursor`, scanRecentDuplicates).
 */
export const systemSettings = pgTable('system_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
