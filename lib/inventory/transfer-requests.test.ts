import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, inventoryMovements, transferLines, transfers } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/auth/permissions';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { findDrift } from './invariants';
import { acceptTransferRequest, declineTransferRequest, requestTransfer } from './transfer-requests';
import { cancelTransfer, receiveTransferUnits, shipTransfer } from './transfers';

let handle: DbHandle;
let w: InventoryWorld;
/** The warehouse's manager (logistics): answers the requests addressed to it. */
let logistics: Actor;
/** Lyon's manager: neither asks for Paris nor answers for the warehouse. */
let lyonManager: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db);
  logistics = { ...w.manager, locationIds: [w.warehouse] };
  lyonManager = { ...w.manager, locationIds: [w.lyon] };
});
afterAll(() => handle.close());

async function row(id: string) {
  const [t] = await handle.db.select().from(transfers).where(eq(transfers.id, id));
  return t;
}

async function lines(id: string) {
  return handle.db
    .select({
      variantId: transferLines.variantId,
      quantity: transferLines.quantity,
      requested: transferLines.quantityRequested,
    })
    .from(transferLines)
    .where(eq(transferLines.transferId, id))
    .orderBy(asc(transferLines.variantId));
}

function ask(skus: [number, number][], from = w.warehouse) {
  return requestTransfer(handle.db, w.manager, {
    sourceLocationId: from,
    destinationLocationId: w.paris,
    neededBy: '2026-12-12',
    note: 'Weekend sale',
    lines: skus.map(([i, quantity]) => ({ variantId: w.skus[i].id, quantity })),
  });
}

