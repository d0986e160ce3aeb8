import pg from 'pg';

export const DEFAULT_BENCH_URL = 'postgres://postgres@127.0.0.1:5432/comptoir_bench';

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Unsupported database name "${name}"`);
  return name;
}

/** host:port/name — identifies a bench database in records without leaking a password. */
export function databaseKey(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || '5432'}/${databaseName(url)}`;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

export async function databaseExists(url: string): Promise<boolean> {
  const found = await adminQuery(url, 'select 1 from pg_database where datname = $1', [databaseName(url)]);
  return (found.rowCount ?? 0) > 0;
}

/** Creates the database named by `url` when it does not exist yet; true if it was created. */
export async function ensureDatabase(url: string): Promise<boolean> {
  if (await databaseExists(url)) return false;
  await adminQuery(url, `CREATE DATABASE "${databaseName(url)}"`);
  return true;
}

export async function dropDatabase(url: string): Promise<void> {
  await adminQuery(url, `DROP DATABASE IF EXISTS "${databaseName(url)}" WITH (FORCE)`);
}

/**
 * Dropping a database is only for throwaway bench databases: the name must say so.
 * Guards `--reseed` and the scratch databases against a DATABASE_URL pointing elsewhere.
 */
export function assertDisposable(url: string): void {
  const name = databaseName(url);
  if (!/bench/i.test(name)) {
    throw new Error(
      `Refusing to drop "${name}": only databases whose name contains "bench" are re-created by the bench.`,
    );
  }
}

/** Any constant will do: it only has to be the same for every bench run. */
const BENCH_LOCK_KEY = 7_214_093;

/**
 * Holds a session advisory lock on the bench database for the whole run, so two bench runs
 * cannot measure (or re-seed) the same database at once; returns the release function, or null
 * when another run holds it. `npm run db:seed` does not take it: do not seed a database a bench
 * is running on.
 */
export async function lockBenchDatabase(url: string): Promise<(() => Promise<void>) | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [
    BENCH_LOCK_KEY,
  ]);
  if (!rows[0].locked) {
    await client.end();
    return null;
  }
  return () => client.end();
}
