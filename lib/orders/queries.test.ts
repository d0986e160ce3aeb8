import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { changeStock } from '@/lib/inventory/ledger';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { cancelOrder } from './cancel-order';
import { createPhoneOrder } from './create-phone-order';
import { ingestOrder } from './ingest-order';
import { findOrderDetail, listOrders } from './queries';
import { ZIngestOrderInput, ZOrderListQuery, ZPhoneOrderInput } from './schemas';

let handle: DbHandle;
let w: InventoryWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 50 });
  const [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web' }).returning();
  await handle.db.insert(channels).values({ code: 'phone', name: 'Téléphone', kind: 'phone' });
  // 60 orders over 60 hours, alternating Paris and Lyon pickups; every 10th by a known customer.
  for (let i = 0; i < 60; i++) {
    await ingestOrder(
      handle.db,
      web,
      ZIngestOrderInput.parse({
        externalId: `W-${i}`,
        placedAt: new Date(Date.UTC(2026, 10, 20, i)).toISOString(),
        currency: 'EUR',
        customer: { email: i % 10 === 0 ? 'vip@example.fr' : `c${i}@example.fr` },
        lines: [{ sku: 'PULL-S', quantity: 1, unitPriceCents: 1000 }],
        fulfilment: { type: 'pickup', locationCode: i % 2 ? 'LYS' : 'PAR' },
        totals: { subtotalCents: 1000, totalCents: 1000 },
      }),
    );
  }
});
afterAll(() => handle.close());

const q = (p: Record<string, string> = {}) => ZOrderListQuery.parse(p);

describe('listOrders', () => {
  it('pages newest first by keyset without gaps or repeats', async () => {
    const first = await listOrders(handle.db, w.owner, q());
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0].externalId).toBe('W-59');
    const second = await listOrders(handle.db, w.owner, q({ after: first.next! }));
    expect(second.rows.map((r) => r.externalId)).toEqual(Array.from({ length: 10 }, (_, i) => `W-${9 - i}`));
    expect(second.next).toBeNull();
  });

  it('filters by channel, status, location and dates, and finds by number, external id or email', async () => {
    expect((await listOrders(handle.db, w.owner, q({ location: w.lyon }))).rows).toHaveLength(30);
    expect((await listOrders(handle.db, w.owner, q({ channel: 'amazon' }))).rows).toHaveLength(0);
    expect((await listOrders(handle.db, w.owner, q({ from: '2026-11-22', to: '2026-11-22' }))).rows).toHaveLength(13);
    const vip = await listOrders(handle.db, w.owner, q({ q: 'VIP@example.fr' }));
    expect(vip.rows.map((r) => r.externalId)).toEqual(['W-50', 'W-40', 'W-30', 'W-20', 'W-10', 'W-0']);
    const one = vip.rows[0];
    expect((await listOrders(handle.db, w.owner, q({ q: one.number }))).rows.map((r) => r.id)).toEqual([one.id]);
    expect((await listOrders(handle.db, w.owner, q({ q: one.number.replace('CMP-', '') }))).rows).toHaveLength(1);
    expect((await listOrders(handle.db, w.owner, q({ q: 'W-7' }))).rows).toHaveLength(1);
    await cancelOrder(handle.db, w.owner, { orderId: one.id, reason: 'test' });
    expect((await listOrders(handle.db, w.owner, q({ status: 'cancelled' }))).rows.map((r) => r.id)).toEqual([one.id]);
  });

  it('shows a manager only the orders of their locations; ignores a forged cursor', async () => {
    const paris = await listOrders(handle.db, w.manager, q());
    expect(paris.rows.every((r) => r.locationCode === 'PAR')).toBe(true);
    expect(paris.rows).toHaveLength(30);
    expect((await listOrders(handle.db, w.owner, q({ after: 'garbage' }))).rows).toHaveLength(50);
  });

  it('shows a manager the ship orders picked at their store, not those shipped from elsewhere', async () => {
    // No PULL-L left at the warehouse and less in Lyon: a ship order for it is reserved in Paris.
    await handle.db.transaction(async (tx) => {
      await changeStock(tx, {
        variantId: w.skus[2].id,
        locationId: w.warehouse,
        deltaOnHand: -50,
        reason: 'adjustment',
      });
      await changeStock(tx, { variantId: w.skus[2].id, locationId: w.lyon, deltaOnHand: -10, reason: 'adjustment' });
    });
    const [web] = await handle.db.select().from(channels).where(eq(channels.code, 'web'));
    const ship = (externalId: string, sku: string) =>
      ingestOrder(
        handle.db,
        web,
        ZIngestOrderInput.parse({
          externalId,
          placedAt: new Date(Date.UTC(2026, 10, 25)).toISOString(),
          currency: 'EUR',
          lines: [{ sku, quantity: 2, unitPriceCents: 1000 }],
          fulfilment: {
            type: 'ship',
            address: { line1: '1 rue Neuve', postalCode: '75001', city: 'Paris', country: 'FR' },
          },
          totals: { subtotalCents: 2000, totalCents: 2000 },
        }),
      );
    const fromParis = await ship('SHIP-PAR', 'PULL-L');
    const fromWarehouse = await ship('SHIP-WH', 'PULL-M');
    const seen = (await listOrders(handle.db, w.manager, q())).rows.map((r) => r.id);
    expect(seen).toContain(fromParis.order.id);
    expect(seen).not.toContain(fromWarehouse.order.id);
    expect(seen).toHaveLength(31);
    expect((await listOrders(handle.db, w.owner, q())).rows.map((r) => r.id)).toContain(fromWarehouse.order.id);
  });
});

