import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { inventoryLevels, transfers } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { adjustStock } from '../adjust-stock';
import { changeStock } from '../ledger';
import { isLowStock } from '../rules';
import { listInventory } from './list';
import { effectiveLocations, listLocations } from './locations';
import { listLedger, onHandHistory } from './sku-activity';
import { findVariantByCode, findVariantsByCodes } from './codes';
import { findSkuByCode, findSkuDetail } from './sku-detail';
import { findTransfer, listTransfers } from './transfers';
import { ZInventoryListQuery } from '../schemas';
import { createTransfer, receiveTransfer, shipTransfer } from '../transfers';

let handle: DbHandle;
let w: InventoryWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db);
  await adjustStock(handle.db, w.owner, {
    variantId: w.skus[0].id,
    locationId: w.paris,
    mode: 'set',
    quantity: 0,
    reason: 'lost',
  });
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

  it('says low stock comparing totals with totals, and gives the safety stock that explains available', async () => {
    // PULL-L: Paris at its reorder point, the other locations well above theirs.
    const pullL = w.skus.find((s) => s.sku === 'PULL-L')!.id;
    const setLevel = (locationId: string, figures: { reorderPoint: number; safetyStock: number }) =>
      handle.db
        .update(inventoryLevels)
        .set(figures)
        .where(and(eq(inventoryLevels.variantId, pullL), eq(inventoryLevels.locationId, locationId)));
    await setLevel(w.paris, { reorderPoint: 10, safetyStock: 2 });
    await setLevel(w.lyon, { reorderPoint: 2, safetyStock: 0 });
    try {
      const low = (locationIds: string[]) =>
        listInventory(handle.db, q({ status: 'low' }), locationIds).then((p) => p.rows.map((r) => r.sku));
      const [paris] = (await listInventory(handle.db, q({ q: 'PULL-L' }), [w.paris])).rows;
      expect(paris).toMatchObject({ onHand: 10, reserved: 0, available: 8, safetyStock: 2, reorderPoint: 10 });
      expect(isLowStock(paris)).toBe(true);
      expect(await low([w.paris])).toEqual(['PULL-L']);
      const everywhere = [w.paris, w.lyon, w.warehouse];
      const [all] = (await listInventory(handle.db, q({ q: 'PULL-L' }), everywhere)).rows;
      expect(all).toMatchObject({ safetyStock: 2, reorderPoint: 12 });
      expect(all.onHand).toBeGreaterThan(12);
      expect(isLowStock(all)).toBe(false);
      expect(await low(everywhere)).toEqual([]);
    } finally {
      await setLevel(w.paris, { reorderPoint: 0, safetyStock: 0 });
      await setLevel(w.lyon, { reorderPoint: 0, safetyStock: 0 });
    }
  });

  it('finds by SKU prefix, barcode prefix and a misspelt product name', async () => {
    expect((await listInventory(handle.db, q({ q: 'pull-m' }), [w.paris])).rows.map((r) => r.sku)).toEqual(['PULL-M']);
    expect((await listInventory(handle.db, q({ q: '356007004803' }), [w.paris])).rows.map((r) => r.sku)).toEqual([
      'PULL-M',
    ]);
    expect((await listInventory(handle.db, q({ q: 'pul marn' }), [w.paris])).rows).toHaveLength(3);
    expect((await listInventory(handle.db, q({ q: 'chaussette' }), [w.paris])).rows).toHaveLength(0);
  });

  it('filters out of stock, sorts by a numeric column and pages without counting', async () => {
    expect((await listInventory(handle.db, q({ status: 'out' }), [w.paris])).rows.map((r) => r.sku)).toEqual([
      'PULL-S',
    ]);
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
    expect(ZInventoryListQuery.parse({ sort: 'drop table', page: '-3', status: 'x' })).toMatchObject({
      sort: 'name',
      page: 1,
    });
  });
});

