import type { Db } from '@/db/client';

type Queryable = { query: (...args: unknown[]) => Promise<unknown> };

/**
 * The SQL text of every statement `db` sends outside a transaction while `fn` runs, on either
 * engine (the PGlite instance or the pg Pool behind Drizzle's session): to assert what a request
 * asked of the database, not just what it answered.
 */
export async function recordStatements<T>(db: Db, fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const client = (db as unknown as { _: { session: { client: Queryable } } })._.session.client;
  const statements: string[] = [];
  const original = client.query;
  client.query = function (this: unknown, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
    statements.push(String(text));
    return original.apply(this, args);
  };
  try {
    return { result: await fn(), statements };
  } finally {
    client.query = original;
  }
}
