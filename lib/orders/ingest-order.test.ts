import { readKpiTotals } from '@/lib/kpis/read';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels, customerIdentities, customers, locations, orders, pickups, reservations } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { setChannelCap } from '@/lib/inventory/availability';
import { findDrift } from '@/lib/inventory/invariants';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { ingestOrder } from './ingest-order';
import { ZIngestOrderInput, type IngestOrderInput } from './schemas';

let handle: DbHandle;
let w: InventoryWorld;
let web: typeof channels.$inferSelect;
let market: typeof channels.$inferSelect;
let noSplit: typeof channels.$inferSelect;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db);
  const rows = await handle.db
    .insert(channels)
    .values([
      { code: 'web', name: 'Web', kind: 'web', allowSplitShipments: true },
      { code: 'amazon', name: 'Amazon', kind: 'marketplace', allowBackorders: true },
      { code: 'shop', name: 'Shop (no split)', kind: 'web' },
    ])
    .returning();
  [web, market, noSplit] = rows;
});
afterAll(() => handle.close());

let n = 0;
function order(over: Partial<IngestOrderInput> & { qty?: number; sku?: string } = {}): IngestOrderInput {
  const qty = over.qty ?? 1;
  n += 1;
  return ZIngestOrderInput.parse({
    externalId: `EXT-${n}`,
    placedAt: '2026-11-20T10:00:00Z',
    currency: 'EUR',
    customer: { email: 'Claire.Martin@example.fr', phone: '06 12 34 56 78', firstName: 'Claire', lastName: 'Martin' },
    lines: [{ sku: over.sku ?? 'PULL-S', quantity: qty, unitPriceCents: 5900 }],
    fulfilment: {
      type: 'ship',
      address: { line1: '1 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' },
    },
    totals: {
      subtotalCents: 5900 * qty,
      discountCents: 0,
      shippingCents: 0,
      taxCents: Math.round((5900 * qty) / 6),
      totalCents: 5900 * qty,
    },
    ...over,
  });
}

