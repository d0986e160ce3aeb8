import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { importStockCsv, inventoryToCsv } from './csv';
import { findDrift } from './invariants';
import { listInventory, listLocations } from './queries';
import { ZInventoryListQuery } from './schemas';

let handle: DbHandle;
let w: InventoryWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db);
});
afterAll(() => handle.close());

async function parisTotals() {
  const page = await listInventory(handle.db, ZInventoryListQuery.parse({ sort: 'sku' }), [w.paris]);
  return page.rows.map((r) => [r.sku, r.onHand]);
}

describe('CSV import', () => {
  it('applies nothing when one row is bad, and says which row and why', async () => {
    const before = await parisTotals();
    const csv = 'sku,quantity\nPULL-S,4\nPULL-XXL,2\nPULL-M,-1\n3560070048045,abc\n';
    const err = await importStockCsv(handle.db, w.manager, { locationId: w.paris, kind: 'receipt', text: csv }).catch((e) => e);
    expect(err.code).toBe('validation_failed');
    expect(err.details.rows).toEqual([
      { row: 3, code: 'unknown_code', message: 'Unknown SKU or barcode "PULL-XXL".', params: { code: 'PULL-XXL' } },
      { row: 4, code: 'receipt_below_one', message: 'A received quantity must be at least 1.' },
      { row: 5, code: 'not_whole_number', message: 'Quantity "abc" is not a whole number.', params: { value: 'abc' } },
    ]);
    expect(await parisTotals()).toEqual(before);
  });

  it('receives a valid file, by SKU or barcode', async () => {
    const result = await importStockCsv(handle.db, w.manager, {
      locationId: w.paris,
      kind: 'receipt',
      text: '\uFEFFSKU;Quantity\r\npull-s;4\r\n3560070048045;1\r\n',
    });
    expect(result).toEqual({ applied: 2, changed: 2 });
    expect(await parisTotals()).toEqual([
      ['PULL-L', 11],
      ['PULL-M', 10],
      ['PULL-S', 14],
    ]);
  });

  it('imports counts as an applied cycle count, one ledger entry per changed SKU', async () => {
    const result = await importStockCsv(handle.db, w.manager, {
      locationId: w.paris,
      kind: 'count',
      text: 'barcode,counted\n3560070048021,14\n3560070048038,7\n',
    });
    expect(result).toEqual({ applied: 2, changed: 1 });
    expect((await parisTotals())[1]).toEqual(['PULL-M', 7]);
    expect(await findDrift(handle.db)).toEqual([]);
  });

  it('refuses duplicate SKUs, a missing header and a manager elsewhere', async () => {
    await expect(
      importStockCsv(handle.db, w.manager, { locationId: w.paris, kind: 'count', text: 'sku,qty\nPULL-S,1\npull-s,2\n' }),
    ).rejects.toMatchObject({
      details: { rows: [{ row: 3, code: 'duplicate', message: 'PULL-S already appears on row 2.', params: { sku: 'PULL-S', first: 2 } }] },
    });
    await expect(
      importStockCsv(handle.db, w.manager, { locationId: w.paris, kind: 'count', text: 'code,amount\nPULL-S,1\n' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      importStockCsv(handle.db, w.manager, { locationId: w.lyon, kind: 'count', text: 'sku,qty\nPULL-S,1\n' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('CSV export', () => {
  it('writes the view with per-location columns and quotes what needs quoting', async () => {
    const locs = await listLocations(handle.db);
    const page = await listInventory(handle.db, ZInventoryListQuery.parse({ sort: 'sku' }), [w.paris, w.lyon]);
    const csv = inventoryToCsv(page.rows, new Map(locs.map((l) => [l.id, l.code])));
    const [header, first] = csv.split('\r\n');
    expect(header).toBe('sku,barcode,product,variant,brand,category,on_hand,reserved,available,PAR_on_hand,PAR_available,LYS_on_hand,LYS_available');
    expect(first).toBe('PULL-L,3560070048045,Pull marin,L,Armor,Knitwear,21,0,21,11,11,10,10');
  });
});
