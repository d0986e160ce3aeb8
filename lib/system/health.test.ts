import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { expectedMigrations, getHealth } from './health';

describe('getHealth', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  it('reports the engine, an up-to-date migration state and the version', async () => {
    const health = await getHealth(handle);
    expect(health.engine).toBe(process.env.DATABASE_URL ? 'postgresql' : 'pglite');
    expect(health.migrations).toEqual({
      applied: expectedMigrations(),
      expected: expectedMigrations(),
      upToDate: true,
    });
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(health.status).toBe('ok');
  });

  it('loads pg_trgm so trigram search works on this engine', async () => {
    const { rows } = await handle.db.execute<{ s: number }>(
      (await import('drizzle-orm')).sql`select similarity('Lyon', 'Lion') as s`,
    );
    expect(Number(rows[0]?.s)).toBeGreaterThan(0.2);
  });

  it('loads unaccent so customer search folds accents on this engine', async () => {
    const { rows } = await handle.db.execute<{ f: string }>(
      (await import('drizzle-orm')).sql`select search_fold('Lefèvre Élodie') as f`,
    );
    expect(rows[0]?.f).toBe('lefevre elodie');
  });
});
