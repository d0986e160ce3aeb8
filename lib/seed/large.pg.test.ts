import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { DEMO_CHANNELS, DEMO_USERS } from '@/lib/seed/constants';
import { findInvariantViolations } from '@/lib/seed/invariants';
import { isLargeSeedPresent, seedLarge } from '@/lib/seed/large';

// PostgreSQL only (*.pg.test.ts, see vitest.config.ts); at 1% scale it runs in seconds.
describe('seedLarge (scale 0.01, PostgreSQL)', () => {
  let handle: DbHandle;
  let counts: Record<string, number>;

  beforeAll(async () => {
    handle = await createTestDatabase();
    counts = await seedLarge(handle, { scale: 0.01 });
  });

  afterAll(async () => {
    await handle?.close();
  });

  it('loads every table at the requested scale', () => {
    expect(counts.orders).toBe(30_000);
    expect(counts.customers).toBe(10_000);
    expect(counts.variants).toBe(1_000);
    expect(counts.locations).toBe(50);
    expect(counts.inventory_levels).toBe(50_000);
    expect(counts.order_lines).toBeGreaterThan(counts.orders);
    expect(counts.reservations).toBeGreaterThan(0);
  });

  it('keeps every invariant (ledger, reservations, barcodes, totals, rollups, summaries, pickups)', async () => {
    expect(await findInvariantViolations(handle.db)).toEqual({});
  });

  it('has the demo channels, accounts and pickups in every closed state', async () => {
    const channels = await handle.db.execute<{ code: string }>(sql`SELECT code FROM channels ORDER BY code`);
    expect(channels.rows.map((r) => r.code)).toEqual(DEMO_CHANNELS.map((c) => c.code).sort());
    const users = await handle.db.execute<{ email: string }>(sql`SELECT email FROM staff_users`);
    expect(users.rows.map((r) => r.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    const states = await handle.db.execute<{ state: string }>(
      sql`SELECT DISTINCT state::text AS state FROM pickups ORDER BY 1`,
    );
    // At 1% scale a handful of pickups are open at any moment: which open states show depends on the hour.
    const found = states.rows.map((r) => r.state);
    expect(found).toEqual(expect.arrayContaining(['cancelled', 'collected', 'expired', 'ready']));
  });

  it('rebuilt every index and constraint it deferred', async () => {
    const fresh = await createTestDatabase();
    try {
      const shape = `SELECT (SELECT count(*) FROM pg_indexes WHERE schemaname = 'public')::int AS indexes,
                            (SELECT count(*) FROM pg_constraint WHERE connamespace = 'public'::regnamespace)::int AS constraints`;
      const expected = await fresh.db.execute(sql.raw(shape));
      const actual = await handle.db.execute(sql.raw(shape));
      expect(actual.rows[0]).toEqual(expected.rows[0]);
    } finally {
      await fresh.close();
    }
    expect(
      await handle.db
        .execute(sql`SELECT 1 FROM pg_namespace WHERE nspname = 'comptoir_seed'`)
        .then((r) => r.rows.length),
    ).toBe(0);
  });

  it('draws names with a long tail, and fills the vocabulary of name words', async () => {
    const { rows } = await handle.db.execute<{
      last: number;
      first: number;
      top: number;
      words: number;
      vocabulary: number;
    }>(sql`
      SELECT (SELECT count(DISTINCT last_name)::int FROM customers) AS last,
        (SELECT count(DISTINCT first_name)::int FROM customers) AS first,
        (SELECT max(n)::int FROM (SELECT count(*) AS n FROM customers GROUP BY last_name) x) AS top,
        (SELECT count(DISTINCT w)::int FROM customers, unnest(search_words(first_name || ' ' || last_name)) w) AS words,
        (SELECT count(*)::int FROM customer_name_words) AS vocabulary`);
    const r = rows[0];
    // 10,000 customers: thousands of surnames, hundreds of first names, none held by more than ~1 %.
    expect(r.last).toBeGreaterThan(4000);
    expect(r.first).toBeGreaterThan(500);
    expect(r.top).toBeLessThan(150);
    expect(r.vocabulary).toBe(r.words);
  });

  it('is not mistaken for the full large data set', async () => {
    expect(await isLargeSeedPresent(handle)).toBe(false);
  });

  it('refuses a database that already has data', async () => {
    await expect(seedLarge(handle, { scale: 0.01 })).rejects.toThrow(/empty database/);
  });
});
