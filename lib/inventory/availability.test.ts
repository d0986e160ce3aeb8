import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { adjustStock } from './adjust-stock';
import { channelAllowance, getAvailability, setChannelCap } from './availability';

let handle: DbHandle;
let w: InventoryWorld;
let marketplace: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db);
  await adjustStock(handle.db, w.owner, { variantId: w.skus[0].id, locationId: w.lyon, mode: 'set', quantity: 2, reason: 'lost' });
  const [c] = await handle.db
    .insert(channels)
    .values({ code: 'amazon', name: 'Amazon', kind: 'marketplace', secret: 's' })
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
    expect(await channelAllowance(handle.db, marketplace, w.skus[0].id)).toBe(5);
    expect(await channelAllowance(handle.db, marketplace, w.skus[1].id)).toBe(Infinity);
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
