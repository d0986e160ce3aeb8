import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { SQL } from 'drizzle-orm';
import type { PgDialect, PgSession } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** One handle type for both engines; the PGlite driver is cast to it here and only here. */
export type Db = NodePgDatabase<Schema>;
/** A transaction handle: use cases accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Engine = 'postgresql' | 'pglite';

export type DbHandle = {
  db: Db;
  engine: Engine;
  close: () => Promise<void>;
  /** Runs raw SQL (several statements allowed) — for seeds and tests. */
  exec: (sql: string) => Promise<void>;
};

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

export function defaultDataDir(): string {
  return process.env.PGLITE_DIR ?? path.join(process.cwd(), '.data', 'pglite');
}

/** Embedded engine. `dataDir` undefined → in memory (tests). */
export async function openPglite(dataDir?: string): Promise<DbHandle> {
  if (dataDir) mkdirSync(path.dirname(dataDir), { recursive: true });
  const client = new PGlite({ dataDir, extensions: { pg_trgm } });
  await client.waitReady;
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    close: () => client.close(),
    exec: async (sql) => {
      await client.exec(sql);
    },
  };
}

export function openPostgres(url: string, max = Number(process.env.DB_POOL_MAX ?? 10)): DbHandle {
  const pool = keepConnectionsOnRefusals(new pg.Pool({ connectionString: url, max }));
  // An idle connection dropped by the server (restart, admin command) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on('error', (err: Error & { code?: string }) => {
    if (err.code !== '57P01') console.error('PostgreSQL pool error:', err.message);
  });
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' });
  return {
    db,
    engine: 'postgresql',
    close: () => pool.end(),
    exec: async (sql) => {
      await pool.query(sql);
    },
  };
}

/**
 * pg's Pool closes the connection of any query that fails, even when the server merely refused
 * the statement (a constraint, an order refused by comptoir_refuse) and the connection is ready
 * for the next one. A new connection, with cold caches and statements to prepare again, costs far
 * more than the refusal: under a flash sale every out-of-stock answer would pay it. Connections
 * the server answered with an error are kept; broken ones (no SQLSTATE, or no longer queryable)
 * are still dropped by the pool.
 */
function keepConnectionsOnRefusals(pool: pg.Pool): pg.Pool {
  const query = async (config: string | pg.QueryConfig, values?: unknown[]) => {
    const client = await pool.connect();
    try {
      const result = await client.query(config, values);
      client.release();
      return result;
    } catch (error) {
      client.release(refusedByServer(error) ? undefined : (error as Error));
      throw error;
    }
  };
  pool.query = query as typeof pool.query;
  return pool;
}

/** An ErrorResponse from the server: it carries a SQLSTATE, and the connection stays in sync. */
function refusedByServer(error: unknown): boolean {
  return error instanceof pg.DatabaseError && typeof error.code === 'string' && !error.code.startsWith('08') && !error.code.startsWith('57P');
}

/** Opens the engine chosen by the environment: DATABASE_URL → PostgreSQL, else embedded PGlite. */
export async function openDatabase(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url) : openPglite(defaultDataDir());
}

export async function migrateDatabase(handle: DbHandle): Promise<void> {
  if (handle.engine === 'pglite') {
    await migratePglite(handle.db as unknown as Parameters<typeof migratePglite>[0], {
      migrationsFolder: MIGRATIONS_FOLDER,
    });
  } else {
    await migratePg(handle.db, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

// One engine per process. PGlite does not lock its folder, and `next dev` re-evaluates modules
// on reload, so the instance lives on globalThis.
const globalForDb = globalThis as unknown as { comptoirDb?: Promise<DbHandle> };

export function getDatabase(): Promise<DbHandle> {
  globalForDb.comptoirDb ??= openDatabase();
  return globalForDb.comptoirDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Tests that call route handlers or actions point the process's engine at their own database. */
export function useDatabaseInThisProcess(handle: DbHandle): void {
  globalForDb.comptoirDb = Promise.resolve(handle);
}

/**
 * Runs a statement as a named prepared statement (named after its text): PostgreSQL parses and
 * plans it once per connection instead of on every call. For hot paths with large statements
 * (order ingestion), where planning costs as much as running. Same result as `db.execute`.
 */
export async function executePrepared<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<{ rows: T[] }> {
  // Drizzle's own execute(), with the statement name it leaves unset.
  const internals = db as unknown as { dialect: PgDialect; _: { session: PgSession } };
  const built = internals.dialect.sqlToQuery(query);
  const name = `c_${createHash('sha1').update(built.sql).digest('base64url').slice(0, 24)}`;
  return internals._.session.prepareQuery(built, undefined, name, false).execute() as Promise<{ rows: T[] }>;
}
