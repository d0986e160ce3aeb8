import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels, orderLines, orders, reservations, staffUsers, userLocations } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/auth/permissions';
import { changeStock } from '@/lib/inventory/ledger';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { cancelOrder } from './cancel-order';
import { getOrderForActor } from './queries';
import { ingestOrder } from './ingest-order';
import { returnOrder } from './return-order';
import { ZIngestOrderInput, ZReturnOrderInput } from './schemas';
import { shipOrder } from './ship-order';

// Stock-moving order actions need the right at every location whose stock they move: a split
// order reserved at Paris and Lyon is not the Paris manager's alone. A refusal writes nothing.

let handle: DbHandle;
let w: InventoryWorld;
let web: typeof channels.$inferSelect;
let lyonManager: Actor;
let n = 0;
const L = () => w.skus[2]; // PULL-L: the warehouse holds none of it, so big ship orders split over the stores

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db);
  [web] = await handle.db
    .insert(channels)
    .values({ code: 'web', name: 'Web', kind: 'web', allowSplitShipments: true } as typeof channels.$inferInsert)
    .returning();
  const [u] = await handle.db
    .insert(staffUsers)
    .values({ email: 'lyon@t.test', name: 'Lyon', passwordHash: 'x', role: 'manager' })
    .returning();
  await handle.db.insert(userLocations).values({ userId: u.id, locationId: w.lyon });
  lyonManager = { userId: u.id, role: 'manager', locationIds: [w.lyon] };
  await handle.db.transaction((tx) =>
    changeStock(tx, {
      variantId: L().id,
      locationId: w.warehouse,
      deltaOnHand: -10,
      reason: 'adjustment',
      referenceType: 'seed',
    }),
  );
});
afterAll(() => handle.close());

async function place(fulfilment: Record<string, unknown>, sku: string, qty: number) {
  n += 1;
  const r = await ingestOrder(
    handle.db,
    web,
    ZIngestOrderInput.parse({
      externalId: `S-${n}`,
      placedAt: '2026-11-21T15:00:00Z',
      currency: 'EUR',
      customer: { email: 'scope@example.fr' },
      lines: [{ sku, quantity: qty, unitPriceCents: 1000 }],
      fulfilment,
      totals: { subtotalCents: 1000 * qty, totalCents: 1000 * qty },
    }),
  );
  return r.order.id;
}
const SHIP = { type: 'ship', address: { line1: '3 quai', postalCode: '69002', city: 'Lyon', country: 'FR' } };

/** Everything a refused action could have written: ledger, open reservations, timeline, audit, statuses. */
async function footprint() {
  const { rows } = await handle.db.execute<{ n: string }>(sql`
    select (select count(*) from inventory_movements)::text || '/' || (select count(*) from reservations where status = 'active')::text
      || '/' || (select count(*) from order_events)::text || '/' || (select count(*) from audit_log)::text
      || '/' || (select string_agg(status::text, ',' order by id) from orders)
      || '/' || (select coalesce(sum(quantity_returned), 0) from order_lines)::text as n`);
  return rows[0].n;
}

async function splitOrder() {
  const id = await place(SHIP, 'PULL-L', 15);
  const held = await handle.db
    .select({ locationId: reservations.locationId })
    .from(reservations)
    .where(and(eq(reservations.orderId, id), eq(reservations.status, 'active')));
  expect(new Set(held.map((r) => r.locationId))).toEqual(new Set([w.paris, w.lyon]));
  return id;
}

