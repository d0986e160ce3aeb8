import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { adjustStock } from './adjust-stock';
import { changeStock } from './ledger';
import { effectiveLocations, findSkuDetail, findVariantByCode, listInventory, listLedger, listLocations, onHandHistory } from './queries';
import { ZInventoryListQuery } from './schemas';

let handle: DbHandle;
let w: InventoryWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db);
  await adjustStock(handle.db, w.owner, { variantId: w.skus[0].id, locationId: w.paris, mode: 'set', quantity: 0, reason: 'lost' });
  await handle.db.transaction((tx) =>
    changeStock(tx, { variantId: w.skus[1].id, locationId: w.paris, deltaReserved: 3, reason: 'reservation' }),
  );
});
afterAll(() => handle.close());

const q = (params: Record<string, string>) => ZInventoryListQuery.parse(params);

describe('listInventory', () => {
  it('sums the chosen locations and computes available to promise', async () => {
    const page = await listInventory(handle.db, q({ sort: 'sku' }), [w.paris]);
    expect(page.rows.map((r) => [r.sku, r.onHand, r.reserved, r.available])).toEqual([
      ['PULL-L', 10, 0, 10],
      ['PULL-M', 10, 3, 7],
      ['PULL-S', 0, 0, 0],
    ]);
    const all = await listInventory(handle.db, q({}), [w.paris, w.lyon, w.warehouse]);
    expect(all.rows.find((r) => r.sku === 'PULL-S')).toMatchObject({ onHand: 20, available: 20 });
    expect(all.rows[0].perLocation.map((l) => l.locationId)).toEqual([w.paris, w.lyon, w.warehouse]);
  });

  it('finds by SKU prefix, barcode prefix and a misspelt product name', async () => {
    expect((await listInventory(handle.db, q({ q: 'pull-m' }), [w.paris])).rows.map((r) => r.sku)).toEqual(['PULL-M']);
    expect((await listInventory(handle.db, q({ q: '356007004803' }), [w.paris])).rows.map((r) => r.sku)).toEqual(['PULL-M']);
    expect((await listInventory(handle.db, q({ q: 'pul marn' }), [w.paris])).rows).toHaveLength(3);
    expect((await listInventory(handle.db, q({ q: 'chaussette' }), [w.paris])).rows).toHaveLength(0);
  });

  it('filters out of stock, sorts by a numeric column and pages without counting', async () => {
    expect((await listInventory(handle.db, q({ status: 'out' }), [w.paris])).rows.map((r) => r.sku)).toEqual(['PULL-S']);
    const sorted = await listInventory(handle.db, q({ sort: 'available', dir: 'desc' }), [w.paris]);
    expect(sorted.rows.map((r) => r.available)).toEqual([10, 7, 0]);
    expect(sorted.hasNext).toBe(false);
  });

  it('starts a manager on their own store and ignores unknown location ids', async () => {
    const all = await listLocations(handle.db);
    expect(effectiveLocations(w.manager, [], all)).toEqual([w.paris]);
    expect(effectiveLocations(w.owner, [], all)).toHaveLength(3);
    expect(effectiveLocations(w.agent, [w.lyon, '00000000-0000-4000-8000-000000000000'], all)).toEqual([w.lyon]);
  });

  it('turns bad URL values into defaults instead of failing', () => {
    expect(ZInventoryListQuery.parse({ sort: 'drop table', page: '-3', status: 'x' })).toMatchObject({ sort: 'name', page: 1 });
  });
});

describe('SKU detail', () => {
  it('opens a SKU from its barcode, with levels, ledger and history', async () => {
    const found = await findVariantByCode(handle.db, '3560070048021');
    expect(found?.sku).toBe('PULL-S');
    expect((await findVariantByCode(handle.db, 'pull-s'))?.id).toBe(found?.id);
    const detail = await findSkuDetail(handle.db, found!.id);
    expect(detail?.levels).toHaveLength(3);
    const ledger = await listLedger(handle.db, found!.id, { limit: 2 });
    expect(ledger.entries[0]).toMatchObject({ deltaOnHand: -10, reason: 'adjustment', detail: 'lost', actorName: 'Owner' });
    expect(ledger.nextBefore).not.toBeNull();
    const next = await listLedger(handle.db, found!.id, { before: ledger.nextBefore!, limit: 10 });
    expect(next.entries).toHaveLength(2);
    const history = await onHandHistory(handle.db, found!.id);
    expect(history.find((h) => h.locationCode === 'PAR')?.onHand).toBe(0);
  });
});
