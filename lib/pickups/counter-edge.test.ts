import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useDatabaseInThisProcess, type DbHandle } from '@/db/client';
import { orders, pickups, inventoryMovements } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/auth/permissions';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { addWebChannel, placePickupOrder, type Channel } from '@/lib/testing/orders';
import { actingAs, signIn } from '@/lib/testing/session';
import { formatPickupCode } from './code-format';
import type { LookupResult } from './lookup';
import { markReady } from './mark-ready';

// The session is Auth.js's cookie, which a test has not got: the signed-in staff member is set here.
vi.mock('@/lib/next/session', () => import('@/lib/testing/session'));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
const { collectPickupAction } = await import('@/lib/next/actions/pickups');
const { GET } = await import('@/app/(backoffice)/pickups/counter/lookup/route');

let handle: DbHandle;
let w: InventoryWorld;
let web: Channel;
let lyonManager: Actor;
let n = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabaseInThisProcess(handle);
  w = await makeInventoryWorld(handle.db, { stock: 50 });
  web = await addWebChannel(handle.db);
  lyonManager = { ...w.manager, locationIds: [w.lyon] };
});
afterAll(() => handle?.close());

/** A pickup order at a store (2 × PULL-M, 1 × PULL-S), made ready: its ids, number and code. */
async function ready(store = 'PAR') {
  n += 1;
  const lastName = `Comptoir${n}`;
  const placed = await placePickupOrder(handle.db, web, {
    store,
    customer: { firstName: 'Hélène', lastName },
    lines: [
      { sku: 'PULL-M', quantity: 2 },
      { sku: 'PULL-S', quantity: 1 },
    ],
  });
  const m = await markReady(handle.db, w.owner, { pickupId: placed.pickupId });
  return { ...placed, code: m.pickup.code!, lastName };
}

const pickupOf = async (id: string) => (await handle.db.select().from(pickups).where(eq(pickups.id, id)))[0];
const sku = (s: string) => w.skus.find((v) => v.sku === s)!.id;

function lookup(query: string) {
  return GET(new Request(`http://localhost/pickups/counter/lookup?${query}`));
}

