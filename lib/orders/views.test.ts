import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, orders, products, variants } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { changeStock } from '@/lib/inventory/ledger';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { addWebChannel, type Channel } from '@/lib/testing/orders';
import { addOrderTag } from './add-order-tag';
import { cancelOrder } from './cancel-order';
import { confirmOrders } from './confirm-orders';
import { ingestOrder } from './ingest-order';
import { listOrders } from './queries';
import { returnOrder } from './return-order';
import { ZIngestOrderInput, ZOrderListQuery } from './schemas';
import { shipOrder } from './ship-order';

// The orders list's views (tabs), its search by customer, phone, SKU and product name, the tag
// filter, and the bulk confirmation's per-order results, on a real engine.

let handle: DbHandle;
let w: InventoryWorld;
let web: Channel;
let n = 0;

const SHIP = { type: 'ship', address: { line1: '3 quai', postalCode: '69002', city: 'Lyon', country: 'FR' } };

async function place(opts: {
  sku?: string;
  quantity?: number;
  fulfilment?: Record<string, unknown>;
  customer?: Record<string, string>;
  at?: string;
}) {
  n += 1;
  const r = await ingestOrder(
    handle.db,
    web,
    ZIngestOrderInput.parse({
      externalId: `V-${n}`,
      placedAt: opts.at ?? `2026-11-${String(n).padStart(2, '0')}T10:00:00Z`,
      currency: 'EUR',
      customer: opts.customer ?? { email: `v${n}@example.fr`, firstName: 'Paul', lastName: 'Durand' },
      lines: [{ sku: opts.sku ?? 'PULL-S', quantity: opts.quantity ?? 1, unitPriceCents: 1000 }],
      fulfilment: opts.fulfilment ?? SHIP,
      totals: { subtotalCents: 1000 * (opts.quantity ?? 1), totalCents: 1000 * (opts.quantity ?? 1) },
    }),
  );
  return r.order;
}

const list = (q: Record<string, string>, actor = w.owner) => listOrders(handle.db, actor, ZOrderListQuery.parse(q));
const numbers = async (q: Record<string, string>, actor = w.owner) => (await list(q, actor)).rows.map((r) => r.number);

let placedShip: { id: string; number: string };
let confirmedShip: { id: string; number: string };
let pickupLyon: { id: string; number: string };
let returned: { id: string; number: string };
let partlyReturned: { id: string; number: string };
let cancelled: { id: string; number: string };
let anna: { id: string; number: string };

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 20 });
  web = await addWebChannel(handle.db);
  placedShip = await place({});
  confirmedShip = await place({});
  await handle.db.update(orders).set({ status: 'confirmed' }).where(eq(orders.id, confirmedShip.id));
  pickupLyon = await place({ fulfilment: { type: 'pickup', locationCode: 'LYS' } });
  returned = await place({});
  await shipOrder(handle.db, w.owner, { orderId: returned.id });
  partlyReturned = await place({ quantity: 2 });
  await shipOrder(handle.db, w.owner, { orderId: partlyReturned.id });
  cancelled = await place({});
  await cancelOrder(handle.db, w.owner, { orderId: cancelled.id, reason: 'Doublon' });
  anna = await place({
    sku: 'PULL-L',
    customer: { email: 'anna@example.fr', phone: '+33612345678', firstName: 'Anna', lastName: 'Lefèvre' },
  });
  for (const order of [returned, partlyReturned]) {
    const [line] = await handle.db.query.orderLines.findMany({ where: (l, { eq }) => eq(l.orderId, order.id) });
    await returnOrder(handle.db, w.owner, {
      orderId: order.id,
      locationId: w.paris,
      reason: 'Too small',
      lines: [{ lineId: line.id, quantity: 1, restock: false }],
    });
  }
});
afterAll(() => handle.close());

describe('views', () => {
  it('To confirm holds the placed orders, To ship the confirmed ones to deliver, Pickups the open click-and-collect', async () => {
    expect(await numbers({ view: 'to_confirm' })).toEqual(
      expect.arrayContaining([placedShip.number, pickupLyon.number, anna.number]),
    );
    expect(await numbers({ view: 'to_confirm' })).not.toContain(confirmedShip.number);
    expect(await numbers({ view: 'to_ship' })).toEqual([confirmedShip.number]);
    expect(await numbers({ view: 'pickups' })).toEqual([pickupLyon.number]);
    expect(await numbers({ view: 'backordered' })).toEqual([]);
  });

  it('Returns holds the orders returned in whole and in part, newest first', async () => {
    const [row] = await handle.db
      .select({ status: orders.status })
      .from(orders)
      .where(eq(orders.id, partlyReturned.id));
    expect(row.status).toBe('shipped');
    expect(await numbers({ view: 'returns' })).toEqual([partlyReturned.number, returned.number]);
    // Oldest first, and with another filter: each branch takes it.
    expect(await numbers({ view: 'returns', dir: 'asc' })).toEqual([returned.number, partlyReturned.number]);
    expect(await numbers({ view: 'returns', status: 'returned' })).toEqual([returned.number]);
  });

  it('a view keeps a manager to their locations', async () => {
    expect(await numbers({ view: 'pickups' }, w.manager)).toEqual([]);
    const lyon = { ...w.manager, locationIds: [w.lyon] };
    expect(await numbers({ view: 'pickups' }, lyon)).toEqual([pickupLyon.number]);
  });

  it('an unknown view is no view', async () => {
    expect((await list({ view: 'nope' })).rows.length).toBe(n);
  });
});

