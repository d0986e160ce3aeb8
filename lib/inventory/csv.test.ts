import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '@/db/client';
import { inventoryCountLines, inventoryCounts, inventoryLevels, products, variants } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { discardCount, startCount } from './counts';
import { importStockCsv, inventoryToCsv } from './csv';
import { findDrift } from './invariants';
import { changeStock } from './ledger';
import { listInventory, type InventoryRow } from './queries/list';
import { listLocations } from './queries/locations';
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
    const err = await importStockCsv(handle.db, w.manager, { locationId: w.paris, kind: 'receipt', text: csv }).catch(
      (e) => e,
    );
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
    // The count keeps its record like an applied count: expected, counted, what was booked, at what cost.
    const [count] = await handle.db
      .select({ id: inventoryCounts.id, status: inventoryCounts.status })
      .from(inventoryCounts)
      .where(eq(inventoryCounts.scope, 'csv'));
    expect(count.status).toBe('applied');
    const lines = await handle.db
      .select({
        sku: variants.sku,
        expected: inventoryCountLines.expected,
        counted: inventoryCountLines.counted,
        appliedDifference: inventoryCountLines.appliedDifference,
        unitCostCents: inventoryCountLines.unitCostCents,
        countedAt: inventoryCountLines.countedAt,
      })
      .from(inventoryCountLines)
      .innerJoin(variants, eq(variants.id, inventoryCountLines.variantId))
      .where(eq(inventoryCountLines.countId, count.id))
      .orderBy(variants.sku);
    expect(lines).toEqual([
      {
        sku: 'PULL-M',
        expected: 10,
        counted: 7,
        appliedDifference: -3,
        unitCostCents: 2100,
        countedAt: expect.any(Date),
      },
      {
        sku: 'PULL-S',
        expected: 14,
        counted: 14,
        appliedDifference: 0,
        unitCostCents: 2100,
        countedAt: expect.any(Date),
      },
    ]);
  });

  it('refuses a count below what is reserved, writing nothing', async () => {
    const pullL = (await handle.db.select({ id: variants.id }).from(variants).where(eq(variants.sku, 'PULL-L')))[0].id;
    await changeStock(handle.db, { variantId: pullL, locationId: w.paris, deltaReserved: 5, reason: 'reservation' });
    const before = await parisTotals();
    const counts = (await handle.db.select({ id: inventoryCounts.id }).from(inventoryCounts)).length;
    await expect(
      importStockCsv(handle.db, w.manager, {
        locationId: w.paris,
        kind: 'count',
        text: 'sku,qty\nPULL-M,8\nPULL-L,4\n',
      }),
    ).rejects.toMatchObject({ code: 'stock_conflict', message: expect.stringContaining('row 3 (PULL-L)') });
    expect(await parisTotals()).toEqual(before);
    expect(await handle.db.select({ id: inventoryCounts.id }).from(inventoryCounts)).toHaveLength(counts);
    await changeStock(handle.db, { variantId: pullL, locationId: w.paris, deltaReserved: -5, reason: 'release' });
  });

  it('refuses a count of SKUs that an open cycle count at the location holds, writing nothing', async () => {
    const open = await startCount(handle.db, w.manager, {
      locationId: w.paris,
      scope: { kind: 'list', skus: ['PULL-S'] },
    });
    const before = await parisTotals();
    const counts = (await handle.db.select({ id: inventoryCounts.id }).from(inventoryCounts)).length;
    const err = await importStockCsv(handle.db, w.manager, {
      locationId: w.paris,
      kind: 'count',
      text: 'sku,qty\nPULL-S,1\n',
    }).catch((e) => e);
    expect(err).toMatchObject({ code: 'conflict', details: { number: open.number } });
    expect(await parisTotals()).toEqual(before);
    expect((await handle.db.select({ id: inventoryCounts.id }).from(inventoryCounts)).length).toBe(counts);
    await discardCount(handle.db, w.manager, open.id);
  });

  it('refuses duplicate SKUs, a missing header and a manager elsewhere', async () => {
    await expect(
      importStockCsv(handle.db, w.manager, {
        locationId: w.paris,
        kind: 'count',
        text: 'sku,qty\nPULL-S,1\npull-s,2\n',
      }),
    ).rejects.toMatchObject({
      details: {
        rows: [
          {
            row: 3,
            code: 'duplicate',
            message: 'PULL-S already appears on row 2.',
            params: { sku: 'PULL-S', first: 2 },
          },
        ],
      },
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
    expect(header).toBe(
      'sku,barcode,product,variant,brand,category,on_hand,reserved,available,PAR_on_hand,PAR_available,LYS_on_hand,LYS_available',
    );
    expect(first).toBe('PULL-L,3560070048045,Pull marin,L,Armor,Knitwear,21,0,21,11,11,10,10');
  });
});