describe('split orders', () => {
  it('a Paris manager can neither ship nor cancel an order whose stock is also reserved at Lyon; nothing is written', async () => {
    const id = await splitOrder();
    const before = await footprint();
    await expect(shipOrder(handle.db, w.manager, { orderId: id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(cancelOrder(handle.db, w.manager, { orderId: id, reason: 'not mine alone' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(shipOrder(handle.db, lyonManager, { orderId: id })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await footprint()).toBe(before);
    const reservedAt = async () =>
      (await level(handle.db, L().id, w.paris)).reserved + (await level(handle.db, L().id, w.lyon)).reserved;
    expect(await reservedAt()).toBe(15);

    // A manager of both stores may: the rule is every location, not the owner only.
    const both: Actor = { ...w.manager, locationIds: [w.paris, w.lyon] };
    await shipOrder(handle.db, both, { orderId: id });
    expect(await reservedAt()).toBe(0);
    expect((await level(handle.db, L().id, w.paris)).onHand + (await level(handle.db, L().id, w.lyon)).onHand).toBe(5);
  });
});

describe('agents', () => {
  it('may cancel but not ship; a refused ship writes nothing', async () => {
    const ship = await place(SHIP, 'PULL-M', 1);
    const before = await footprint();
    await expect(shipOrder(handle.db, w.agent, { orderId: ship })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await footprint()).toBe(before);
    await cancelOrder(handle.db, w.agent, { orderId: ship, reason: 'customer on the phone' });
    expect((await handle.db.select({ s: orders.status }).from(orders).where(eq(orders.id, ship)))[0].s).toBe(
      'cancelled',
    );
  });

  it('may take a return without restock, not with one', async () => {
    const id = await place(SHIP, 'PULL-M', 2);
    await shipOrder(handle.db, w.owner, { orderId: id });
    const [line] = await handle.db.select().from(orderLines).where(eq(orderLines.orderId, id));
    const parisM = await level(handle.db, w.skus[1].id, w.paris);
    const before = await footprint();
    await expect(
      returnOrder(handle.db, w.agent, {
        orderId: id,
        locationId: w.paris,
        reason: 'wrong size',
        lines: [{ lineId: line.id, quantity: 1, restock: true }],
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await footprint()).toBe(before);
    await returnOrder(handle.db, w.agent, {
      orderId: id,
      locationId: w.paris,
      reason: 'damaged',
      lines: [{ lineId: line.id, quantity: 1, restock: false }],
    });
    expect(await level(handle.db, w.skus[1].id, w.paris)).toEqual(parisM);
  });
});

describe('returns', () => {
  it("a form's restock=false means false: the units are refunded, not put back on hand", async () => {
    const id = await place(SHIP, 'PULL-M', 1);
    await shipOrder(handle.db, w.owner, { orderId: id });
    const [line] = await handle.db.select().from(orderLines).where(eq(orderLines.orderId, id));
    const input = ZReturnOrderInput.parse({
      orderId: id,
      locationId: w.paris,
      reason: 'damaged',
      lines: [{ lineId: line.id, quantity: '1', restock: 'false' }],
    });
    expect(input.lines[0].restock).toBe(false);
    expect(
      ZReturnOrderInput.parse({ ...input, lines: [{ lineId: line.id, quantity: 1, restock: 'on' }] }).lines[0].restock,
    ).toBe(true);
    expect(ZReturnOrderInput.parse({ ...input, lines: [{ lineId: line.id, quantity: 1 }] }).lines[0].restock).toBe(
      false,
    );
    expect(() =>
      ZReturnOrderInput.parse({ ...input, lines: [{ lineId: line.id, quantity: 1, restock: 'maybe' }] }),
    ).toThrow();
    const parisM = await level(handle.db, w.skus[1].id, w.paris);
    await returnOrder(handle.db, w.manager, input);
    expect(await level(handle.db, w.skus[1].id, w.paris)).toEqual(parisM);
  });

  it('a Lyon manager takes no return at Paris, and restocks only at Lyon', async () => {
    const id = await place(SHIP, 'PULL-M', 2);
    await shipOrder(handle.db, w.owner, { orderId: id });
    const [line] = await handle.db.select().from(orderLines).where(eq(orderLines.orderId, id));
    const before = await footprint();
    await expect(
      returnOrder(handle.db, lyonManager, {
        orderId: id,
        locationId: w.paris,
        reason: 'wrong size',
        lines: [{ lineId: line.id, quantity: 1, restock: false }],
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await footprint()).toBe(before);
    const lyonM = await level(handle.db, w.skus[1].id, w.lyon);
    await returnOrder(handle.db, lyonManager, {
      orderId: id,
      locationId: w.lyon,
      reason: 'wrong size',
      lines: [{ lineId: line.id, quantity: 1, restock: true }],
    });
    expect((await level(handle.db, w.skus[1].id, w.lyon)).onHand).toBe(lyonM.onHand + 1);
  });
});

describe('the order page', () => {
  it('opens for the managers of the locations an order is served from, the owner and an agent; not for another store', async () => {
    const paris = await place({ type: 'pickup', locationCode: 'PAR' }, 'PULL-M', 1);
    await expect(getOrderForActor(handle.db, lyonManager, paris)).rejects.toMatchObject({ code: 'forbidden' });
    for (const actor of [w.manager, w.owner, w.agent])
      expect((await getOrderForActor(handle.db, actor, paris)).id).toBe(paris);
  });

  it('is missing (404) for an unknown or malformed id, before any scope is judged', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id', "1' or '1'='1"]) {
      await expect(getOrderForActor(handle.db, lyonManager, id)).rejects.toMatchObject({ code: 'not_found' });
    }
  });
});
