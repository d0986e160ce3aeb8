import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels, pickups } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { Forbidden } from '@/lib/errors';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
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
  return { number: r.order.number, pickupId: p.id, code: m.pickup.code! };
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
