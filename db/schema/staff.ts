import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { locations } from './locations';

export const staffRole = pgEnum('staff_role', ['owner', 'manager', 'agent']);

export const staffUsers = pgTable('staff_users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stored lower-cased. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: staffRole('role').notNull(),
  locale: text('locale'),
  active: boolean('active').notNull().default(true),
  /** Carried in the session token and checked on each request: bumped to end every session (sign-out, deactivation). */
  sessionVersion: integer('session_version').notNull().default(0),
  lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The locations a manager (or a scoped agent) may act on. Owners are unscoped. */
export const userLocations = pgTable(
  'user_locations',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.locationId] }), index('user_locations_location_idx').on(t.locationId)],
);

/**
 * Failed sign-ins, counted per key (`account:<email>` or `ip:<address>`) in the database so the
 * limit holds across app instances: back-off after a few failures, a lock after many.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  firstFailedAt: timestamp('first_failed_at', { withTimezone: true }).notNull().defaultNow(),
  lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull().defaultNow(),
  /** No attempt is checked for this key before this time. */
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
