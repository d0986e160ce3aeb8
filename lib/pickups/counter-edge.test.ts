import { AsyncLocalStorage } from 'node:async_hooks';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useDatabaseInThisProcess, type DbHandle } from '@/db/client';
import { channels, orders, pickups, inventoryMovements } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { can, type Actor, type Permission } from '@/lib/auth/permissions';
import { Forbidden } from '@/lib/errors';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { formatPickupCode } from './code-format';
import type { LookupResult } from './lookup';
import { markReady } from './mark-ready';

// The counter's edge: the hand-over action and the search route, with the session set by the test
// (Auth.js's cookie is not here) and everything else real. `as` gives each of two concurrent calls
// its own signed-in staff member; otherwise `signedIn` is the caller.
const as = new AsyncLocalStorage<Actor>();
const state = { signedIn: null as Actor | null };
vi.mock('@/lib/next/session', () => ({
  requireActor: async (permission: Permission, locationId?: string) => {
    const actor = as.getStore() ?? state.signedIn;
    if (!actor) throw new Forbidden('Please sign in again.');
    if (!can(actor, permission, locationId)) throw new Forbidden();
    return actor;
  },
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
const { collectPickupAction } = await import('@/lib/next/actions/pickups');
const { GET } = await import('@/app/(backoffice)/pickups/counter/lookup/route');

let handle: DbHandle;
let w: InventoryWorld;
let web: typeof channels.$inferSelect;
let lyonManager: Actor;
let n = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabaseInThisProcess(handle);
  w = await makeInventoryWorld(handle.db, { stock: 50 });
  [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web' }).returning();
  lyonManager = { ...w.manager, locationIds: [w.lyon] };
});
afterAll(() => handle?.close());

/** A pickup order at a store (2 × PULL-M, 1 × PULL-S), made ready: its ids, number and code. */
async function ready(store = 'PAR') {
  n += 1;
  const r = await ingestOrder(
    handle.db,
    web,
    ZIngestOrderInput.parse({
      externalId: `C-${n}`,
      placedAt: new Date().toISOString(),
      currency: 'EUR',
      customer: { email: `c${n}@example.fr`, firstName: 'Hélène', lastName: `Comptoir${n}` },
      lines: [
        { sku: 'PULL-M', quantity: 2, unitPriceCents: 5000 },
        { sku: 'PULL-S', quantity: 1, unitPriceCents: 5000 },
      ],
      fulfilment: { type: 'pickup', locationCode: store },
      totals: { subtotalCents: 15000, totalCents: 15000 },
    }),
  );
  const [p] = await handle.db.select().from(pickups).where(eq(pickups.orderId, r.order.id));
  const m = await markReady(handle.db, w.owner, { pickupId: p.id });
  return {
    orderId: r.order.id,
    number: r.order.number,
    pickupId: p.id,
    code: m.pickup.code!,
    lastName: `Comptoir${n}`,
  };
}

const pickupOf = async (id: string) => (await handle.db.select().from(pickups).where(eq(pickups.id, id)))[0];
const sku = (s: string) => w.skus.find((v) => v.sku === s)!.id;

function lookup(query: string) {
  return GET(new Request(`http://localhost/pickups/counter/lookup?${query}`));
}

describe('collectPickupAction', () => {
  it('refuses the Lyon manager a Paris parcel and an agent, changing nothing', async () => {
    const p = await ready();
    state.signedIn = lyonManager;
    expect(await collectPickupAction({ pickupId: p.pickupId, code: p.code })).toMatchObject({
      ok: false,
      code: 'forbidden',
      message: expect.stringMatching(/your stores/),
    });
    state.signedIn = w.agent;
    expect(await collectPickupAction({ pickupId: p.pickupId, code: p.code })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect((await pickupOf(p.pickupId)).state).toBe('ready');
  });

  it('answers bad input with its field, a wrong code and nothing handed over with a refusal', async () => {
    const p = await ready();
    state.signedIn = w.manager;
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
    state.signedIn = w.manager;
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
        as.run(w.owner, () => collectPickupAction({ pickupId: p.pickupId, code: p.code })),
        as.run(w.manager, () => collectPickupAction({ pickupId: p.pickupId, code: p.code })),
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
    state.signedIn = w.manager;
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
    state.signedIn = lyonManager;
    expect((await lookup(`location=${w.paris}&q=${p.code}`)).status).toBe(403);
    state.signedIn = w.agent;
    expect((await lookup(`location=${w.paris}&q=${p.code}`)).status).toBe(403);
    state.signedIn = null;
    expect((await lookup(`location=${w.paris}&q=${p.code}`)).status).toBe(403);
    state.signedIn = w.manager;
    for (const q of ['', 'q=1', `location=PAR&q=${p.code}`, `location=${w.paris}&q=${'x'.repeat(201)}`]) {
      const res = await lookup(q);
      expect(res.status, q).toBe(400);
      expect(await res.json()).toMatchObject({ error: { message: expect.stringMatching(/location=/) } });
    }
  });
});