describe('codes', () => {
  it('a code names a variant by its exact barcode or by its SKU in any case, trimmed, many in one call', async () => {
    const pull = await findVariantByCode(handle.db, '3560070048021');
    const found = await findVariantsByCodes(handle.db, [
      '3560070048021',
      ' pull-s ',
      'PULL-S',
      'NOPE-1',
      '',
      '0000000000000',
    ]);
    expect([...found.keys()].sort()).toEqual(['3560070048021', 'PULL-S', 'pull-s']);
    for (const v of found.values()) expect(v).toEqual({ id: pull!.id, sku: 'PULL-S' });
    expect(await findVariantByCode(handle.db, '  ')).toBeNull();
    expect(await findVariantByCode(handle.db, 'nope-1')).toBeNull();
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
    expect(ledger.entries[0]).toMatchObject({
      deltaOnHand: -10,
      reason: 'adjustment',
      detail: 'lost',
      actorName: 'Owner',
    });
    expect(ledger.nextBefore).not.toBeNull();
    const next = await listLedger(handle.db, found!.id, { before: ledger.nextBefore!, limit: 10 });
    expect(next.entries).toHaveLength(2);
    const history = await onHandHistory(handle.db, found!.id);
    expect(history.find((h) => h.locationCode === 'PAR')?.onHand).toBe(0);
  });

  it('answers a lookup with the price and what may be promised, per location and in total', async () => {
    const found = await findSkuByCode(handle.db, '3560070048038');
    expect(found).toMatchObject({ sku: 'PULL-M', priceCents: 5900, currency: 'EUR', available: 27 });
    expect(found?.levels.find((l) => l.code === 'PAR')).toMatchObject({ onHand: 10, available: 7 });
    expect(await findSkuByCode(handle.db, 'NO-SUCH-SKU')).toBeNull();
  });
});

