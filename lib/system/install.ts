import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { readSetting } from './settings';

/**
 * The system_settings row a demo seed (demo or large scale: both create the demo accounts with
 * their published password) writes in its own transaction. Its presence, not an environment
 * variable, is what lets the sign-in page advertise the demo accounts.
 */
export const DEMO_SEED_KEY = 'demo_seed';

export type DemoSeedMarker = { scale: 'demo' | 'large'; seed?: number; seededAt: string };

export function demoSeedMarker(scale: DemoSeedMarker['scale'], now: Date, seed?: number) {
  const value: DemoSeedMarker = { scale, seed, seededAt: now.toISOString() };
  return { key: DEMO_SEED_KEY, value, updatedAt: now };
}

/** The demo seed's marker, or null on a database the demo seed never filled. */
export function findDemoSeed(db: DbOrTx): Promise<DemoSeedMarker | null> {
  return readSetting<DemoSeedMarker>(db, DEMO_SEED_KEY);
}

/** Whether anyone can sign in at all: a fresh install has no active staff until user:create runs. */
export async function hasActiveStaff(db: DbOrTx): Promise<boolean> {
  const res = await db.execute<{ found: boolean }>(
    sql`SELECT EXISTS (SELECT 1 FROM staff_users WHERE active) AS found`,
  );
  return Boolean(res.rows[0]?.found);
}

/** What an operator types to create the first owner (printed at start and shown on the sign-in page). */
export const FIRST_OWNER_COMMAND = 'npm run user:create -- --email you@example.com --name "Your Name" --role owner';
