import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { clonePglite, migrateDatabase, openPglite, openPostgres, type Db, type DbHandle } from './client';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a throwaway
 * database on the PostgreSQL server named by DATABASE_URL (dropped on close).
 */
export async function createTestDatabase(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await openPglite();
    await migrateDatabase(handle);
    return handle;
  }
  assertLocal(url);
  const name = `comptoir_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = openPostgres(target.toString(), 20);
  await migrateDatabase(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * Another pool on the PostgreSQL database of `handle` (a test database): a second app instance on
 * the same server, for tests of what instances do at once. Closing it leaves the database alone.
 */
export function openAnotherInstance(handle: DbHandle, max = 10): DbHandle {
  if (handle.engine !== 'postgresql') throw new Error('openAnotherInstance: a second instance needs PostgreSQL');
  const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
  const url = pool.options.connectionString;
  if (!url) throw new Error('openAnotherInstance: the pool has no connection string');
  assertLocal(url);
  return openPostgres(url, max);
}

/** Tests create and drop databases: refuse anything but a server on this machine. */
export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', ''].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  }
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A migrated database prepared once, of which every test run takes a fresh copy. */
export type TemplateDatabase<T> = {
  /** What `prepare` returned (the ids of the rows it wrote hold in every copy). */
  value: T;
  /** A fresh copy, closed (and on PostgreSQL dropped) by its own close(). */
  copy: () => Promise<DbHandle>;
  close: () => Promise<void>;
};

/**
 * A database migrated and prepared once (`prepare` seeds it), copied for each run of a property
 * test: PGlite's clone() in memory, or CREATE DATABASE … TEMPLATE on the PostgreSQL server named
 * by DATABASE_URL (the template has no connection left open, as PostgreSQL requires).
 */
export async function createTemplateDatabase<T>(prepare: (db: Db) => Promise<T>): Promise<TemplateDatabase<T>> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const base = await openPglite();
    await migrateDatabase(base);
    const value = await prepare(base.db);
    return { value, copy: () => clonePglite(base), close: () => base.close() };
  }
  assertLocal(url);
  const name = `comptoir_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name}`);
  const at = (db: string) => {
    const target = new URL(url);
    target.pathname = `/${db}`;
    return target.toString();
  };
  const base = openPostgres(at(name), 2);
  let value: T;
  try {
    await migrateDatabase(base);
    value = await prepare(base.db);
  } finally {
    await base.close();
  }
  return {
    value,
    copy: async () => {
      const copy = `comptoir_test_${randomBytes(6).toString('hex')}`;
      await adminQuery(url, `CREATE DATABASE ${copy} TEMPLATE ${name}`);
      const handle = openPostgres(at(copy), 4);
      return {
        ...handle,
        close: async () => {
          await handle.close();
          await adminQuery(url, `DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`);
        },
      };
    },
    close: () => adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