describe('findTransfer', () => {
  it('returns the transfer with its locations and lines, received quantities once received', async () => {
    const [s, m] = [w.skus[0].id, w.skus[1].id];
    const created = await createTransfer(handle.db, w.owner, {
      sourceLocationId: w.warehouse,
      destinationLocationId: w.paris,
      note: 'Weekly top-up',
      lines: [
        { variantId: m, quantity: 2 },
        { variantId: s, quantity: 3 },
      ],
    });
    const draft = await findTransfer(handle.db, created.id);
    expect(draft).toMatchObject({
      number: created.number,
      status: 'draft',
      source: { id: w.warehouse, code: 'WH' },
      destination: { id: w.paris, code: 'PAR', timeZone: 'Europe/Paris' },
      note: 'Weekly top-up',
      createdByName: 'Owner',
      shippedAt: null,
    });
    expect(draft?.lines.map((l) => [l.sku, l.productName, l.quantity, l.quantityReceived])).toEqual([
      ['PULL-M', 'Pull marin', 2, null],
      ['PULL-S', 'Pull marin', 3, null],
    ]);

    await shipTransfer(handle.db, w.owner, created.id);
    await receiveTransfer(handle.db, w.manager, {
      transferId: created.id,
      lines: [{ variantId: s, quantityReceived: 2 }],
    });
    const received = await findTransfer(handle.db, created.id);
    expect(received?.status).toBe('received');
    expect(received?.shippedAt).toBeInstanceOf(Date);
    expect(received?.lines.map((l) => [l.sku, l.quantityReceived])).toEqual([
      ['PULL-M', 2],
      ['PULL-S', 2],
    ]);
  });

  it('lists transfers by direction and by SKU', async () => {
    const ids = async (opts: Parameters<typeof listTransfers>[1]) =>
      (await listTransfers(handle.db, opts)).transfers.map((t) => t.number);
    const { transfers: all, next } = await listTransfers(handle.db, { locationIds: null });
    expect(next).toBeNull();
    expect(all.length).toBeGreaterThan(0);
    const [t] = all;
    expect(t).toMatchObject({ sourceCode: 'WH', destinationCode: 'PAR', units: 5 });
    expect(await ids({ locationIds: [w.paris], direction: 'in' })).toEqual([t.number]);
    expect(await ids({ locationIds: [w.paris], direction: 'out' })).toEqual([]);
    expect(await ids({ locationIds: [w.warehouse], direction: 'out' })).toEqual([t.number]);
    expect(await ids({ locationIds: [w.lyon] })).toEqual([]);
    expect(await ids({ locationIds: [] })).toEqual([]);
    expect(await ids({ locationIds: null, variantId: w.skus[1].id })).toEqual([t.number]);
    expect(await ids({ locationIds: null, variantId: w.skus[2].id })).toEqual([]);
  });

  it('returns null for an unknown id', async () => {
    expect(await findTransfer(handle.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});

describe('listLedger references', () => {
  it('names a movement by the number of what it refers to, and shows a reference that is no id as written', async () => {
    const variantId = w.skus[2].id;
    const [transfer] = (await listTransfers(handle.db, { locationIds: null })).transfers;
    const references = [
      ['transfer', transfer.id],
      // Only the canonical text of an id names it, as when the ids were compared as text.
      ['transfer', transfer.id.toUpperCase()],
      ['order', 'not-an-id'],
      ['receipt', 'PO-2291'],
    ] as const;
    await handle.db.transaction(async (tx) => {
      for (const [referenceType, referenceId] of references)
        await changeStock(tx, {
          variantId,
          locationId: w.lyon,
          deltaOnHand: 1,
          reason: 'receipt',
          referenceType,
          referenceId,
        });
    });
    const { entries } = await listLedger(handle.db, variantId, { limit: references.length });
    expect(entries.map((e) => e.referenceLabel).reverse()).toEqual([transfer.number, null, null, 'PO-2291']);
  });
});

describe('listTransfers pages', () => {
  it('walks every transfer once, newest first, across page boundaries; the last page has no next cursor', async () => {
    // Five transfers Lyon → warehouse: two share one instant (ties broken by id), two sit within
    // the same millisecond (a cursor rounded to the millisecond would skip one of them).
    const times = [
      '2026-03-05T10:00:00Z',
      '2026-03-04T10:00:00Z',
      '2026-03-04T10:00:00Z',
      '2026-03-03T10:00:00Z',
      '2026-03-03T10:00:00Z',
    ];
    await handle.db.insert(transfers).values(
      times.map((t, i) => ({
        number: `TR-PAGE-${i}`,
        sourceLocationId: w.lyon,
        destinationLocationId: w.warehouse,
        createdAt: new Date(t),
      })),
    );
    // A JavaScript Date has no microseconds: add them in SQL (…00.000700 and …00.000200).
    await handle.db.execute(
      sql`update transfers set created_at = created_at + interval '700 microseconds' where number = 'TR-PAGE-3'`,
    );
    await handle.db.execute(
      sql`update transfers set created_at = created_at + interval '200 microseconds' where number = 'TR-PAGE-4'`,
    );
    const expected = (
      await handle.db.execute<{ number: string }>(sql`
      select number from transfers where source_location_id = ${w.lyon} order by created_at desc, id desc`)
    ).rows.map((r) => r.number);
    expect(expected).toHaveLength(5);

    const seen: string[] = [];
    let before: string | null = null;
    const sizes: number[] = [];
    do {
      const page: Awaited<ReturnType<typeof listTransfers>> = await listTransfers(handle.db, {
        locationIds: [w.lyon],
        direction: 'out',
        before,
        limit: 2,
      });
      sizes.push(page.transfers.length);
      seen.push(...page.transfers.map((t) => t.number));
      before = page.next;
    } while (before && sizes.length < 10);
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen).toEqual(expected);

    // A page that ends exactly on the last row says so: no empty page after it.
    const exact = await listTransfers(handle.db, { locationIds: [w.lyon], direction: 'out', limit: 5 });
    expect(exact.transfers).toHaveLength(5);
    expect(exact.next).toBeNull();
    // A forged cursor reads the first page.
    const forged = await listTransfers(handle.db, {
      locationIds: [w.lyon],
      direction: 'out',
      before: 'not-a-cursor',
      limit: 2,
    });
    expect(forged.transfers.map((t) => t.number)).toEqual(expected.slice(0, 2));
  });
});