describe('CSV export against formula injection (OWASP)', () => {
  const row = (over: Partial<InventoryRow>): InventoryRow => ({
    variantId: '00000000-0000-4000-8000-000000000001',
    sku: 'TEE-S',
    barcode: null,
    productName: 'Tee',
    variantTitle: 'S',
    brand: 'Armor',
    category: 'Tops',
    onHand: 3,
    reserved: 0,
    available: 3,
    safetyStock: 0,
    reorderPoint: 0,
    perLocation: [],
    ...over,
  });

  it('prefixes a quote to every text cell a spreadsheet would run, and leaves numbers alone', () => {
    const csv = inventoryToCsv(
      [
        row({
          sku: '-TEE',
          productName: '=HYPERLINK("http://evil.test","Tee")',
          variantTitle: '+1+2',
          brand: '@SUM(A1)',
          category: '\tTops',
          onHand: -2,
          reserved: 0,
          available: -2,
        }),
        row({ productName: '\r=1', brand: '=1\n2', category: 'Pull = tricot' }),
      ],
      new Map(),
    );
    const [, first, second] = Papa.parse<string[]>(csv.trim(), { newline: '\r\n' }).data;
    expect(first).toEqual([
      "'-TEE",
      '',
      `'=HYPERLINK("http://evil.test","Tee")`,
      "'+1+2",
      "'@SUM(A1)",
      "'\tTops",
      '-2',
      '0',
      '-2',
    ]);
    expect(second.slice(2, 6)).toEqual(["'\r=1", 'S', "'=1\n2", 'Pull = tricot']);
    // Numbers are written bare: a spreadsheet still reads -2 as a number.
    expect(csv).toContain(',-2,0,-2\r\n');
  });

  it('reads back as the same SKUs when imported', async () => {
    const [product] = await handle.db
      .insert(products)
      .values({ name: '=cmd|calc', brand: '+Brand', category: '@Cat' })
      .returning({ id: products.id });
    const [variant] = await handle.db
      .insert(variants)
      .values({ productId: product.id, sku: '=TEE-1', title: '-S', priceCents: 100, costCents: 50 })
      .returning({ id: variants.id });
    await handle.db.insert(inventoryLevels).values({ variantId: variant.id, locationId: w.paris });
    const page = await listInventory(handle.db, ZInventoryListQuery.parse({ sort: 'sku' }), [w.paris]);
    const exported = inventoryToCsv(
      page.rows.filter((r) => r.variantId === variant.id),
      new Map(),
    );
    expect(Papa.parse<string[]>(exported).data[1]).toEqual([
      "'=TEE-1",
      '',
      "'=cmd|calc",
      "'-S",
      "'+Brand",
      "'@Cat",
      '0',
      '0',
      '0',
      '0',
      '0',
    ]);
    // The export as it is, with a quantity column added, imported as a receipt.
    const edited = exported
      .split('\r\n')
      .map((line, i) => `${line},${i === 0 ? 'quantity' : 5}`)
      .join('\r\n');
    const result = await importStockCsv(handle.db, w.owner, { locationId: w.paris, kind: 'receipt', text: edited });
    expect(result).toEqual({ applied: 1, changed: 1 });
    const after = await listInventory(handle.db, ZInventoryListQuery.parse({ sort: 'sku' }), [w.paris]);
    expect(after.rows.filter((r) => r.variantId === variant.id).map((r) => [r.sku, r.onHand])).toEqual([['=TEE-1', 5]]);
  });
});
