import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type DbHandle } from './client';
import { createTestDatabase } from './testing';

// PostgreSQL only (*.pg.test.ts): the pool is node-postgres's.
describe('the PostgreSQL pool', () => {
  let handle: DbHandle;
  const backend = async () =>
    (await handle.db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`)).rows[0].pid;

  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  it('keeps a connection whose statement the server refused', async () => {
    const before = await backend();
    await expect(
      handle.db.execute(sql`select comptoir_refuse('out_of_stock', '["SKU-1"]'::jsonb)`),
    ).rejects.toMatchObject({
      cause: { code: 'CMP01', message: 'out_of_stock', detail: '["SKU-1"]' },
    });
    await expect(handle.db.execute(sql`select 1 / 0`)).rejects.toMatchObject({ cause: { code: '22012' } });
    // One idle connection in the pool: the same backend answers, no reconnection happened.
    expect(await backend()).toBe(before);
  });

  it('drops a connection the server closed', async () => {
    const before = await backend();
    await expect(handle.db.execute(sql`select pg_terminate_backend(pg_backend_pid())`)).rejects.toBeDefined();
    const after = await backend();
    expect(after).not.toBe(before);
  });
});

describe('statement timeout', () => {
  const timeoutOf = async (handle: DbHandle) =>
    (await handle.db.execute<{ statement_timeout: string }>(sql`show statement_timeout`)).rows[0].statement_timeout;

  it('every connection carries one: 30 s by default, 0 (none) when a migration or seed asks', async () => {
    const byDefault = openPostgres(process.env.DATABASE_URL!, { max: 1 });
    const unlimited = openPostgres(process.env.DATABASE_URL!, { max: 1, statementTimeoutMs: 0 });
    try {
      expect(await timeoutOf(byDefault)).toBe('30s');
      expect(await timeoutOf(unlimited)).toBe('0');
    } finally {
      await Promise.all([byDefault.close(), unlimited.close()]);
    }
  });

  it('the server cancels a statement that runs past it, and the pool goes on', async () => {
    const handle = openPostgres(process.env.DATABASE_URL!, { max: 1, statementTimeoutMs: 100 });
    try {
      await expect(handle.db.execute(sql`select pg_sleep(2)`)).rejects.toMatchObject({ cause: { code: '57014' } });
      expect(await timeoutOf(handle)).toBe('100ms');
    } finally {
      await handle.close();
    }
  });
});
