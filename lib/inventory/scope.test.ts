import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { customers, staffUsers, userLocations } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/auth/permissions';
import { getCustomerProfileForActor } from '@/lib/customers/queries';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { listInventory } from './queries/list';
import { getSkuDetailForActor } from './queries/sku-detail';
import { getTransferForActor, listTransfersForActor } from './queries/transfers';
import { ZInventoryListQuery } from './schemas';
import { cancelTransfer, createTransfer, receiveTransfer, shipTransfer } from './transfers';

// What a manager sees of other stores (lib/auth/permissions.ts): stock levels, read-only; not
// their transfers, nor cost values. Each read here is the one the page, route or action calls.

let handle: DbHandle;
let w: InventoryWorld;
let lyonManager: Actor;
let parisToWarehouse: { id: string; number: string };
let lyonToParis: { id: string; number: string };

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db);
  const [u] = await handle.db
    .insert(staffUsers)
    .values({ email: 'lyon@t.test', name: 'Lyon', passwordHash: 'x', role: 'manager' })
    .returning();
  await handle.db.insert(userLocations).values({ userId: u.id, locationId: w.lyon });
  lyonManager = { userId: u.id, role: 'manager', locationIds: [w.lyon] };
  const line = [{ variantId: w.skus[0].id, quantity: 2 }];
  parisToWarehouse = await createTransfer(handle.db, w.owner, {
    sourceLocationId: w.paris,
    destinationLocationId: w.warehouse,
    lines: line,
  });
  lyonToParis = await createTransfer(handle.db, w.owner, {
    sourceLocationId: w.lyon,
    destinationLocationId: w.paris,
    lines: line,
  });
});
afterAll(() => handle.close());

/** Ledger rows, transfer statuses and audit rows: what a refused transfer action could have written. */
async function footprint() {
  const { rows } = await handle.db.execute<{ n: string }>(sql`
    select (select count(*) from inventory_movements)::text || '/' || (select count(*) from audit_log)::text
      || '/' || (select string_agg(status::text, ',' order by id) from transfers) as n`);
  return rows[0].n;
}

