import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { inventoryCounts } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { discardCount, recordCount, startCount } from './counts';

// Runs only against PostgreSQL (*.pg.test.ts, see vitest.config.ts): PGlite serialises every statement.
describe('concurrent count starts on PostgreSQL', () => {
  let handle: DbHandle;
  let w: InventoryWorld;
  beforeAll(async () => {
    handle = await createTestDatabase();
    w = await makeInventoryWorld(handle.db);
  });
  afterAll(() => handle.close());

  const settle = <T>(p: Promise<T>) =>
    p.then(
      () => 'started',
      (e: { code?: string }) => {
        if (e.code !== 'conflict') throw e;
        return 'refused';
      },
    );

  it('lets exactly one of many simultaneous counts of the same SKUs at one location open', async () => {
    // Several rounds: a race that a lucky schedule hides once does not hide five times.
    for (let round = 0; round < 5; round += 1) {
      const outcomes = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          settle(
            startCount(handle.db, w.owner, {
              locationId: w.paris,
              scope: { kind: 'list', skus: i % 2 ? ['PULL-S', 'PULL-M'] : ['PULL-M', 'PULL-L'] },
            }),
          ),
        ),
      );
      expect(outcomes.filter((o) => o === 'started')).toHaveLength(1);
      const open = await handle.db
        .select()
        .from(inventoryCounts)
        .where(and(eq(inventoryCounts.locationId, w.paris), eq(inventoryCounts.status, 'open')));
      expect(open).toHaveLength(1);
      await discardCount(handle.db, w.owner, open[0].id);
    }
  });

  it('a SKU joins only one of two open counts scanned at the same time', async () => {
    for (let round = 0; round < 5; round += 1) {
      const a = await startCount(handle.db, w.owner, { locationId: w.lyon, scope: { kind: 'list', skus: ['PULL-S'] } });
      const b = await startCount(handle.db, w.owner, { locationId: w.lyon, scope: { kind: 'list', skus: ['PULL-M'] } });
      const targets = [a, b, a, b, a, b];
      const results = await Promise.all(
        targets.map((c) =>
          recordCount(handle.db, w.owner, { countId: c.id, lines: [{ code: 'PULL-L', counted: 1, mode: 'add' }] }),
        ),
      );
      expect(new Set(targets.filter((_, i) => results[i].recorded > 0).map((c) => c.id)).size).toBe(1);
      await discardCount(handle.db, w.owner, a.id);
      await discardCount(handle.db, w.owner, b.id);
    }
  });
});