describe('ingestOrder', () => {
  it('creates the order, reserves at the warehouse first, records customer, timeline and KPIs', async () => {
    const input = order({ qty: 2 });
    const result = await ingestOrder(handle.db, web, input);
    expect(result.created).toBe(true);
    expect(result.order).toMatchObject({ externalId: input.externalId, status: 'placed' });
    expect(result.order.number).toMatch(/^CMP-\d+$/);
    expect(await level(handle.db, w.skus[0].id, w.warehouse)).toEqual({ onHand: 10, reserved: 2 });

    const [o] = await handle.db.select().from(orders).where(eq(orders.id, result.order.id));
    const [c] = await handle.db.select().from(customers).where(eq(customers.id, o.customerId!));
    expect(c).toMatchObject({
      email: 'claire.martin@example.fr',
      phone: '+33612345678',
      orderCount: 1,
      lifetimeValueCents: 11800,
    });
    const k = await readKpiTotals(handle.db, { day: '2026-11-20', channelId: web.id, locationId: null });
    expect(k).toMatchObject({ orders: 1, revenueCents: 11800, units: 2 });
    expect(await readKpiTotals(handle.db, { channelId: web.id })).toMatchObject({ orders: 1 });
    expect(await findDrift(handle.db)).toEqual([]);
  });

  it('returns the first result on a replay and writes nothing', async () => {
    const input = order();
    const first = await ingestOrder(handle.db, web, input);
    const count = async () =>
      (await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from orders`)).rows[0].n;
    const before = await count();
    const replay = await ingestOrder(handle.db, web, input);
    expect(replay).toEqual({ created: false, order: first.order });
    expect(await count()).toBe(before);
  });

  it('matches a returning customer by phone and adds the new identities', async () => {
    const r = await ingestOrder(
      handle.db,
      market,
      order({ customer: { phone: '+33 6 12 34 56 78', buyerId: 'AMZ-42' } }),
    );
    const [o] = await handle.db.select({ customerId: orders.customerId }).from(orders).where(eq(orders.id, r.order.id));
    const ids = await handle.db
      .select()
      .from(customerIdentities)
      .where(eq(customerIdentities.customerId, o.customerId!));
    expect(ids.map((i) => `${i.kind}:${i.scope}:${i.value}`).sort()).toEqual([
      'buyer_id:amazon:AMZ-42',
      'email::claire.martin@example.fr',
      'phone::+33612345678',
    ]);
  });

  it('refuses an order it cannot fill, naming the SKUs and leaving no trace', async () => {
    const before = await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from orders`);
    const input = order({
      lines: [
        { sku: 'PULL-M', quantity: 1, unitPriceCents: 100 },
        { sku: 'PULL-L', quantity: 99, unitPriceCents: 100 },
      ],
      totals: { subtotalCents: 10000, discountCents: 0, shippingCents: 0, taxCents: 0, totalCents: 10000 },
    });
    await expect(ingestOrder(handle.db, noSplit, input)).rejects.toMatchObject({
      code: 'out_of_stock',
      details: { skus: ['PULL-L'] },
    });
    expect((await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from orders`)).rows[0].n).toBe(
      before.rows[0].n,
    );
    expect(await level(handle.db, w.skus[1].id, w.warehouse)).toEqual({ onHand: 10, reserved: 0 });
    expect(await findDrift(handle.db)).toEqual([]);
  });

  it('splits a ship line across locations only when the channel allows it', async () => {
    const r = await ingestOrder(handle.db, web, order({ sku: 'PULL-L', qty: 15 }));
    const res = await handle.db.select().from(reservations).where(eq(reservations.orderId, r.order.id));
    expect(res.map((x) => x.quantity).sort((a, b) => b - a)).toEqual([10, 5]);
    await expect(ingestOrder(handle.db, noSplit, order({ sku: 'PULL-L', qty: 12 }))).rejects.toMatchObject({
      code: 'out_of_stock',
    });
  });

  it('accepts as backordered when the channel allows backorders', async () => {
    const r = await ingestOrder(handle.db, market, order({ sku: 'PULL-M', qty: 500 }));
    expect(r.order.status).toBe('backordered');
  });

  it('reserves a pickup at its store and opens its pickup; sells at once in store', async () => {
    const p = await ingestOrder(handle.db, web, order({ fulfilment: { type: 'pickup', locationCode: 'par' } }));
    expect(await level(handle.db, w.skus[0].id, w.paris)).toEqual({ onHand: 10, reserved: 1 });
    const [pickup] = await handle.db.select().from(pickups).where(eq(pickups.orderId, p.order.id));
    expect(pickup).toMatchObject({ state: 'placed', locationId: w.paris, code: null });

    const s = await ingestOrder(
      handle.db,
      web,
      order({ fulfilment: { type: 'in_store', locationCode: 'LYS' }, qty: 3 }),
    );
    expect(s.order.status).toBe('completed');
    expect(await level(handle.db, w.skus[0].id, w.lyon)).toEqual({ onHand: 7, reserved: 0 });
    const k = await readKpiTotals(handle.db, { channelId: web.id, locationId: w.paris });
    expect(k).toMatchObject({ orders: 1, pickupOrders: 1 });
    expect(await findDrift(handle.db)).toEqual([]);
  });

  it('refuses unknown SKUs and locations, and a pickup where there is none', async () => {
    await expect(ingestOrder(handle.db, web, order({ sku: 'NOPE' }))).rejects.toMatchObject({ code: 'unprocessable' });
    await expect(
      ingestOrder(handle.db, web, order({ fulfilment: { type: 'pickup', locationCode: 'XXX' } })),
    ).rejects.toMatchObject({
      code: 'unprocessable',
    });
    await expect(
      ingestOrder(handle.db, web, order({ fulfilment: { type: 'pickup', locationCode: 'WH' } })),
    ).rejects.toThrow(/click-and-collect/);
    // A store that paused click-and-collect takes no new pickup, and stays paused for nothing else.
    await handle.db.update(locations).set({ pickupPaused: true }).where(eq(locations.code, 'LYS'));
    try {
      await expect(
        ingestOrder(handle.db, web, order({ fulfilment: { type: 'pickup', locationCode: 'LYS' } })),
      ).rejects.toThrow('Location "LYS" has paused click-and-collect.');
    } finally {
      await handle.db.update(locations).set({ pickupPaused: false }).where(eq(locations.code, 'LYS'));
    }
  });

  it('validates totals against the lines', () => {
    const bad = {
      ...order(),
      totals: { subtotalCents: 1, discountCents: 0, shippingCents: 0, taxCents: 0, totalCents: 1 },
    };
    const parsed = ZIngestOrderInput.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['totals.subtotalCents']);
  });
});

describe('ingestOrder, line by line', () => {
  let db: DbHandle;
  let world: InventoryWorld;
  let shop: typeof channels.$inferSelect;
  let capped: typeof channels.$inferSelect;

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await makeInventoryWorld(db.db);
    [shop, capped] = await db.db
      .insert(channels)
      .values([
        { code: 'web', name: 'Web', kind: 'web' },
        { code: 'zalando', name: 'Zalando', kind: 'marketplace' },
      ])
      .returning();
  });
  afterAll(() => db.close());

  const pickupAtLyon = (externalId: string, quantities: number[]) =>
    ZIngestOrderInput.parse({
      externalId,
      placedAt: '2026-11-21T09:00:00Z',
      currency: 'EUR',
      lines: quantities.map((quantity) => ({ sku: 'PULL-S', quantity, unitPriceCents: 1000 })),
      fulfilment: { type: 'pickup', locationCode: 'LYS' },
      totals: {
        subtotalCents: 1000 * quantities.reduce((a, q) => a + q, 0),
        totalCents: 1000 * quantities.reduce((a, q) => a + q, 0),
      },
    });

  it('takes two lines of one SKU from one row: both or neither', async () => {
    await expect(ingestOrder(db.db, shop, pickupAtLyon('TWO-0', [6, 5]))).rejects.toMatchObject({
      code: 'out_of_stock',
      details: { skus: ['PULL-S'] },
    });
    expect(await level(db.db, world.skus[0].id, world.lyon)).toEqual({ onHand: 10, reserved: 0 });

    const r = await ingestOrder(db.db, shop, pickupAtLyon('TWO-1', [6, 4]));
    expect(r.order.status).toBe('placed');
    expect(await level(db.db, world.skus[0].id, world.lyon)).toEqual({ onHand: 10, reserved: 10 });
    const held = await db.db.select().from(reservations).where(eq(reservations.orderId, r.order.id));
    expect(held.map((h) => h.quantity).sort()).toEqual([4, 6]);
    expect(new Set(held.map((h) => h.orderLineId)).size).toBe(2);
    expect(await findDrift(db.db)).toEqual([]);
  });

  it('writes nothing of an order the stock refuses, not even its number', async () => {
    const lastNumber = async () =>
      (await db.db.execute<{ n: string }>(sql`select last_value::text as n from order_number_seq`)).rows[0].n;
    const before = await lastNumber();
    // Lyon's 10 PULL-S are all held: the claim fails in the write statement itself.
    await expect(ingestOrder(db.db, shop, pickupAtLyon('TWO-2', [1]))).rejects.toMatchObject({ code: 'out_of_stock' });
    expect(await lastNumber()).toBe(before);
    const { rows } = await db.db.execute<{ n: number }>(
      sql`select count(*)::int as n from orders where external_id = 'TWO-2'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('answers a replay with the first order even when it could no longer be filled', async () => {
    const again = await ingestOrder(db.db, shop, pickupAtLyon('TWO-1', [6, 4]));
    expect(again.created).toBe(false);
    expect(await level(db.db, world.skus[0].id, world.lyon)).toEqual({ onHand: 10, reserved: 10 });
  });

  it('gives a ring-fenced channel no more than its cap, whatever the stock', async () => {
    await setChannelCap(db.db, world.owner, { channelId: capped.id, variantId: world.skus[1].id, maxUnits: 2 });
    const ship = (externalId: string, quantity: number) =>
      ZIngestOrderInput.parse({
        externalId,
        placedAt: '2026-11-21T09:00:00Z',
        currency: 'EUR',
        lines: [{ sku: 'PULL-M', quantity, unitPriceCents: 1000 }],
        fulfilment: {
          type: 'ship',
          address: { line1: '1 rue Neuve', postalCode: '69001', city: 'Lyon', country: 'FR' },
        },
        totals: { subtotalCents: 1000 * quantity, totalCents: 1000 * quantity },
      });
    await expect(ingestOrder(db.db, capped, ship('CAP-1', 3))).rejects.toMatchObject({ code: 'out_of_stock' });
    expect((await ingestOrder(db.db, capped, ship('CAP-2', 2))).created).toBe(true);
    await expect(ingestOrder(db.db, capped, ship('CAP-3', 1))).rejects.toMatchObject({ code: 'out_of_stock' });
    // Other channels are not held back by it.
    expect((await ingestOrder(db.db, shop, ship('CAP-4', 5))).created).toBe(true);
    expect(await findDrift(db.db)).toEqual([]);
  });
});
