import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { cancelOrder } from '@/lib/orders/cancel-order';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { adjustStock } from './adjust-stock';
import { getAvailability, listChannelLimits, setChannelCap } from './availability';
import { ZSetChannelCapInput } from './schemas';

let handle: DbHandle;
let w: InventoryWorld;
let marketplace: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db);
  await adjustStock(handle.db, w.owner, {
    variantId: w.skus[0].id,
    locationId: w.lyon,
    mode: 'set',
    quantity: 2,
    reason: 'count_correction',
  });
  const [c] = await handle.db
    .insert(channels)
    .values({ code: 'amazon', name: 'Amazon', kind: 'marketplace' })
    .returning({ id: channels.id });
  marketplace = c.id;
});
afterAll(() => handle.close());

describe('getAvailability', () => {
  it('answers per location, or for one location', async () => {
    expect(await getAvailability(handle.db, { sku: 'pull-s' })).toEqual({
      sku: 'PULL-S',
      total: 22,
      locations: [
        { code: 'LYS', available: 2 },
        { code: 'PAR', available: 10 },
        { code: 'WH', available: 10 },
      ],
    });
    expect(await getAvailability(handle.db, { sku: 'PULL-S', locationCode: 'LYS' })).toEqual({
      sku: 'PULL-S',
      total: 2,
      locations: [{ code: 'LYS', available: 2 }],
    });
    expect(await getAvailability(handle.db, { sku: 'NOPE' })).toBeNull();
  });

  it('honours a channel cap, and only for that channel', async () => {
    await setChannelCap(handle.db, w.owner, { channelId: marketplace, variantId: w.skus[0].id, maxUnits: 5 });
    const capped = await getAvailability(handle.db, { sku: 'PULL-S', channelId: marketplace });
    expect(capped?.total).toBe(5);
    expect((await getAvailability(handle.db, { sku: 'PULL-M', channelId: marketplace }))?.total).toBe(30);
    expect((await getAvailability(handle.db, { sku: 'PULL-S' }))?.total).toBe(22);
    await setChannelCap(handle.db, w.owner, { channelId: marketplace, variantId: w.skus[0].id, maxUnits: null });
    expect((await getAvailability(handle.db, { sku: 'PULL-S', channelId: marketplace }))?.total).toBe(22);
  });

  it('lets only owners set caps', async () => {
    await expect(
      setChannelCap(handle.db, w.manager, { channelId: marketplace, variantId: w.skus[0].id, maxUnits: 1 }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('listChannelLimits', () => {
  let web: { id: string; code: string; allowSplitShipments: boolean; allowBackorders: boolean };
  let n = 0;
  const shipOrder = (sku: string, quantity: number) =>
    ZIngestOrderInput.parse({
      externalId: `LIM-${++n}`,
      placedAt: '2026-11-20T10:00:00Z',
      currency: 'EUR',
      lines: [{ sku, quantity, unitPriceCents: 5900 }],
      fulfilment: {
        type: 'ship',
        address: { line1: '1 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' },
      },
      totals: {
        subtotalCents: 5900 * quantity,
        discountCents: 0,
        shippingCents: 0,
        taxCents: 0,
        totalCents: 5900 * quantity,
      },
    });

  beforeAll(async () => {
    const rows = await handle.db
      .insert(channels)
      .values([
        { code: 'web', name: 'Boutique en ligne', kind: 'web' },
        { code: 'old', name: 'Ancien site', kind: 'web', active: false },
      ])
      .returning();
    web = rows[0];
  });

  it('lists every active channel by name with its cap, or none, and what its active reservations hold of the SKU', async () => {
    const amazon = { id: marketplace, code: 'amazon', allowSplitShipments: false, allowBackorders: false };
    const sku = w.skus[1];
    await setChannelCap(handle.db, w.owner, { channelId: marketplace, variantId: sku.id, maxUnits: 4 });
    await ingestOrder(handle.db, amazon, shipOrder(sku.sku, 2));
    const cancelled = await ingestOrder(handle.db, amazon, shipOrder(sku.sku, 1));
    await ingestOrder(handle.db, amazon, shipOrder(w.skus[2].sku, 3)); // another SKU: not counted
    await ingestOrder(handle.db, web, shipOrder(sku.sku, 1));
    await cancelOrder(handle.db, w.owner, { orderId: cancelled.order.id, reason: 'customer changed their mind' });

    expect(await listChannelLimits(handle.db, sku.id)).toEqual([
      { channelId: marketplace, code: 'amazon', name: 'Amazon', kind: 'marketplace', maxUnits: 4, reserved: 2 },
      { channelId: web.id, code: 'web', name: 'Boutique en ligne', kind: 'web', maxUnits: null, reserved: 1 },
    ]);
    // The cap and the reservations of one SKU say nothing of another.
    expect((await listChannelLimits(handle.db, w.skus[0].id)).map((c) => [c.code, c.maxUnits, c.reserved])).toEqual([
      ['amazon', null, 0],
      ['web', null, 0],
    ]);
    await setChannelCap(handle.db, w.owner, { channelId: marketplace, variantId: sku.id, maxUnits: null });
    expect((await listChannelLimits(handle.db, sku.id))[0]).toMatchObject({ maxUnits: null, reserved: 2 });
  });
});

describe('ZSetChannelCapInput', () => {
  const ids = { channelId: '00000000-0000-4000-8000-000000000001', variantId: '00000000-0000-4000-8000-000000000002' };

  it('takes a whole number of units (typed or from a form) or null to remove the cap', () => {
    expect(ZSetChannelCapInput.parse({ ...ids, maxUnits: 12 }).maxUnits).toBe(12);
    expect(ZSetChannelCapInput.parse({ ...ids, maxUnits: ' 0 ' }).maxUnits).toBe(0);
    expect(ZSetChannelCapInput.parse({ ...ids, maxUnits: null }).maxUnits).toBeNull();
  });

  it('refuses a blank field (not a cap of 0), a negative, a fraction and a missing value', () => {
    for (const maxUnits of ['', ' ', -1, '-1', 2.5, '2.5', 1_000_001, undefined]) {
      expect(ZSetChannelCapInput.safeParse({ ...ids, maxUnits }).success, String(maxUnits)).toBe(false);
    }
  });
});
