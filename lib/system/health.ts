import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_FOLDER, type DbHandle, type Engine } from '@/db/client';
import { jobsState, type JobsState } from '@/lib/jobs/status';

export type Health = {
  status: 'ok' | 'degraded';
  engine: Engine;
  migrations: { applied: number; expected: number; upToDate: boolean };
  version: string;
  /** This instance's background jobs: 'running', 'off' (JOBS=off), 'starting'… (lib/jobs/status.ts). */
  jobs: JobsState;
};

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export function expectedMigrations(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/** Engine, migration state, version and this instance's jobs; a database that cannot answer shows as degraded. */
export async function getHealth(handle: DbHandle): Promise<Health> {
  const expected = expectedMigrations();
  let applied = 0;
  try {
    const result = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    applied = Number(result.rows[0]?.n ?? 0);
  } catch {
    applied = 0;
  }
  const upToDate = applied === expected;
  return {
    status: upToDate ? 'ok' : 'degraded',
    engine: handle.engine,
    migrations: { applied, expected, upToDate },
    version: appVersion(),
    jobs: jobsState(),
  };
}