describe('transfer requests', () => {
  it('a store asks the warehouse; the warehouse accepts fewer, saying why, then ships; Paris receives', async () => {
    const [s, m] = [w.skus[0].id, w.skus[1].id];
    const r = await ask([
      [0, 4],
      [1, 2],
    ]);
    expect(r.number).toMatch(/^TR-\d+$/);
    expect(await row(r.id)).toMatchObject({ status: 'requested', neededBy: '2026-12-12', note: 'Weekend sale' });
    // Nothing moves on a request.
    expect((await level(handle.db, s, w.warehouse)).onHand).toBe(10);

    await expect(
      acceptTransferRequest(handle.db, logistics, {
        transferId: r.id,
        expectedOn: '2026-12-10',
        lines: [{ variantId: s, quantity: 3 }],
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' }); // fewer without a reason
    await expect(
      acceptTransferRequest(handle.db, logistics, {
        transferId: r.id,
        expectedOn: '2026-12-10',
        lines: [{ variantId: s, quantity: 5 }],
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' }); // more than asked

    const accepted = await acceptTransferRequest(handle.db, logistics, {
      transferId: r.id,
      expectedOn: '2026-12-10',
      lines: [{ variantId: s, quantity: 3 }],
      reason: 'Only 3 left after the web orders',
    });
    expect(accepted).toEqual({ units: 5, reduced: true });
    expect(await row(r.id)).toMatchObject({
      status: 'accepted',
      expectedOn: '2026-12-10',
      decisionReason: 'Only 3 left after the web orders',
      decidedById: logistics.userId,
    });
    expect(await lines(r.id)).toEqual(
      [
        { variantId: s, quantity: 3, requested: 4 },
        { variantId: m, quantity: 2, requested: 2 },
      ].sort((a, b) => a.variantId.localeCompare(b.variantId)),
    );
    // A retried acceptance changes nothing; a decline after it is refused.
    await acceptTransferRequest(handle.db, logistics, { transferId: r.id, expectedOn: '2026-12-11', lines: [] });
    expect((await row(r.id)).expectedOn).toBe('2026-12-10');
    await expect(
      declineTransferRequest(handle.db, logistics, { transferId: r.id, reason: 'no' }),
    ).rejects.toMatchObject({ code: 'illegal_transition' });

    await shipTransfer(handle.db, logistics, r.id);
    expect((await level(handle.db, s, w.warehouse)).onHand).toBe(7);
    expect((await level(handle.db, m, w.warehouse)).onHand).toBe(8);
    const done = await receiveTransferUnits(handle.db, w.manager, {
      transferId: r.id,
      lines: [
        { variantId: s, quantity: 3 },
        { variantId: m, quantity: 2 },
      ],
      closeShort: false,
    });
    expect(done).toEqual({ units: 5, discrepancies: 0, complete: true });
    expect((await level(handle.db, s, w.paris)).onHand).toBe(13);
    expect(await findDrift(handle.db)).toEqual([]);
    const audit = await handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, r.id))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual([
      'transfer.request',
      'transfer.accept',
      'transfer.ship',
      'transfer.receive',
    ]);
  });

  it('a line accepted at 0 is kept with what was asked and moves nothing; accepting none at all is refused', async () => {
    const r = await ask(
      [
        [0, 1],
        [2, 2],
      ],
      w.lyon,
    );
    await expect(
      acceptTransferRequest(handle.db, w.owner, {
        transferId: r.id,
        expectedOn: '2026-12-10',
        lines: [
          { variantId: w.skus[0].id, quantity: 0 },
          { variantId: w.skus[2].id, quantity: 0 },
        ],
        reason: 'Nothing to spare',
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await acceptTransferRequest(handle.db, w.owner, {
      transferId: r.id,
      expectedOn: '2026-12-10',
      lines: [{ variantId: w.skus[0].id, quantity: 0 }],
      reason: 'Display piece only',
    });
    const lyonL = (await level(handle.db, w.skus[2].id, w.lyon)).onHand;
    const lyonS = (await level(handle.db, w.skus[0].id, w.lyon)).onHand;
    await shipTransfer(handle.db, w.owner, r.id);
    expect((await level(handle.db, w.skus[2].id, w.lyon)).onHand).toBe(lyonL - 2);
    expect((await level(handle.db, w.skus[0].id, w.lyon)).onHand).toBe(lyonS);
    const moved = await handle.db
      .select({ variantId: inventoryMovements.variantId })
      .from(inventoryMovements)
      .where(eq(inventoryMovements.referenceId, r.id));
    expect(moved.map((x) => x.variantId)).toEqual([w.skus[2].id]);
    expect(await findDrift(handle.db)).toEqual([]);
  });

  it('the source declines with a reason; a declined request can be neither accepted nor shipped', async () => {
    const r = await ask([[1, 5]]);
    await declineTransferRequest(handle.db, w.owner, { transferId: r.id, reason: 'Stock kept for the web shop' });
    await declineTransferRequest(handle.db, w.owner, { transferId: r.id, reason: 'again' }); // a retried click
    expect(await row(r.id)).toMatchObject({ status: 'declined', decisionReason: 'Stock kept for the web shop' });
    await expect(
      acceptTransferRequest(handle.db, w.owner, { transferId: r.id, expectedOn: '2026-12-10', lines: [] }),
    ).rejects.toMatchObject({ code: 'illegal_transition' });
    await expect(shipTransfer(handle.db, w.owner, r.id)).rejects.toMatchObject({ code: 'illegal_transition' });
  });

  it('a request cannot be shipped before it is accepted; its store may withdraw it, the source may not', async () => {
    const r = await ask([[0, 1]]);
    await expect(shipTransfer(handle.db, w.owner, r.id)).rejects.toMatchObject({ code: 'illegal_transition' });
    await expect(cancelTransfer(handle.db, logistics, r.id)).rejects.toMatchObject({ code: 'forbidden' });
    await cancelTransfer(handle.db, w.manager, r.id);
    expect((await row(r.id)).status).toBe('cancelled');
  });

  it('refuses a request for a store that is not the manager’s, and an agent', async () => {
    const input = {
      sourceLocationId: w.warehouse,
      destinationLocationId: w.lyon,
      neededBy: '2026-12-12',
      lines: [{ variantId: w.skus[0].id, quantity: 1 }],
    };
    await expect(requestTransfer(handle.db, w.manager, input)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(requestTransfer(handle.db, w.agent, input)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await handle.db.select().from(transfers).where(eq(transfers.destinationLocationId, w.lyon))).toEqual([]);
  });

  it('refuses an answer from a manager of neither the asked location nor any (the requester, Lyon, an agent)', async () => {
    const r = await ask([[0, 1]]);
    const accept = { transferId: r.id, expectedOn: '2026-12-10', lines: [] };
    for (const who of [w.manager, lyonManager, w.agent]) {
      await expect(acceptTransferRequest(handle.db, who, accept)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(declineTransferRequest(handle.db, who, { transferId: r.id, reason: 'x' })).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    expect((await row(r.id)).status).toBe('requested');
    const audit = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, r.id), eq(auditLog.action, 'transfer.accept')));
    expect(audit).toEqual([]);
  });
});
