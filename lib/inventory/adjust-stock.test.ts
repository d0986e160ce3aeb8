import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, inventoryMovements } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { adjustStock } from './adjust-stock';
import { changeStock } from './ledger';
import { findDrift } from './invariants';
import { listLedger } from './queries/sku-activity';
import { receiveStock } from './receive-stock';

let handle: DbHandle;
let w: InventoryWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db);
});
afterAll(() => handle.close());

describe('adjustStock', () => {
  let sku: string;
  beforeEach(() => {
    sku = w.skus[0].id;
  });

  it('applies a delta with its ledger line and audit row', async () => {
    const before = await level(handle.db, sku, w.paris);
    const result = await adjustStock(handle.db, w.manager, {
      variantId: sku,
      locationId: w.paris,
      mode: 'delta',
      quantity: -2,
      reason: 'damaged',
    });
    expect(result.onHand).toBe(before.onHand - 2);
    const [last] = await handle.db
      .select()
      .from(inventoryMovements)
      .where(and(eq(inventoryMovements.variantId, sku), eq(inventoryMovements.locationId, w.paris)))
      .orderBy(inventoryMovements.id)
      .limit(1)
      .offset(1);
    expect(last).toMatchObject({ deltaOnHand: -2, reason: 'adjustment', detail: 'damaged', actorId: w.manager.userId });
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'inventory.adjust'));
    expect(audits.at(-1)?.data).toMatchObject({ delta: -2, reason: 'damaged' });
  });

  it('keeps the note and the document reference on the ledger line, where the SKU page shows them', async () => {
    await adjustStock(handle.db, w.manager, {
      variantId: sku,
      locationId: w.paris,
      mode: 'delta',
      quantity: -1,
      reason: 'theft',
      note: 'Security tag found in the fitting room',
      reference: 'PLAINTE-2026-118',
    });
    const { entries } = await listLedger(handle.db, sku, { limit: 1 });
    expect(entries[0]).toMatchObject({
      deltaOnHand: -1,
      reason: 'adjustment',
      detail: 'theft',
      note: 'Security tag found in the fitting room',
      referenceType: 'adjustment',
      referenceId: 'PLAINTE-2026-118',
      referenceLabel: 'PLAINTE-2026-118',
    });
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'inventory.adjust'));
    expect(audits.at(-1)?.data).toMatchObject({
      note: 'Security tag found in the fitting room',
      reference: 'PLAINTE-2026-118',
    });
  });

  it('refuses a reason that does not explain the direction of a counted quantity, and writes nothing', async () => {
    const before = await level(handle.db, sku, w.paris);
    for (const [quantity, reason, delta] of [
      [before.onHand + 5, 'theft', 5],
      [before.onHand - 1, 'found', -1],
    ] as const) {
      await expect(
        adjustStock(handle.db, w.manager, { variantId: sku, locationId: w.paris, mode: 'set', quantity, reason }),
      ).rejects.toMatchObject({ code: 'unprocessable', details: { field: 'reason', delta } });
    }
    expect(await level(handle.db, sku, w.paris)).toEqual(before);
    // A correction goes either way.
    await expect(
      adjustStock(handle.db, w.manager, {
        variantId: sku,
        locationId: w.paris,
        mode: 'set',
        quantity: before.onHand + 1,
        reason: 'count_correction',
      }),
    ).resolves.toMatchObject({ delta: 1 });
  });

  it('sets a counted quantity as a count correction', async () => {
    const result = await adjustStock(handle.db, w.owner, {
      variantId: sku,
      locationId: w.lyon,
      mode: 'set',
      quantity: 4,
      reason: 'count_correction',
    });
    expect(result).toMatchObject({ onHand: 4, delta: -6 });
  });

  it('refuses to go below zero and writes nothing', async () => {
    const before = await level(handle.db, sku, w.warehouse);
    await expect(
      adjustStock(handle.db, w.owner, {
        variantId: sku,
        locationId: w.warehouse,
        mode: 'delta',
        quantity: -999,
        reason: 'lost',
      }),
    ).rejects.toMatchObject({ code: 'stock_conflict' });
    expect(await level(handle.db, sku, w.warehouse)).toEqual(before);
  });

  it('refuses to go below what is reserved', async () => {
    const other = w.skus[1].id;
    await handle.db.transaction((tx) =>
      changeStock(tx, { variantId: other, locationId: w.paris, deltaReserved: 8, reason: 'reservation' }),
    );
    await expect(
      adjustStock(handle.db, w.manager, {
        variantId: other,
        locationId: w.paris,
        mode: 'set',
        quantity: 5,
        reason: 'theft',
      }),
    ).rejects.toThrow(/8 units reserved/);
    await handle.db.transaction((tx) =>
      changeStock(tx, { variantId: other, locationId: w.paris, deltaReserved: -8, reason: 'release' }),
    );
  });

  it('refuses a manager at another location and an agent anywhere', async () => {
    const input = { variantId: sku, locationId: w.lyon, mode: 'delta' as const, quantity: 1, reason: 'found' as const };
    await expect(adjustStock(handle.db, w.manager, input)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(adjustStock(handle.db, w.agent, { ...input, locationId: w.paris })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('keeps the ledger equal to the rows', async () => {
    expect((await findDrift(handle.db)).length).toBe(0);
  });
});

describe('receiveStock', () => {
  it('receives every line at once, creating rows where the SKU was never stocked', async () => {
    const before = await level(handle.db, w.skus[2].id, w.paris);
    const result = await receiveStock(handle.db, w.manager, {
      locationId: w.paris,
      reference: 'BL-2026-001',
      lines: [
        { variantId: w.skus[2].id, quantity: 3 },
        { variantId: w.skus[2].id, quantity: 2 },
      ],
    });
    expect(result.units).toBe(5);
    expect((await level(handle.db, w.skus[2].id, w.paris)).onHand).toBe(before.onHand + 5);
    expect((await findDrift(handle.db)).length).toBe(0);
  });

  it('refuses a manager at another location', async () => {
    await expect(
      receiveStock(handle.db, w.manager, {
        locationId: w.warehouse,
        reference: 'X',
        lines: [{ variantId: w.skus[0].id, quantity: 1 }],
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
