import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { logger } from '../lib/log';
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
  /**
   * LISTENs on `channel` in a session of its own: on PostgreSQL a dedicated connection outside the
   * pool (a pooled one would hand its notifications to whoever borrows it next), on PGlite the
   * embedded engine's listen(). `onLost` says the session broke (the server restarted, the network
   * dropped): notifications sent meanwhile are lost, and the caller listens again. Never called
   * after `close()`.
   */
  listen: (channel: string, onNotify: (payload: string) => void, onLost: (error: Error) => void) => Promise<Listening>;
};

/** A LISTEN session opened by DbHandle.listen. */
export type Listening = { close: () => Promise<void> };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

export function defaultDataDir(): string {
  return process.env.PGLITE_DIR ?? path.join(process.cwd(), '.data', 'pglite');
}

/**
 * Embedded engine. `dataDir` undefined → in memory (tests). A folder is taken for this process
 * (a lock file in it, see lockDataDir): a second process is refused instead of corrupting it.
 */
export async function openPglite(dataDir?: string): Promise<DbHandle> {
  let unlock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  let client: PGlite;
  try {
    client = new PGlite({ dataDir, extensions: { pg_trgm, unaccent } });
    await client.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  return pgliteHandle(client, unlock);
}

/**
 * An in-memory copy of an embedded database, its data and schema as they are now (PGlite's
 * clone(), about 0.5 s): for tests that need many fresh databases from one migrated and seeded.
 */
export async function clonePglite(handle: DbHandle): Promise<DbHandle> {
  const client = driverOf(handle.db);
  if (!(client instanceof PGlite)) throw new Error('clonePglite: not an embedded database');
  const copy = await client.clone();
  // clone() is typed as the interface; it is a PGlite, with the same extensions (pg_trgm, unaccent).
  if (!(copy instanceof PGlite)) throw new Error('clonePglite: the copy is not a PGlite instance');
  return pgliteHandle(copy, () => {});
}

function pgliteHandle(client: PGlite, unlock: () => void): DbHandle {
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    close: async () => {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
    exec: async (sql) => {
      await client.exec(sql);
    },
    // One embedded session: it cannot be lost, and it hears the process's own NOTIFYs.
    listen: async (channel, onNotify) => {
      const unlisten = await client.listen(channel, onNotify);
      return { close: () => unlisten() };
    },
  };
}

export const DATA_DIR_LOCK_FILE = 'comptoir.lock';

/** A data folder that a live process (maybe this one) already holds. */
export class DataDirInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      pid === process.pid
        ? `The embedded database in ${dataDir} is already open in this process: open it once and share the handle (getDatabase).`
        : `The embedded database in ${dataDir} is in use by another process (pid ${pid}), and two processes on one folder corrupt it. ` +
            'Stop that process first (the app started by npm run dev or npm start, a seed, a reconcile), then run this again. ' +
            `If no such process runs, delete ${path.join(dataDir, DATA_DIR_LOCK_FILE)}.`,
    );
    this.name = 'DataDirInUse';
  }
}

// Folders this process holds, so a lock left by an earlier process that had our pid is seen as stale.
const globalForLocks = globalThis as unknown as { comptoirHeldDataDirs?: Set<string> };
const heldDataDirs = (globalForLocks.comptoirHeldDataDirs ??= new Set<string>());

/**
 * Takes `dataDir` for this process: creates its lock file (exclusively) with our pid, or, when the
 * file names a process that no longer runs (a crash, a kill -9), takes it over. Refused with
 * DataDirInUse while the holder is alive. Returns the release, also run at exit.
 */
