import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { inventoryMovements } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { applyCount, discardCount, recordCount, reviewCount, startCount } from './counts';
import { findDrift } from './invariants';
import { changeStock } from './ledger';

let handle: DbHandle;
let w: InventoryWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db);
});
afterAll(() => handle.close());

describe('cycle counts', () => {
  it('counts a location by scan and typing, reviews the value and applies in one go', async () => {
    const count = await startCount(handle.db, w.manager, { locationId: w.paris, scope: { kind: 'all' } });
    expect(count).toMatchObject({ lines: 3 });
    expect(count.number).toMatch(/^CC-\d+$/);
    // Two scans of S's barcode, a typed quantity for M, L left uncounted.
    const recorded = await recordCount(handle.db, w.manager, {
      countId: count.id,
      lines: [
        { code: '3560070048021', counted: 1, mode: 'add' },
        { code: '3560070048021', counted: 1, mode: 'add' },
        { code: 'pull-m', counted: 12, mode: 'set' },
        { code: 'NOPE-1', counted: 3, mode: 'set' },
      ],
    });
    expect(recorded).toEqual({ recorded: 3, unknown: ['NOPE-1'] });
    const review = await reviewCount(handle.db, count.id);
    expect(review?.lines.map((l) => [l.sku, l.counted, l.difference])).toEqual([
      ['PULL-L', null, 0],
      ['PULL-M', 12, 2],
      ['PULL-S', 2, -8],
    ]);
    expect(review?.netValueCents).toBe((2 - 8) * 2100);

    expect(await applyCount(handle.db, w.manager, count.id)).toEqual({ changed: 2 });
    expect((await level(handle.db, w.skus[0].id, w.paris)).onHand).toBe(2);
    expect((await level(handle.db, w.skus[1].id, w.paris)).onHand).toBe(12);
    const entries = await handle.db.select().from(inventoryMovements).where(eq(inventoryMovements.referenceId, count.id));
    expect(entries.map((e) => e.reason)).toEqual(['count', 'count']);
    expect(await applyCount(handle.db, w.manager, count.id)).toEqual({ changed: 0 }); // retry is harmless
    await expect(discardCount(handle.db, w.manager, count.id)).rejects.toMatchObject({ code: 'illegal_transition' });
    expect(await findDrift(handle.db)).toEqual([]);
  });

  it('refuses to count below what is reserved and applies nothing', async () => {
    await handle.db.transaction((tx) => changeStock(tx, { variantId: w.skus[2].id, locationId: w.lyon, deltaReserved: 4, reason: 'reservation' }));
    const count = await startCount(handle.db, w.owner, { locationId: w.lyon, scope: { kind: 'list', skus: ['pull-l', 'PULL-S'] } });
    await recordCount(handle.db, w.owner, {
      countId: count.id,
      lines: [
        { code: 'PULL-L', counted: 1, mode: 'set' },
        { code: 'PULL-S', counted: 9, mode: 'set' },
      ],
    });
    await expect(applyCount(handle.db, w.owner, count.id)).rejects.toThrow(/PULL-L/);
    expect((await level(handle.db, w.skus[0].id, w.lyon)).onHand).toBe(10);
    await discardCount(handle.db, w.owner, count.id);
    expect((await reviewCount(handle.db, count.id))?.status).toBe('discarded');
  });

  it('refuses a manager at another location and an agent', async () => {
    await expect(startCount(handle.db, w.manager, { locationId: w.lyon, scope: { kind: 'all' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(startCount(handle.db, w.agent, { locationId: w.paris, scope: { kind: 'all' } })).rejects.toMatchObject({ code: 'forbidden' });
    const count = await startCount(handle.db, w.owner, { locationId: w.warehouse, scope: { kind: 'category', category: 'Knitwear' } });
    await expect(recordCount(handle.db, w.manager, { countId: count.id, lines: [{ code: 'PULL-S', counted: 1, mode: 'set' }] })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
