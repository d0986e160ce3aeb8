import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { inventoryMovements, transferLines, transfers } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { findDrift } from './invariants';
import { cancelTransfer, createTransfer, receiveTransfer, receiveTransferUnits, shipTransfer } from './transfers';

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

describe('receiving by deliveries', () => {
  // A world of its own, with stock enough for every delivery below.
  let handle: DbHandle;
  let w: InventoryWorld;
  beforeAll(async () => {
    handle = await createTestDatabase();
    w = await makeInventoryWorld(handle.db, { stock: 50 });
  });
  afterAll(() => handle.close());
  async function status(id: string) {
    const [row] = await handle.db.select({ status: transfers.status }).from(transfers).where(eq(transfers.id, id));
    return row.status;
  }

  async function shipped(units: [number, number][]) {
    const t = await createTransfer(handle.db, w.owner, {
      sourceLocationId: w.warehouse,
      destinationLocationId: w.paris,
      lines: units.map(([i, quantity]) => ({ variantId: w.skus[i].id, quantity })),
    });
    await shipTransfer(handle.db, w.owner, t.id);
    return t.id;
  }
  const moves = (id: string) =>
    handle.db
      .select({
        variantId: inventoryMovements.variantId,
        delta: inventoryMovements.deltaOnHand,
        reason: inventoryMovements.reason,
        detail: inventoryMovements.detail,
      })
      .from(inventoryMovements)
      .where(and(eq(inventoryMovements.referenceId, id), eq(inventoryMovements.locationId, w.paris)))
      .orderBy(inventoryMovements.id);
  const received = async (id: string) =>
    (
      await handle.db
        .select({ v: transferLines.variantId, r: transferLines.quantityReceived })
        .from(transferLines)
        .where(eq(transferLines.transferId, id))
    ).reduce((a, l) => ({ ...a, [l.v]: l.r }), {} as Record<string, number | null>);

  it('a partial receipt leaves the rest in transit; the next one completes the transfer', async () => {
    const [s, l] = [w.skus[0].id, w.skus[2].id];
    const id = await shipped([
      [0, 3],
      [2, 2],
    ]);
    const before = (await level(handle.db, s, w.paris)).onHand;
    const first = await receiveTransferUnits(handle.db, w.manager, {
      transferId: id,
      lines: [{ variantId: s, quantity: 2 }],
      closeShort: false,
      seen: 0,
    });
    expect(first).toEqual({ units: 2, discrepancies: 0, complete: false });
    expect(await status(id)).toBe('in_transit');
    expect((await level(handle.db, s, w.paris)).onHand).toBe(before + 2);
    expect(await received(id)).toEqual({ [s]: 2, [l]: null });

    // The same receipt sent again (a double click) is refused: the screen saw 0 received.
    await expect(
      receiveTransferUnits(handle.db, w.manager, {
        transferId: id,
        lines: [{ variantId: s, quantity: 2 }],
        closeShort: false,
        seen: 0,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    // Part of it has arrived: it can no longer be cancelled (the source would get back what Paris holds).
    await expect(cancelTransfer(handle.db, w.owner, id)).rejects.toMatchObject({ code: 'conflict' });

    const second = await receiveTransferUnits(handle.db, w.manager, {
      transferId: id,
      lines: [
        { variantId: s, quantity: 1 },
        { variantId: l, quantity: 2 },
      ],
      closeShort: false,
      seen: 2,
    });
    expect(second).toEqual({ units: 3, discrepancies: 0, complete: true });
    expect(await status(id)).toBe('received');
    const ledger = await moves(id);
    expect(ledger.filter((x) => x.variantId === s).map((x) => [x.reason, x.delta])).toEqual([
      ['transfer_in', 2],
      ['transfer_in', 1],
    ]);
    expect(ledger.filter((x) => x.variantId === l).map((x) => [x.reason, x.delta])).toEqual([['transfer_in', 2]]);
    await expect(
      receiveTransferUnits(handle.db, w.manager, {
        transferId: id,
        lines: [{ variantId: s, quantity: 1 }],
        closeShort: false,
      }),
    ).rejects.toMatchObject({ code: 'illegal_transition' });
    expect(await findDrift(handle.db)).toEqual([]);
  });

  it('declaring the rest short closes the transfer and writes the shortfall to the ledger, as a single receipt does', async () => {
    const [s, m] = [w.skus[0].id, w.skus[1].id];
    const id = await shipped([
      [0, 4],
      [1, 1],
    ]);
    const before = (await level(handle.db, s, w.paris)).onHand;
    await receiveTransferUnits(handle.db, w.manager, {
      transferId: id,
      lines: [{ variantId: s, quantity: 1 }],
      closeShort: false,
    });
    const closed = await receiveTransferUnits(handle.db, w.manager, {
      transferId: id,
      lines: [
        { variantId: s, quantity: 1 },
        { variantId: m, quantity: 2 },
      ],
      closeShort: true,
    });
    // S: 2 of 4 arrived (2 short); M: 2 of 1 (1 over).
    expect(closed).toEqual({ units: 3, discrepancies: 2, complete: true });
    expect(await status(id)).toBe('received');
    expect(await received(id)).toEqual({ [s]: 2, [m]: 2 });
    expect((await level(handle.db, s, w.paris)).onHand).toBe(before + 2);
    const ledger = await moves(id);
    expect(ledger.filter((x) => x.variantId === s).map((x) => [x.reason, x.detail, x.delta])).toEqual([
      ['transfer_in', null, 1],
      ['transfer_in', null, 1],
      ['transfer_in', null, 2],
      ['adjustment', 'transfer_short', -2],
    ]);
    expect(ledger.filter((x) => x.variantId === m).map((x) => [x.reason, x.detail, x.delta])).toEqual([
      ['transfer_in', null, 1],
      ['adjustment', 'transfer_over', 1],
    ]);
    expect(await findDrift(handle.db)).toEqual([]);
  });

  it('a whole receipt after a partial one counts what had arrived; a SKU not on the transfer is refused', async () => {
    const s = w.skus[0].id;
    const id = await shipped([[0, 3]]);
    await receiveTransferUnits(handle.db, w.manager, {
      transferId: id,
      lines: [{ variantId: s, quantity: 2 }],
      closeShort: false,
    });
    await expect(
      receiveTransferUnits(handle.db, w.manager, {
        transferId: id,
        lines: [{ variantId: w.skus[1].id, quantity: 1 }],
        closeShort: false,
      }),
    ).rejects.toMatchObject({ code: 'unprocessable' });
    await expect(
      receiveTransfer(handle.db, w.manager, { transferId: id, lines: [{ variantId: s, quantityReceived: 1 }] }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await receiveTransfer(handle.db, w.manager, { transferId: id, lines: [] })).toEqual({ discrepancies: 0 });
    expect(await received(id)).toEqual({ [s]: 3 });
    expect(await findDrift(handle.db)).toEqual([]);
  });

  it('refuses a receipt by a manager of another location and by an agent', async () => {
    const id = await shipped([[0, 1]]);
    const input = { transferId: id, lines: [{ variantId: w.skus[0].id, quantity: 1 }], closeShort: false };
    const lyonManager = { ...w.manager, locationIds: [w.lyon] };
    await expect(receiveTransferUnits(handle.db, lyonManager, input)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(receiveTransferUnits(handle.db, w.agent, input)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await status(id)).toBe('in_transit');
  });
});
