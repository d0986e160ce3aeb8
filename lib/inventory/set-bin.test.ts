import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, inventoryLevels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { Forbidden, NotFound } from '@/lib/errors';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { BIN_MAX } from './constants';
import { ZSetBinInput } from './schemas';
import { setBin } from './set-bin';

let handle: DbHandle;
let w: InventoryWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db);
});
afterAll(() => handle.close());

async function binAt(variantId: string, locationId: string) {
  const [row] = await handle.db
    .select({ bin: inventoryLevels.bin })
    .from(inventoryLevels)
    .where(and(eq(inventoryLevels.variantId, variantId), eq(inventoryLevels.locationId, locationId)));
  return row?.bin;
}

describe('setBin', () => {
  it('says where a SKU sits, audited with before and after, and a blank clears it', async () => {
    const sku = w.skus[0].id;
    const input = ZSetBinInput.parse({ variantId: sku, locationId: w.paris, bin: '  A-12   haut ' });
    expect(await setBin(handle.db, w.manager, input)).toEqual({ bin: 'A-12 haut', changed: true });
    expect(await binAt(sku, w.paris)).toBe('A-12 haut');
    // The same again changes nothing and writes no audit row.
    expect(await setBin(handle.db, w.manager, input)).toEqual({ bin: 'A-12 haut', changed: false });

    const cleared = ZSetBinInput.parse({ variantId: sku, locationId: w.paris, bin: '   ' });
    expect(await setBin(handle.db, w.owner, cleared)).toEqual({ bin: null, changed: true });
    expect(await binAt(sku, w.paris)).toBeNull();

    const audits = await handle.db
      .select({ data: auditLog.data, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'inventory.bin'), eq(auditLog.entityId, `${sku}:${w.paris}`)))
      .orderBy(auditLog.createdAt);
    expect(audits).toEqual([
      { data: { before: null, after: 'A-12 haut' }, actorId: w.manager.userId },
      { data: { before: 'A-12 haut', after: null }, actorId: w.owner.userId },
    ]);
  });

  it('refuses a manager at another store and a location without the SKU, writing nothing', async () => {
    const sku = w.skus[1].id;
    const lyon = ZSetBinInput.parse({ variantId: sku, locationId: w.lyon, bin: 'B-3' });
    await expect(setBin(handle.db, w.manager, lyon)).rejects.toBeInstanceOf(Forbidden);
    expect(await binAt(sku, w.lyon)).toBeNull();
    const unknown = ZSetBinInput.parse({
      variantId: '00000000-0000-4000-8000-000000000000',
      locationId: w.paris,
      bin: 'B-3',
    });
    await expect(setBin(handle.db, w.owner, unknown)).rejects.toBeInstanceOf(NotFound);
  });

  it('refuses a bin longer than the database holds, in the schema and in the table alike', async () => {
    const long = 'x'.repeat(BIN_MAX + 1);
    const parsed = ZSetBinInput.safeParse({ variantId: w.skus[0].id, locationId: w.paris, bin: long });
    expect(parsed.success).toBe(false);
    await expect(
      handle.db.execute(sql`update inventory_levels set bin = ${long} where variant_id = ${w.skus[0].id}::uuid`),
    ).rejects.toMatchObject({ cause: { constraint: 'inventory_bin_length' } });
    await handle.db.execute(
      sql`update inventory_levels set bin = ${'x'.repeat(BIN_MAX)} where variant_id = ${w.skus[0].id}::uuid and location_id = ${w.paris}::uuid`,
    );
    expect(await binAt(w.skus[0].id, w.paris)).toBe('x'.repeat(BIN_MAX));
  });
});
