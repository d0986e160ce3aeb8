import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels, customers, orders, pickups } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { mergeCustomers, undoMerge } from '@/lib/customers/merge';
import { eraseCustomer } from '@/lib/customers/privacy';
import { updateCustomerContact } from '@/lib/customers/update-customer-contact';
import { Forbidden } from '@/lib/errors';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { SEED_INVARIANTS } from '@/lib/seed/invariants';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { formatPickupCode } from './code';
import { collectPickup } from './collect-pickup';
import { foldText, lookupReadyPickups, parseLookup } from './lookup';
import { markReady } from './mark-ready';

let handle: DbHandle;
let w: InventoryWorld;
let web: typeof channels.$inferSelect;
let n = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 50 });
  [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web' }).returning();
});
afterAll(() => handle.close());

/** An order for pickup at a store, made ready: its number, pickup and code. */
async function ready(firstName: string, lastName: string, store = 'PAR') {
  n += 1;
  const r = await ingestOrder(
    handle.db,
    web,
    ZIngestOrderInput.parse({
      externalId: `L-${n}`,
      placedAt: '2026-12-02T08:00:00Z',
      currency: 'EUR',
      customer: { email: `l${n}@example.fr`, firstName, lastName },
      lines: [
        { sku: 'PULL-M', quantity: 2, unitPriceCents: 5000 },
        { sku: 'PULL-S', quantity: 1, unitPriceCents: 5000 },
      ],
      fulfilment: { type: 'pickup', locationCode: store },
      totals: { subtotalCents: 15000, totalCents: 15000 },
    }),
  );
  const [p] = await handle.db.select().from(pickups).where(eq(pickups.orderId, r.order.id));
  const actor = store === 'PAR' ? w.manager : w.owner;
  const m = await markReady(handle.db, actor, { pickupId: p.id }, new Date('2026-12-02T10:00:00Z'));
  const [o] = await handle.db.select({ customerId: orders.customerId }).from(orders).where(eq(orders.id, r.order.id));
  return { number: r.order.number, pickupId: p.id, code: m.pickup.code!, customerId: o.customerId! };
}

describe('parseLookup', () => {
  it('tells a code, an order number and a name apart', () => {
    expect(parseLookup('482 913')).toEqual({ kind: 'code', value: '482913' });
    expect(parseLookup(' 482913 ')).toEqual({ kind: 'code', value: '482913' });
    expect(parseLookup('https://shop.example/track/abc?code=482913')).toEqual({ kind: 'code', value: '482913' });
    expect(parseLookup('http://localhost:3000/pickup/482913')).toEqual({ kind: 'code', value: '482913' });
    expect(parseLookup('CMP-100123')).toEqual({ kind: 'order', value: 'CMP-100123' });
    expect(parseLookup('cmp100123')).toEqual({ kind: 'order', value: 'CMP-100123' });
    expect(parseLookup('10012')).toEqual({ kind: 'order', value: '10012' });
    expect(parseLookup('Lefèvre')).toEqual({ kind: 'name', value: 'lefevre' });
    expect(parseLookup('  ')).toBeNull();
    expect(parseLookup('a')).toBeNull();
    expect(foldText('ŒUVRE  Élodie')).toBe('oeuvre elodie');
  });
});

describe('lookupReadyPickups', () => {
  it('finds a store’s ready parcels by code, order number and accent-free name, for its own staff only', async () => {
    const a = await ready('Hélène', 'Lefèvre');
    const b = await ready('Marc', 'Dubois');
    const c = await ready('Élodie', 'Lefebvre');
    const lyon = await ready('Hélène', 'Lefèvre', 'LYS');
    const find = (q: string, actor = w.manager, locationId = w.paris) =>
      lookupReadyPickups(handle.db, actor, { locationId, q });

    const byCode = await find(formatPickupCode(a.code));
    expect(byCode.query).toEqual({ kind: 'code', value: a.code });
    expect(byCode.pickups).toMatchObject([
      {
        pickupId: a.pickupId,
        orderNumber: a.number,
        customerName: 'Hélène Lefèvre',
        code: a.code,
        match: 'code',
        lines: [
          { sku: 'PULL-M', quantity: 2 },
          { sku: 'PULL-S', quantity: 1 },
        ],
      },
    ]);
    expect((await find(a.code)).pickups.map((p) => p.pickupId)).toEqual([a.pickupId]);

    expect((await find(b.number)).pickups.map((p) => p.pickupId)).toEqual([b.pickupId]);
    expect((await find(b.number.toLowerCase().replace('-', ''))).pickups.map((p) => p.pickupId)).toEqual([b.pickupId]);
    const digits = b.number.replace(/\D/g, '');
    expect((await find(digits)).pickups.map((p) => p.pickupId)).toEqual([b.pickupId]);
    // A prefix finds every number it starts, the exact one first.
    const prefix = await find(b.number.slice(0, -1));
    expect(prefix.pickups.map((p) => p.pickupId).sort()).toEqual(
      [a, b, c]
        .filter((x) => x.number.startsWith(b.number.slice(0, -1)))
        .map((x) => x.pickupId)
        .sort(),
    );

    expect((await find('lefevre')).pickups.map((p) => p.pickupId)).toEqual([a.pickupId]);
    expect((await find('LEFÈVRE')).pickups.map((p) => p.pickupId)).toEqual([a.pickupId]);
    expect((await find('helene')).pickups.map((p) => p.pickupId)).toEqual([a.pickupId]);
    // Names starting with it first, then a word starting with it, then containing it.
    expect((await find('lef')).pickups.map((p) => p.pickupId).sort()).toEqual([a.pickupId, c.pickupId].sort());
    expect((await find('elodie')).pickups.map((p) => p.pickupId)).toEqual([c.pickupId]);
    expect((await find('bois')).pickups.map((p) => p.pickupId)).toEqual([b.pickupId]);
    expect((await find('100%')).pickups).toEqual([]);

    // Lyon's parcel is not at Paris, and Paris's manager may not look at Lyon.
    expect((await find(lyon.code)).pickups.map((p) => p.pickupId)).not.toContain(lyon.pickupId);
    await expect(find(lyon.code, w.manager, w.lyon)).rejects.toBeInstanceOf(Forbidden);
    await expect(find(lyon.code, w.agent, w.lyon)).rejects.toBeInstanceOf(Forbidden);
    expect((await find(lyon.code, w.owner, w.lyon)).pickups.map((p) => p.pickupId)).toEqual([lyon.pickupId]);

    // Once collected, a parcel is no longer at the counter.
    await collectPickup(handle.db, w.manager, { pickupId: a.pickupId, code: a.code });
    expect((await find(a.code)).pickups).toEqual([]);
  });

  it('matches a name as customers.search_name folds it, letters without a decomposition included', async () => {
    const d = await ready('Łukasz', 'Strauß');
    const find = async (q: string) =>
      (await lookupReadyPickups(handle.db, w.manager, { locationId: w.paris, q })).pickups.map((p) => p.pickupId);
    expect(await find('lukasz')).toEqual([d.pickupId]);
    expect(await find('Łukasz')).toEqual([d.pickupId]);
    expect(await find('STRAUSS')).toEqual([d.pickupId]);
    expect(await find('strauß')).toEqual([d.pickupId]);
  });
});

