import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { DbHandle } from '../db/client';

/**
 * The large seed runs once per bench database and takes minutes, so its duration is recorded
 * when it happens (bench/results/seed-timing.json, keyed by host:port/database) and reported by
 * the seed.large scenario on later runs; `--reseed` measures it again.
 */
export type SeedRecord = {
  seeded_at: string;
  seed_ms: number;
  /** VACUUM ANALYZE after the seed, not counted in seed_ms. */
  analyze_ms: number;
  rows: Record<string, number>;
  total_rows: number;
  /** seedLarge's scale when the run was given --seed-scale (absent: the full data set). */
  scale?: number;
};

export const SEED_RECORD_FILE = 'seed-timing.json';

function file(resultsDir: string): string {
  return path.join(resultsDir, SEED_RECORD_FILE);
}

function readAll(resultsDir: string): Record<string, SeedRecord> {
  try {
    return JSON.parse(readFileSync(file(resultsDir), 'utf8')) as Record<string, SeedRecord>;
  } catch {
    return {};
  }
}

export function readSeedRecord(resultsDir: string, key: string): SeedRecord | null {
  return readAll(resultsDir)[key] ?? null;
}

export function writeSeedRecord(resultsDir: string, key: string, record: SeedRecord): void {
  const all = readAll(resultsDir);
  all[key] = record;
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(file(resultsDir), `${JSON.stringify(all, null, 2)}\n`);
}

/** Exact row counts of every table of the public schema (once, after a seed). */
export async function countRows(handle: DbHandle): Promise<Record<string, number>> {
  const tables = await handle.db.execute<{ name: string }>(
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const rows: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const result = await handle.db.execute<{ n: string }>(sql.raw(`select count(*) as n from "${name}"`));
    rows[name] = Number(result.rows[0].n);
  }
  return rows;
}