export function lockDataDir(dataDir: string): () => void {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, DATA_DIR_LOCK_FILE);
  if (heldDataDirs.has(dir)) throw new DataDirInUse(dir, process.pid);
  const content = JSON.stringify({
    pid: process.pid,
    since: new Date().toISOString(),
    command: process.argv.slice(1, 3).join(' '),
  });
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, content, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
      const holder = lockHolder(file);
      if (holder !== null && holder !== process.pid && processIsAlive(holder)) throw new DataDirInUse(dir, holder);
      // Stale: its process is gone (or it was an earlier process with our pid). Take it over.
      try {
        unlinkSync(file);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
    }
  }
  heldDataDirs.add(dir);
  const release = () => {
    if (!heldDataDirs.delete(dir)) return;
    process.off('exit', release);
    try {
      if (lockHolder(file) === process.pid) unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.on('exit', release);
  return release;
}

function lockHolder(file: string): number | null {
  try {
    const pid = Number((JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown }).pid);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type PostgresOptions = {
  /** Connections in the pool (DB_POOL_MAX, default 10). */
  max?: number;
  /**
   * Longest a statement may run before the server cancels it (DB_STATEMENT_TIMEOUT_MS, default
   * 30 s): a runaway query cannot hold a connection and its locks for ever. 0 = no limit, for
   * migrations and bulk seeds.
   */
  statementTimeoutMs?: number;
};

export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

function statementTimeoutFromEnv(): number {
  const raw = process.env.DB_STATEMENT_TIMEOUT_MS;
  const value = raw === undefined || raw === '' ? DEFAULT_STATEMENT_TIMEOUT_MS : Number(raw);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`DB_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds (0 = no limit), not "${raw}".`);
  return value;
}

export function openPostgres(url: string, options: PostgresOptions | number = {}): DbHandle {
  const { max = Number(process.env.DB_POOL_MAX ?? 10), statementTimeoutMs = statementTimeoutFromEnv() } =
    typeof options === 'number' ? { max: options } : options;
  const pool = keepConnectionsOnRefusals(
    new pg.Pool({
      connectionString: url,
      max,
      ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
    }),
  );
  // An idle connection dropped by the server (restart, admin command) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on('error', (err: Error & { code?: string }) => {
    if (err.code !== '57P01') logger().error({ where: 'pg pool', err }, 'PostgreSQL pool error');
  });
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' });
  return {
    db,
    engine: 'postgresql',
    close: () => pool.end(),
    exec: async (sql) => {
      await pool.query(sql);
    },
    listen: (channel, onNotify, onLost) => listenPostgres(url, channel, onNotify, onLost),
  };
}