describe('findOrderDetail', () => {
  it('has lines, reservations, the pickup and the timeline', async () => {
    const [row] = (await listOrders(handle.db, w.owner, q({ q: 'W-3' }))).rows;
    const detail = await findOrderDetail(handle.db, row.id);
    expect(detail).toMatchObject({
      externalId: 'W-3',
      channelCode: 'web',
      locationCode: 'LYS',
      customerEmail: 'c3@example.fr',
    });
    expect(detail?.lines).toEqual([
      expect.objectContaining({ sku: 'PULL-S', quantity: 1, productName: 'Pull marin — S' }),
    ]);
    expect(detail?.reservations).toEqual([
      expect.objectContaining({ locationCode: 'LYS', quantity: 1, status: 'active' }),
    ]);
    expect(detail?.pickup?.state).toBe('placed');
    // Its tracking page's token (the order page links to /track/<token>).
    expect(detail?.pickup?.trackingToken).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(detail?.events.map((e) => e.type)).toEqual(['placed', 'reserved']);
  });
});

describe('createPhoneOrder', () => {
  const input = () =>
    ZPhoneOrderInput.parse({
      idempotencyKey: randomUUID(),
      customer: { firstName: 'Jeanne', lastName: 'Leroy', phone: '01 42 68 53 00', email: '' },
      lines: [{ sku: 'pull-m', quantity: 2 }],
      fulfilment: { type: 'pickup', locationCode: 'PAR' },
    });

  it('takes catalogue prices and goes through ingestion once per form submission', async () => {
    const form = input();
    const first = await createPhoneOrder(handle.db, w.agent, form);
    const again = await createPhoneOrder(handle.db, w.agent, form);
    expect(first.created).toBe(true);
    expect(first).toMatchObject({ totalCents: 11800, currency: 'EUR' });
    expect(again).toEqual({ created: false, order: first.order, totalCents: 11800, currency: 'EUR' });
    const detail = await findOrderDetail(handle.db, first.order.id);
    expect(detail).toMatchObject({
      channelCode: 'phone',
      totalCents: 11800,
      taxCents: 1967,
      customerPhone: '+33142685300',
    });
    expect(detail?.events[0].actorName).toBe('Agent');
  });

  it('is refused to managers', async () => {
    await expect(createPhoneOrder(handle.db, w.manager, input())).rejects.toMatchObject({ code: 'forbidden' });
  });
});
