import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels, locations } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { findCustomerProfile } from '@/lib/customers/queries';
import type { Locale } from '@/lib/i18n/config';
import { listChannelLimits } from '@/lib/inventory/availability';
import { getCountReview, listCounts, startCount } from '@/lib/inventory/counts';
import { listLocations } from '@/lib/inventory/queries/locations';
import { findSkuDetail } from '@/lib/inventory/queries/sku-detail';
import { findTransfer } from '@/lib/inventory/queries/transfers';
import { createTransfer } from '@/lib/inventory/transfers';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { findOrderDetail, listChannels, listOrders } from '@/lib/orders/queries';
import { ZIngestOrderInput, ZOrderListQuery } from '@/lib/orders/schemas';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';

// Every read that shows a channel's or a location's name gives the one of its reader's language
// (lib/i18n/local-name.ts), sorts by it where it sorts by name, and without a language gives the
// canonical name (exports, the channel API).

let handle: DbHandle;
let w: InventoryWorld;
let orderId: string;
let customerId: string;
let countId: string;
let transferId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 10 });
  await handle.db
    .update(locations)
    .set({ names: { en: 'Orléans warehouse', fr: 'Entrepôt Orléans' } })
    .where(eq(locations.id, w.warehouse));
  // Only an English name: French readers see the canonical one; in English Paris sorts before Lyon.
  await handle.db
    .update(locations)
    .set({ names: { en: 'Comptoir Paris Rivoli' } })
    .where(eq(locations.id, w.paris));
  const [web] = await handle.db
    .insert(channels)
    .values({
      code: 'web',
      name: 'Boutique en ligne',
      names: { en: 'Online shop', fr: 'Boutique en ligne' },
      kind: 'web',
    })
    .returning();
  await handle.db.insert(channels).values([
    {
      code: 'phone',
      name: 'Service client (téléphone)',
      names: { en: 'Customer service (phone)', fr: 'Service client (téléphone)' },
      kind: 'phone',
    },
    { code: 'amazon', name: 'Amazon.fr', kind: 'marketplace' },
  ]);
  const ingested = await ingestOrder(
    handle.db,
    web,
    ZIngestOrderInput.parse({
      externalId: 'W-NAMES-1',
      placedAt: '2026-11-24T10:00:00.000Z',
      currency: 'EUR',
      customer: { email: 'lecteur@example.fr' },
      lines: [{ sku: 'PULL-S', quantity: 1, unitPriceCents: 1000 }],
      fulfilment: { type: 'pickup', locationCode: 'PAR' },
      totals: { subtotalCents: 1000, totalCents: 1000 },
    }),
  );
  orderId = ingested.order.id;
  customerId = (await findOrderDetail(handle.db, orderId))!.customerId!;
  countId = (await startCount(handle.db, w.owner, { locationId: w.warehouse, scope: { kind: 'all' } })).id;
  transferId = (
    await createTransfer(handle.db, w.owner, {
      sourceLocationId: w.warehouse,
      destinationLocationId: w.paris,
      lines: [{ variantId: w.skus[1].id, quantity: 1 }],
    })
  ).id;
});
afterAll(() => handle.close());

const readers: [Locale, { web: string; channels: string[]; warehouse: string; paris: string; stores: string[] }][] = [
  [
    'en',
    {
      web: 'Online shop',
      channels: ['Amazon.fr', 'Customer service (phone)', 'Online shop'],
      warehouse: 'Orléans warehouse',
      paris: 'Comptoir Paris Rivoli',
      stores: ['Comptoir Paris Rivoli', 'Lyon Part-Dieu'],
    },
  ],
  [
    'fr',
    {
      web: 'Boutique en ligne',
      channels: ['Amazon.fr', 'Boutique en ligne', 'Service client (téléphone)'],
      warehouse: 'Entrepôt Orléans',
      paris: 'Paris Rivoli',
      stores: ['Lyon Part-Dieu', 'Paris Rivoli'],
    },
  ],
];

describe.each(readers)('a reader in %s', (locale, shown) => {
  it('gets channels and locations by their names, sorted by them', async () => {
    expect((await listChannels(handle.db, locale)).map((c) => c.name)).toEqual(shown.channels);
    expect((await listLocations(handle.db, locale)).map((l) => l.name)).toEqual([...shown.stores, shown.warehouse]);
    expect((await listChannelLimits(handle.db, w.skus[0].id, locale)).map((c) => c.name)).toEqual(shown.channels);
  });

  it('sees them so on orders and customers', async () => {
    const { rows } = await listOrders(handle.db, w.owner, ZOrderListQuery.parse({}), locale);
    expect(rows.map((r) => r.channelName)).toEqual([shown.web]);
    const order = await findOrderDetail(handle.db, orderId, locale);
    expect(order).toMatchObject({ channelName: shown.web, locationName: shown.paris });
    const profile = await findCustomerProfile(handle.db, customerId, locale);
    expect(profile?.channels).toEqual([{ code: 'web', name: shown.web }]);
  });

  it('sees them so on stock levels, counts and transfers', async () => {
    const detail = await findSkuDetail(handle.db, w.skus[0].id, locale);
    expect(detail?.levels.map((l) => l.name)).toEqual([...shown.stores, shown.warehouse]);
    const { counts } = await listCounts(handle.db, w.owner, { locale });
    expect(counts.map((c) => c.locationName)).toEqual([shown.warehouse]);
    expect((await getCountReview(handle.db, w.owner, countId, locale)).locationName).toBe(shown.warehouse);
    const transfer = await findTransfer(handle.db, transferId, locale);
    expect([transfer?.source.name, transfer?.destination.name]).toEqual([shown.warehouse, shown.paris]);
  });
});

describe('a read without a language (exports, the channel API)', () => {
  it('gives the canonical names', async () => {
    expect((await listChannels(handle.db)).map((c) => c.name)).toEqual([
      'Amazon.fr',
      'Boutique en ligne',
      'Service client (téléphone)',
    ]);
    expect((await listLocations(handle.db)).map((l) => l.name)).toEqual([
      'Lyon Part-Dieu',
      'Paris Rivoli',
      'Entrepôt Orléans',
    ]);
    const { rows } = await listOrders(handle.db, w.owner, ZOrderListQuery.parse({}));
    expect(rows[0].channelName).toBe('Boutique en ligne');
  });
});