/** A dedicated connection that LISTENs on `channel` (see DbHandle.listen). */
async function listenPostgres(
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  onLost: (error: Error) => void,
): Promise<Listening> {
  // keepAlive: a connection silently cut (a NAT, a failover) is noticed instead of waiting for ever.
  const client = new pg.Client({ connectionString: url, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
  let listening = false;
  let closing = false;
  let lost = false;
  // Before LISTEN has answered, a failure is the caller's rejected promise, not onLost.
  const lose = (error: Error) => {
    if (!listening || closing || lost) return;
    lost = true;
    client.end().catch(() => undefined);
    onLost(error);
  };
  client.on('error', lose);
  client.on('end', () => lose(new Error('the LISTEN connection ended')));
  client.on('notification', (message) => {
    if (message.channel === channel && message.payload !== undefined) onNotify(message.payload);
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${pgIdentifier(channel)}`);
    listening = true;
  } catch (error) {
    closing = true;
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    close: async () => {
      closing = true;
      await client.end().catch(() => undefined);
    },
  };
}

function pgIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
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
  return (
    error instanceof pg.DatabaseError &&
    typeof error.code === 'string' &&
    !error.code.startsWith('08') &&
    !error.code.startsWith('57P')
  );
}

/**
 * Opens the engine chosen by the environment: DATABASE_URL → PostgreSQL, else embedded PGlite.
 * Migrations and seeds pass `{ statementTimeoutMs: 0 }`: an index built on a large table may
 * rightly take minutes.
 */
export async function openDatabase(options: Omit<PostgresOptions, 'max'> = {}): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url, options) : openPglite(defaultDataDir());
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
 * One transaction's connection, for `preparedQuery` (see `preparedTransaction`): the hot paths
 * that run only raw statements take their transactions here rather than from Drizzle, whose
 * transaction handle does not expose its connection.
 */
export type PreparedTx = { readonly run: <T>(name: string, text: string, values: unknown[]) => Promise<{ rows: T[] }> };

/**
 * Runs a parameterised statement under a name. On PostgreSQL it is a named prepared statement
 * (pg's `{ name, text, values }`): the server parses and plans it once per connection instead of
 * on every call — for hot paths with large statements (order ingestion), where planning costs as
 * much as running. PGlite, in process, runs the same text with the same parameters. A name is
 * bound to one text on a connection: use `nameOf(text)` unless the text never changes.
 */
export async function preparedQuery<T>(
  on: Db | PreparedTx,
  name: string,
  text: string,
  values: unknown[],
): Promise<{ rows: T[] }> {
  if ('run' in on) return on.run<T>(name, text, values);
  const client = driverOf(on);
  if (client instanceof PGlite) return client.query<T>(text, values);
  return client.query<T & pg.QueryResultRow>({ name, text, values });
}

/**
 * `fn` in one transaction (READ COMMITTED, as Drizzle's), its statements run by preparedQuery on
 * the transaction's connection: committed when `fn` returns, rolled back when it throws. On
 * PostgreSQL the connection goes back to the pool after a refusal, like any other (see
 * keepConnectionsOnRefusals), unless even the rollback failed.
 */
export async function preparedTransaction<T>(db: Db, fn: (tx: PreparedTx) => Promise<T>): Promise<T> {
  const client = driverOf(db);
  if (client instanceof PGlite) {
    return client.transaction((tx) =>
      fn({ run: <R>(_: string, text: string, values: unknown[]) => tx.query<R>(text, values) }),
    );
  }
  const conn = await client.connect();
  try {
    await conn.query('begin');
    const result = await fn({
      run: <R>(name: string, text: string, values: unknown[]) =>
        conn.query<R & pg.QueryResultRow>({ name, text, values }),
    });
    await conn.query('commit');
    conn.release();
    return result;
  } catch (error) {
    const rolledBack = await conn.query('rollback').then(
      () => true,
      () => false,
    );
    conn.release(rolledBack ? undefined : (error as Error));
    throw error;
  }
}

/** The handle's driver client (Drizzle's public `$client`): the pg pool or the PGlite instance, which Db's type does not tell apart. */
function driverOf(db: Db): pg.Pool | PGlite {
  return (db as unknown as { $client: pg.Pool | PGlite }).$client;
}

/** A statement's name made of its text: one text, one name, on every connection. */
export function nameOf(text: string): string {
  return `c_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
}

// Drizzle's public dialect, to turn an sql`…` template into text and parameters.
const dialect = new PgDialect({ casing: 'snake_case' });

/**
 * An sql`…` template run by preparedQuery, named after its text. Same rows as `db.execute`. Inside
 * a Drizzle transaction, whose connection Drizzle does not expose, it runs as `tx.execute` does.
 */
export async function executePrepared<T extends Record<string, unknown>>(
  on: DbOrTx | PreparedTx,
  query: SQL,
): Promise<{ rows: T[] }> {
  if (!('run' in on) && !(on as { $client?: unknown }).$client) return (await on.execute<T>(query)) as { rows: T[] };
  const built = dialect.sqlToQuery(query);
  return preparedQuery<T>(on, nameOf(built.sql), built.sql, built.params);
}

/**
 * A plain `executeSql(text, values)` on the handle's engine, for a library that brings its own
 * SQL (the job queue, pg-boss, through its `db` option). Without values a text may hold several
 * statements, as with pg's simple protocol. PostgreSQL: a pool connection per call, dropped after
 * any error (a failed `BEGIN; …; COMMIT` script must not go back to the pool inside a transaction,
 * which keepConnectionsOnRefusals would otherwise allow). PGlite: its one session, serialised with
 * the app's transactions; a failed script is rolled back.
 */
export function rawExecutor(db: Db): {
  executeSql: (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
} {
  const client = driverOf(db);
  if (client instanceof PGlite) {
    return {
      executeSql: async (text, values) => {
        try {
          if (values === undefined || values.length === 0) {
            const results = await client.exec(text);
            return results[results.length - 1] ?? { rows: [] };
          }
          return await client.query<Record<string, unknown>>(text, values);
        } catch (error) {
          if (client.isInTransaction()) await client.exec('ROLLBACK');
          throw error;
        }
      },
    };
  }
  return {
    executeSql: async (text, values) => {
      const conn = await client.connect();
      try {
        const result = await conn.query<Record<string, unknown>>(text, values);
        conn.release();
        return Array.isArray(result) ? (result as pg.QueryResult[]).at(-1)! : result;
      } catch (error) {
        conn.release(error as Error);
        throw error;
      }
    },
  };
}