describe('search', () => {
  it('finds the orders of a customer by name, typo and all, and by phone in any format', async () => {
    expect(await numbers({ q: 'Anna Lefèvre' })).toEqual([anna.number]);
    expect(await numbers({ q: 'anna lefevre' })).toEqual([anna.number]);
    expect(await numbers({ q: '06 12 34 56 78' })).toEqual([anna.number]);
    expect(await numbers({ q: '+33 6 12 34 56 78' })).toEqual([anna.number]);
  });

  it('finds orders by SKU (whole or its start) and by product name', async () => {
    expect(await numbers({ q: 'PULL-L' })).toEqual([anna.number]);
    expect(await numbers({ q: 'pull-l' })).toEqual([anna.number]);
    expect((await numbers({ q: 'PULL-' })).length).toBe(n);
    expect((await numbers({ q: 'Pull marin' })).length).toBe(n);
    expect((await numbers({ q: 'pul marin' })).length).toBe(n);
    expect(await numbers({ q: 'Chaussette' })).toEqual([]);
  });

  it('still finds by number, channel reference and email', async () => {
    expect(await numbers({ q: anna.number })).toEqual([anna.number]);
    expect(await numbers({ q: 'V-7' })).toEqual([anna.number]);
    expect(await numbers({ q: 'anna@example.fr' })).toEqual([anna.number]);
  });

  it("a manager's search by customer stays within their locations", async () => {
    expect(await numbers({ q: 'Anna Lefèvre' }, w.manager)).toEqual([]);
  });

  it('finds a product as the inventory does: accents, case and typos aside', async () => {
    const [product] = await handle.db
      .insert(products)
      .values({ name: 'Marinière côtelée Étretat', brand: 'Armor', category: 'Knitwear' })
      .returning({ id: products.id });
    const [variant] = await handle.db
      .insert(variants)
      .values({
        productId: product.id,
        sku: 'MAR-ECR-M',
        barcode: '3760120000024',
        title: 'Écru / M',
        priceCents: 7900,
        costCents: 3000,
      })
      .returning({ id: variants.id });
    await handle.db.transaction((tx) =>
      changeStock(tx, { variantId: variant.id, locationId: w.warehouse, deltaOnHand: 5, reason: 'receipt' }),
    );
    const mariniere = await place({ sku: 'MAR-ECR-M' });
    expect(await numbers({ q: 'Marinière' })).toEqual([mariniere.number]);
    expect(await numbers({ q: 'mariniere' })).toEqual([mariniere.number]);
    expect(await numbers({ q: 'MARINIERE COTELEE' })).toEqual([mariniere.number]);
    expect(await numbers({ q: 'etretat' })).toEqual([mariniere.number]);
    expect(await numbers({ q: 'mariniere cotlee' })).toEqual([mariniere.number]);
    expect(await numbers({ q: 'mar-ecr' })).toEqual([mariniere.number]);
    // A scanned barcode is all digits, as an order number is: it finds both.
    expect(await numbers({ q: '3760120000024' })).toEqual([mariniere.number]);
    // Its words do not name the pull's orders, nor the pull's its.
    expect(await numbers({ q: 'Pull marin' })).not.toContain(mariniere.number);
  });
});

describe('tags', () => {
  it('filters the list by a tag, whatever its case', async () => {
    await addOrderTag(handle.db, w.agent, { orderId: anna.id, tag: 'VIP ' });
    expect(await numbers({ tag: 'vip' })).toEqual([anna.number]);
    expect(await numbers({ tag: 'VIP' })).toEqual([anna.number]);
    expect((await list({ q: anna.number })).rows[0].tags).toEqual(['vip']);
    expect(await numbers({ tag: 'gift' })).toEqual([]);
  });
});

describe('bulk confirmation', () => {
  it('confirms what it may and says, order by order, why the others were not', async () => {
    const fresh = await place({});
    const lyonPickup = await place({ fulfilment: { type: 'pickup', locationCode: 'LYS' } });
    const parisPickup = await place({ fulfilment: { type: 'pickup', locationCode: 'PAR' } });
    const auditBefore = (await handle.db.select().from(auditLog)).length;

    const results = await confirmOrders(handle.db, w.manager, [parisPickup.id, lyonPickup.id, cancelled.id]);
    expect(results).toEqual([
      { orderId: parisPickup.id, number: parisPickup.number, outcome: 'done' },
      // Another store's order: refused, and its number is not told.
      { orderId: lyonPickup.id, number: null, outcome: 'refused', code: 'forbidden', status: undefined },
      { orderId: cancelled.id, number: null, outcome: 'refused', code: 'forbidden', status: undefined },
    ]);

    const owner = await confirmOrders(handle.db, w.owner, [fresh.id, cancelled.id, parisPickup.id]);
    expect(owner).toEqual([
      { orderId: fresh.id, number: fresh.number, outcome: 'done' },
      {
        orderId: cancelled.id,
        number: cancelled.number,
        outcome: 'refused',
        code: 'illegal_transition',
        status: 'cancelled',
      },
      { orderId: parisPickup.id, number: parisPickup.number, outcome: 'unchanged' },
    ]);
    const statuses = await handle.db
      .select({ id: orders.id, status: orders.status })
      .from(orders)
      .where(eq(orders.id, lyonPickup.id));
    expect(statuses[0].status).toBe('placed');
    expect((await handle.db.select().from(auditLog)).length).toBe(auditBefore);
  });
});