describe('the name and number the counter matches, kept on the pickup', () => {
  const find = async (q: string) =>
    (await lookupReadyPickups(handle.db, w.manager, { locationId: w.paris, q })).pickups.map((p) => p.pickupId).sort();
  /** Pickups whose order number or folded name is not their order's and customer's. */
  const drift = async () =>
    (await handle.db.execute(sql.raw(SEED_INVARIANTS['pickups carry their order’s number and customer’s folded name'])))
      .rows;
  const contact = (customerId: string, firstName: string, lastName: string) => ({
    customerId,
    firstName,
    lastName,
    email: null,
    phone: null,
    marketingEmail: false,
    marketingSms: false,
    tags: [],
  });

  it('follows the customer renamed, merged, the merge undone, and erased', async () => {
    const a = await ready('Odile', 'Marchand');
    const b = await ready('Gaspard', 'Vautrin');
    expect(await drift()).toEqual([]);

    await updateCustomerContact(handle.db, w.agent, contact(a.customerId, 'Odile', 'Fauchard'));
    expect(await find('marchand')).toEqual([]);
    expect(await find('fauchard')).toEqual([a.pickupId]);

    // Gaspard's order moves to Odile, who takes his last name: both parcels are Odile Vautrin's now.
    const merge = await mergeCustomers(handle.db, w.agent, {
      survivorId: a.customerId,
      mergedId: b.customerId,
      fields: { lastName: 'merged' },
    });
    expect(await find('gaspard')).toEqual([]);
    expect(await find('fauchard')).toEqual([]);
    expect(await find('odile vautrin')).toEqual([a.pickupId, b.pickupId].sort());
    expect(await drift()).toEqual([]);

    await undoMerge(handle.db, w.agent, { mergeId: merge.mergeId });
    expect(await find('gaspard')).toEqual([b.pickupId]);
    expect(await find('fauchard')).toEqual([a.pickupId]);
    expect(await find('vautrin')).toEqual([b.pickupId]);
    expect(await drift()).toEqual([]);

    await eraseCustomer(handle.db, w.owner, { customerId: a.customerId, confirmation: 'ERASE' });
    expect(await find('odile')).toEqual([]);
    expect(await find('fauchard')).toEqual([]);
    const [kept] = await handle.db
      .select({ searchName: pickups.searchName })
      .from(pickups)
      .where(eq(pickups.id, a.pickupId));
    expect(kept.searchName?.trim()).toBe('');
    // The parcel is still found by its code and number.
    expect(await find(a.code)).toEqual([a.pickupId]);
    expect(await find(a.number)).toEqual([a.pickupId]);
    expect(await drift()).toEqual([]);
  });

  it('is filled in for a pickup written without it, and stays empty without a customer', async () => {
    const a = await ready('Yvette', 'Horner');
    const [order] = await handle.db.select().from(orders).where(eq(orders.number, a.number));
    // As the readable ingestion, the bench or a fixture writes a pickup: without number nor name.
    await handle.db.delete(pickups).where(eq(pickups.id, a.pickupId));
    const [again] = await handle.db
      .insert(pickups)
      .values({ orderId: order.id, locationId: w.paris, state: 'placed', placedAt: new Date() })
      .returning();
    expect(again).toMatchObject({ orderNumber: a.number, searchName: 'yvette horner' });
    await handle.db.delete(pickups).where(eq(pickups.id, again.id));
    await handle.db.update(orders).set({ customerId: null }).where(eq(orders.id, order.id));
    const [guest] = await handle.db
      .insert(pickups)
      .values({ orderId: order.id, locationId: w.paris, state: 'placed', placedAt: new Date() })
      .returning();
    expect(guest).toMatchObject({ orderNumber: a.number, searchName: null });
    await handle.db.update(orders).set({ customerId: a.customerId }).where(eq(orders.id, order.id));
    const [named] = await handle.db
      .select({ searchName: pickups.searchName, customer: customers.searchName })
      .from(pickups)
      .innerJoin(customers, eq(customers.id, a.customerId))
      .where(eq(pickups.id, guest.id));
    expect(named).toEqual({ searchName: 'yvette horner', customer: 'yvette horner' });
    expect(await drift()).toEqual([]);
  });
});
