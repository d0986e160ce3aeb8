import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openPglite, type DbHandle } from '@/db/client';
import { seedDemo } from '@/lib/seed';
import { createTestDatabase } from '@/db/testing';
import { findDemoSeed, hasActiveStaff } from './install';
import { seedOnFirstStart } from './prepare-database';

let embedded: DbHandle;
let server: DbHandle;

beforeAll(async () => {
  // The embedded engine is always an in-memory PGlite, also when the suite runs on PostgreSQL.
  [embedded, server] = await Promise.all([openPglite(), createTestDatabase()]);
  await migrateDatabase(embedded);
});

afterAll(async () => {
  await Promise.all([embedded?.close(), server?.close()]);
});

describe('the demo seed at start', () => {
  it('a fresh database has no demo marker and nobody who can sign in', async () => {
    expect(await findDemoSeed(server.db)).toBeNull();
    expect(await hasActiveStaff(server.db)).toBe(false);
  });

  it('never seeds an empty PostgreSQL server (a real install): it stays empty, without demo accounts', async () => {
    // The same engine underneath; what the start decides on is the engine it was given.
    const postgres: DbHandle = { ...server, engine: 'postgresql' };
    expect(await seedOnFirstStart(postgres)).toBe(false);
    expect(await findDemoSeed(server.db)).toBeNull();
    expect(await hasActiveStaff(server.db)).toBe(false);
  });

  it("seeds the embedded engine's first start and marks it; the next start seeds nothing", async () => {
    expect(await seedOnFirstStart(embedded, { scale: 0.02 })).toBe(true);
    expect(await findDemoSeed(embedded.db)).toMatchObject({ scale: 'demo', seededAt: expect.any(String) });
    expect(await hasActiveStaff(embedded.db)).toBe(true);
    expect(await seedOnFirstStart(embedded, { scale: 0.02 })).toBe(false);
  });

  it('db:seed on PostgreSQL (seedDemo) marks the database too, in the same transaction', async () => {
    await seedDemo(server, { scale: 0.02 });
    expect(await findDemoSeed(server.db)).toMatchObject({ scale: 'demo' });
  });
});