describe('a transfer that involves none of a manager’s locations', () => {
  it('cannot be opened by the Lyon manager; the Paris manager, the owner and an agent can', async () => {
    await expect(getTransferForActor(handle.db, lyonManager, parisToWarehouse.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await getTransferForActor(handle.db, w.manager, parisToWarehouse.id)).number).toBe(parisToWarehouse.number);
    expect((await getTransferForActor(handle.db, w.owner, parisToWarehouse.id)).lines).toHaveLength(1);
    expect((await getTransferForActor(handle.db, w.agent, parisToWarehouse.id)).number).toBe(parisToWarehouse.number);
    expect((await getTransferForActor(handle.db, lyonManager, lyonToParis.id)).number).toBe(lyonToParis.number);
  });

  it('is missing (404) when unknown or malformed, before any scope is judged', async () => {
    await expect(getTransferForActor(handle.db, lyonManager, randomUUID())).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(getTransferForActor(handle.db, w.owner, 'not-a-uuid')).rejects.toMatchObject({ code: 'not_found' });
    await expect(getTransferForActor(handle.db, w.owner, "1' or '1'='1")).rejects.toMatchObject({ code: 'not_found' });
  });

  it('cannot be shipped, received or cancelled by the Lyon manager; nothing is written', async () => {
    const before = await footprint();
    await expect(shipTransfer(handle.db, lyonManager, parisToWarehouse.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(cancelTransfer(handle.db, lyonManager, parisToWarehouse.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await shipTransfer(handle.db, w.manager, parisToWarehouse.id);
    const shipped = await footprint();
    expect(shipped).not.toBe(before);
    await expect(
      receiveTransfer(handle.db, lyonManager, {
        transferId: parisToWarehouse.id,
        lines: [{ variantId: w.skus[0].id, quantityReceived: 2 }],
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(cancelTransfer(handle.db, lyonManager, parisToWarehouse.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await footprint()).toBe(shipped);
  });

  it('is left out of the Lyon manager’s lists, whatever location they pick', async () => {
    const numbers = async (actor: Actor, opts: Parameters<typeof listTransfersForActor>[2]) =>
      (await listTransfersForActor(handle.db, actor, opts)).transfers.map((t) => t.number);
    expect(await numbers(lyonManager, { locationIds: null })).toEqual([lyonToParis.number]);
    expect(await numbers(lyonManager, { locationIds: [w.paris], direction: 'out' })).toEqual([]);
    expect(await numbers(lyonManager, { locationIds: [w.paris], direction: 'in' })).toEqual([lyonToParis.number]);
    expect(await numbers(lyonManager, { locationIds: null, variantId: w.skus[0].id })).toEqual([lyonToParis.number]);
    expect(await numbers(w.manager, { locationIds: null })).toEqual([lyonToParis.number, parisToWarehouse.number]);
    expect(await numbers(w.agent, { locationIds: null })).toHaveLength(2);
    // A manager with no location sees none, not all.
    expect(await numbers({ ...lyonManager, locationIds: [] }, { locationIds: null })).toEqual([]);
  });
});

describe('cost values', () => {
  it('are hidden from agents: no cost price, no stock value; the stock levels stay', async () => {
    const sku = await getSkuDetailForActor(handle.db, w.agent, w.skus[1].id);
    expect(sku.costCents).toBeNull();
    expect(sku.totalValueCents).toBeNull();
    expect(sku.levels.map((l) => l.valueCents)).toEqual([null, null, null]);
    expect(sku.levels.map((l) => l.onHand)).toEqual([10, 10, 10]);
  });

  it('reach a manager only at their own stores; every store’s stock level stays visible', async () => {
    const sku = await getSkuDetailForActor(handle.db, lyonManager, w.skus[1].id);
    expect(sku.costCents).toBe(2100);
    const byLocation = new Map(sku.levels.map((l) => [l.locationId, l]));
    expect(byLocation.get(w.lyon)!.valueCents).toBe(10 * 2100);
    expect(byLocation.get(w.paris)!.valueCents).toBeNull();
    expect(byLocation.get(w.warehouse)!.valueCents).toBeNull();
    expect(byLocation.get(w.paris)!.onHand).toBe(10);
    expect(sku.totalValueCents).toBe(10 * 2100);
    const owner = await getSkuDetailForActor(handle.db, w.owner, w.skus[1].id);
    expect(owner.totalValueCents).toBe(30 * 2100);
  });

  it('a missing or malformed SKU is a 404', async () => {
    await expect(getSkuDetailForActor(handle.db, w.owner, randomUUID())).rejects.toMatchObject({ code: 'not_found' });
    await expect(getSkuDetailForActor(handle.db, w.agent, 'PULL-M')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('are not in the inventory list or its CSV export, which carry stock levels only', async () => {
    const page = await listInventory(handle.db, ZInventoryListQuery.parse({ sort: 'sku' }), [w.paris, w.lyon]);
    const keys = new Set(
      page.rows.flatMap((r) => [...Object.keys(r), ...r.perLocation.flatMap((l) => Object.keys(l))]),
    );
    expect([...keys].filter((k) => /cost|value/i.test(k))).toEqual([]);
  });
});

describe('customers', () => {
  it('a manager is refused a customer who never bought at their stores; unknown or malformed ids are 404s', async () => {
    const [c] = await handle.db
      .insert(customers)
      .values({ firstName: 'Jeanne', lastName: 'Martin' })
      .returning({ id: customers.id });
    await expect(getCustomerProfileForActor(handle.db, w.manager, c.id)).rejects.toMatchObject({ code: 'forbidden' });
    // Managers read the customers of their stores (lib/customers/scope.ts): a missing id is a 404, as for anyone.
    await expect(getCustomerProfileForActor(handle.db, w.manager, randomUUID())).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await getCustomerProfileForActor(handle.db, w.agent, c.id)).firstName).toBe('Jeanne');
    await expect(getCustomerProfileForActor(handle.db, w.agent, randomUUID())).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(getCustomerProfileForActor(handle.db, w.agent, '42')).rejects.toMatchObject({ code: 'not_found' });
  });
});