describe('collectPickupAction', () => {
  it('refuses the Lyon manager a Paris parcel and an agent, changing nothing', async () => {
    const p = await ready();
    signIn(lyonManager);
    expect(await collectPickupAction({ pickupId: p.pickupId, code: p.code })).toMatchObject({
      ok: false,
      code: 'forbidden',
      message: expect.stringMatching(/your stores/),
    });
    signIn(w.agent);
    expect(await collectPickupAction({ pickupId: p.pickupId, code: p.code })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect((await pickupOf(p.pickupId)).state).toBe('ready');
  });

  it('answers bad input with its field, a wrong code and nothing handed over with a refusal', async () => {
    const p = await ready();
    signIn(w.manager);
    expect(await collectPickupAction({ pickupId: 'nope', code: p.code })).toMatchObject({
      ok: false,
      code: 'validation_failed',
      fieldErrors: { pickupId: expect.any(Array) },
    });
    expect(await collectPickupAction({ pickupId: p.pickupId, code: '' })).toMatchObject({
      ok: false,
      code: 'validation_failed',
      fieldErrors: { code: expect.any(Array) },
    });
    expect(
      await collectPickupAction({
        pickupId: p.pickupId,
        code: p.code,
        lines: [{ orderLineId: p.pickupId, quantity: -1 }],
      }),
    ).toMatchObject({ ok: false, code: 'validation_failed', fieldErrors: { 'lines.0.quantity': expect.any(Array) } });
    expect(await collectPickupAction({ pickupId: p.pickupId, code: '000 000' })).toMatchObject({
      ok: false,
      code: 'unprocessable',
      details: { reason: 'wrong_code' },
    });
    const body = (await (await lookup(`location=${w.paris}&q=${p.code}`)).json()) as LookupResult;
    const lines = body.pickups[0].lines.map((l) => ({ orderLineId: l.orderLineId, quantity: 0 }));
    expect(await collectPickupAction({ pickupId: p.pickupId, code: p.code, lines })).toMatchObject({
      ok: false,
      code: 'unprocessable',
      details: { reason: 'nothing_collected' },
    });
    expect((await pickupOf(p.pickupId)).state).toBe('ready');
  });

  it('lets the Paris manager hand over part of a parcel to a named person: stock, ledger and order follow', async () => {
    const p = await ready();
    signIn(w.manager);
    const before = {
      m: await level(handle.db, sku('PULL-M'), w.paris),
      s: await level(handle.db, sku('PULL-S'), w.paris),
    };
    const body = (await (
      await lookup(`location=${w.paris}&q=${encodeURIComponent(formatPickupCode(p.code))}`)
    ).json()) as LookupResult;
    const [m, s] = body.pickups[0].lines;
    const result = await collectPickupAction({
      pickupId: p.pickupId,
      code: formatPickupCode(p.code),
      collectedByName: '  Marc Dupuis ',
      lines: [
        { orderLineId: m.orderLineId, quantity: 1 },
        { orderLineId: s.orderLineId, quantity: 1 },
      ],
    });
    expect(result).toMatchObject({
      ok: true,
      data: {
        pickupId: p.pickupId,
        orderId: p.orderId,
        collectedByName: 'Marc Dupuis',
        collectedAt: expect.any(String),
        handedOver: [
          { sku: 'PULL-M', quantity: 1, of: 2 },
          { sku: 'PULL-S', quantity: 1, of: 1 },
        ],
        // The PULL-M left behind (€50) is refunded; the counter says so.
        refund: { cents: 5000, currency: 'EUR' },
      },
    });
    const after = {
      m: await level(handle.db, sku('PULL-M'), w.paris),
      s: await level(handle.db, sku('PULL-S'), w.paris),
    };
    // One M handed over (on hand −1), the other released (reserved −2 in all); S handed over.
    expect(after.m).toEqual({ onHand: before.m.onHand - 1, reserved: before.m.reserved - 2 });
    expect(after.s).toEqual({ onHand: before.s.onHand - 1, reserved: before.s.reserved - 1 });
    const moves = await handle.db
      .select({ reason: inventoryMovements.reason, deltaOnHand: inventoryMovements.deltaOnHand })
      .from(inventoryMovements)
      .where(and(eq(inventoryMovements.referenceType, 'order'), eq(inventoryMovements.referenceId, p.orderId)));
    expect(moves.filter((x) => x.reason === 'pickup').map((x) => x.deltaOnHand)).toEqual([-1, -1]);
    expect(moves.filter((x) => x.reason === 'release')).toHaveLength(1);
    const [order] = await handle.db.select({ status: orders.status }).from(orders).where(eq(orders.id, p.orderId));
    expect(order.status).toBe('completed');
    expect(await pickupOf(p.pickupId)).toMatchObject({
      state: 'collected',
      collectedById: w.manager.userId,
      collectedByName: 'Marc Dupuis',
    });
    // Gone from the counter.
    const again = (await (await lookup(`location=${w.paris}&q=${p.code}`)).json()) as LookupResult;
    expect(again.pickups).toEqual([]);
  });

  it('of two staff collecting the same parcel at once, lets exactly one succeed and tells the other who did', async () => {
    for (let round = 0; round < 3; round++) {
      const p = await ready();
      const results = await Promise.all([
        actingAs(w.owner, () => collectPickupAction({ pickupId: p.pickupId, code: p.code })),
        actingAs(w.manager, () => collectPickupAction({ pickupId: p.pickupId, code: p.code })),
      ]);
      const won = results.filter((r) => r.ok);
      const lost = results.filter((r) => !r.ok);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const winner = results[0].ok ? 'Owner' : 'Manager';
      const collected = await pickupOf(p.pickupId);
      expect(lost[0]).toMatchObject({
        ok: false,
        code: 'conflict',
        message: `Already handed over by ${winner}.`,
        details: {
          reason: 'already_collected',
          collectedBy: winner,
          collectedAt: collected.collectedAt!.toISOString(),
        },
      });
      const moves = await handle.db
        .select({ id: inventoryMovements.id })
        .from(inventoryMovements)
        .where(and(eq(inventoryMovements.referenceId, p.orderId), eq(inventoryMovements.reason, 'pickup')));
      expect(moves).toHaveLength(2);
    }
  });
});

describe('GET /pickups/counter/lookup', () => {
  it('finds a Paris parcel by code with a space, order number and name for the Paris manager', async () => {
    const p = await ready();
    signIn(w.manager);
    for (const q of [formatPickupCode(p.code), p.number, p.lastName.toLowerCase()]) {
      const res = await lookup(`location=${w.paris}&q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      const body = (await res.json()) as LookupResult;
      expect(
        body.pickups.map((x) => x.pickupId),
        q,
      ).toContain(p.pickupId);
      expect(body.pickups.find((x) => x.pickupId === p.pickupId)!.lines).toHaveLength(2);
    }
    expect(((await (await lookup(`location=${w.paris}&q=`)).json()) as LookupResult).pickups).toEqual([]);
  });

  it('refuses the Lyon manager at Paris, an agent, a signed-out caller, and a bad query with a 400', async () => {
    const p = await ready();
    signIn(lyonManager);
    expect((await lookup(`location=${w.paris}&q=${p.code}`)).status).toBe(403);
    signIn(w.agent);
    expect((await lookup(`location=${w.paris}&q=${p.code}`)).status).toBe(403);
    signIn(null);
    expect((await lookup(`location=${w.paris}&q=${p.code}`)).status).toBe(403);
    signIn(w.manager);
    for (const q of ['', 'q=1', `location=PAR&q=${p.code}`, `location=${w.paris}&q=${'x'.repeat(201)}`]) {
      const res = await lookup(q);
      expect(res.status, q).toBe(400);
      expect(await res.json()).toMatchObject({ error: { message: expect.stringMatching(/location=/) } });
    }
  });
});
