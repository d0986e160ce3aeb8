import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { inventoryMovements, transfers } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { findDrift } from './invariants';
import { cancelTransfer, createTransfer, receiveTransfer, shipTransfer } from './transfers';

let handle: DbHandle;
let w: InventoryWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db);
});
afterAll(() => handle.close());

async function status(id: string) {
  const [row] = await handle.db.select({ status: transfers.status }).from(transfers).where(eq(transfers.id, id));
  return row.status;
}

describe('transfers', () => {
  it('moves stock warehouse → Paris: leaves on ship, arrives on receipt', async () => {
    const [s, m] = [w.skus[0].id, w.skus[1].id];
    const t = await createTransfer(handle.db, w.owner, {
      sourceLocationId: w.warehouse,
      destinationLocationId: w.paris,
      lines: [
        { variantId: s, quantity: 4 },
        { variantId: m, quantity: 2 },
      ],
    });
    expect(t.number).toMatch(/^TR-\d+$/);
    expect((await level(handle.db, s, w.warehouse)).onHand).toBe(10);

    await shipTransfer(handle.db, w.owner, t.id);
    await shipTransfer(handle.db, w.owner, t.id); // a retried click changes nothing
    expect((await level(handle.db, s, w.warehouse)).onHand).toBe(6);
    expect(await status(t.id)).toBe('in_transit');

    // The Paris manager receives one unit short on M.
    const result = await receiveTransfer(handle.db, w.manager, {
      transferId: t.id,
      lines: [{ variantId: m, quantityReceived: 1 }],
    });
    expect(result.discrepancies).toBe(1);
    expect((await level(handle.db, s, w.paris)).onHand).toBe(14);
    expect((await level(handle.db, m, w.paris)).onHand).toBe(11);
    const short = await handle.db
      .select()
      .from(inventoryMovements)
      .where(and(eq(inventoryMovements.referenceId, t.id), eq(inventoryMovements.detail, 'transfer_short')));
    expect(short).toHaveLength(1);
    expect(short[0].deltaOnHand).toBe(-1);
    expect(await status(t.id)).toBe('received');
    expect(await findDrift(handle.db)).toEqual([]);
  });

  it('refuses to ship more than the source holds, moving nothing', async () => {
    const t = await createTransfer(handle.db, w.owner, {
      sourceLocationId: w.lyon,
      destinationLocationId: w.paris,
      lines: [
        { variantId: w.skus[0].id, quantity: 1 },
        { variantId: w.skus[2].id, quantity: 500 },
      ],
    });
    await expect(shipTransfer(handle.db, w.owner, t.id)).rejects.toMatchObject({ code: 'stock_conflict' });
    expect((await level(handle.db, w.skus[0].id, w.lyon)).onHand).toBe(10);
    expect(await status(t.id)).toBe('draft');
  });

  it('cancelling an in-transit transfer returns the stock to the source', async () => {
    const t = await createTransfer(handle.db, w.manager, {
      sourceLocationId: w.paris,
      destinationLocationId: w.lyon,
      lines: [{ variantId: w.skus[2].id, quantity: 3 }],
    });
    await shipTransfer(handle.db, w.manager, t.id);
    expect((await level(handle.db, w.skus[2].id, w.paris)).onHand).toBe(7);
    await cancelTransfer(handle.db, w.manager, t.id);
    expect((await level(handle.db, w.skus[2].id, w.paris)).onHand).toBe(10);
    await expect(receiveTransfer(handle.db, w.owner, { transferId: t.id, lines: [] })).rejects.toMatchObject({
      code: 'illegal_transition',
    });
  });

  it('refuses a manager outside their locations and an agent', async () => {
    const input = {
      sourceLocationId: w.warehouse,
      destinationLocationId: w.lyon,
      lines: [{ variantId: w.skus[0].id, quantity: 1 }],
    };
    await expect(createTransfer(handle.db, w.manager, input)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createTransfer(handle.db, w.agent, input)).rejects.toMatchObject({ code: 'forbidden' });
    const t = await createTransfer(handle.db, w.owner, input);
    await shipTransfer(handle.db, w.owner, t.id);
    await expect(receiveTransfer(handle.db, w.manager, { transferId: t.id, lines: [] })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
