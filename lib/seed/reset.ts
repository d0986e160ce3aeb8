import { sql } from 'drizzle-orm';
import type { DbHandle } from '@/db/client';

/** True when the database holds no business data (migrations alone do not count). */
export async function isDatabaseEmpty(handle: DbHandle): Promise<boolean> {
  const res = await handle.db.execute<{ found: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM locations) OR EXISTS (SELECT 1 FROM channels) OR EXISTS (SELECT 1 FROM staff_users)
        OR EXISTS (SELECT 1 FROM variants) OR EXISTS (SELECT 1 FROM customers) OR EXISTS (SELECT 1 FROM orders) AS found`);
  return !res.rows[0].found;
}

/** Empties every table of the public schema (not the migrations journal) and resets sequences. */
export async function truncateAll(handle: DbHandle): Promise<void> {
  const res = await handle.db.execute<{ name: string }>(
    sql`SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const tables = res.rows.map((r) => r.name);
  if (tables.length) await handle.exec(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`);
  // Standalone sequences (order, transfer and count numbers) back to their first value.
  const seqs = await handle.db.execute<{ name: string }>(
    sql`SELECT quote_ident(sequencename) AS name FROM pg_sequences WHERE schemaname = 'public'`,
  );
  for (const { name } of seqs.rows) await handle.exec(`ALTER SEQUENCE ${name} RESTART`);
}
