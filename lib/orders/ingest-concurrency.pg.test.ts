import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { findDrift } from '@/lib/inventory/invariants';
import { readKpiTotals } from '@/lib/kpis/read';
import { setChannelCap } from '@/lib/inventory/availability';
import { SEED_INVARIANTS } from '@/lib/seed/invariants';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { ingestOrder } from './ingest-order';
import { ZIngestOrderInput } from './schemas';

// Runs only against PostgreSQL (*.pg.test.ts, see vitest.config.ts): PGlite serialises every statement.
describe('concurrent ingestion on PostgreSQL', () => {
  let handle: DbHandle;
  let w: InventoryWorld;
  let web: typeof channels.$inferSelect;

  beforeAll(async () => {
    handle = await createTestDatabase();
    w = await makeInventoryWorld(handle.db, { stock: 0 });
    [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web' }).returning();
    // 100 units of PULL-S, all in Paris.
    await handle.db.execute(
      sql`update inventory_levels set on_hand = 100 where variant_id = ${w.skus[0].id} and location_id = ${w.paris}`,
    );
    await handle.db.execute(
      sql`insert into inventory_movements (variant_id, location_id, delta_on_hand, reason) values (${w.skus[0].id}, ${w.paris}, 100, 'receipt')`,
    );
  });
  afterAll(() => handle.close());

  const input = (externalId: string) =>
    ZIngestOrderInput.parse({
      externalId,
      placedAt: new Date().toISOString(),
      currency: 'EUR',
      lines: [{ sku: 'PULL-S', quantity: 1, unitPriceCents: 5900 }],
      fulfilment: { type: 'pickup', locationCode: 'PAR' },
      totals: { subtotalCents: 5900, totalCents: 5900 },
    });

  it('creates one order from concurrent duplicate deliveries', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => ingestOrder(handle.db, web, input('DUP-1'))));
    expect(new Set(results.map((r) => r.order.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const { rows } = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from orders where external_id = 'DUP-1'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('never reserves more than is available: 150 orders for the 99 units left', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        ingestOrder(handle.db, web, input(`HOT-${i}`)).then(
          () => 'ok',
          (e: { code?: string }) => e.code ?? 'error',
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(99);
    expect(outcomes.filter((o) => o === 'out_of_stock')).toHaveLength(51);
    expect(await level(handle.db, w.skus[0].id, w.paris)).toEqual({ onHand: 100, reserved: 100 });
    expect(await findDrift(handle.db)).toEqual([]);
  });

  it('takes multi-line ship orders locking rows in any line order: no deadlock, no oversell, rollups exact', async () => {
    // 30 of PULL-M and 30 of PULL-L across the warehouse and both stores.
    for (const v of [w.skus[1].id, w.skus[2].id]) {
      for (const loc of [w.warehouse, w.paris, w.lyon]) {
        await handle.db.execute(
          sql`update inventory_levels set on_hand = 10 where variant_id = ${v} and location_id = ${loc}`,
        );
        await handle.db.execute(
          sql`insert into inventory_movements (variant_id, location_id, delta_on_hand, reason) values (${v}, ${loc}, 10, 'receipt')`,
        );
      }
    }
    await handle.db.update(channels).set({ allowSplitShipments: true }).where(eq(channels.id, web.id));
    const ship = (i: number) =>
      ZIngestOrderInput.parse({
        externalId: `MULTI-${i}`,
        placedAt: new Date().toISOString(),
        currency: 'EUR',
        // Half the orders list the SKUs one way round, half the other.
        lines: (i % 2 ? ['PULL-M', 'PULL-L'] : ['PULL-L', 'PULL-M']).map((sku) => ({
          sku,
          quantity: 1 + (i % 3),
          unitPriceCents: 1000,
        })),
        fulfilment: {
          type: 'ship',
          address: { line1: '1 rue Neuve', postalCode: '69001', city: 'Lyon', country: 'FR' },
        },
        totals: { subtotalCents: 2000 * (1 + (i % 3)), totalCents: 2000 * (1 + (i % 3)) },
      });
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        ingestOrder(handle.db, web, ship(i)).then(
          () => 'ok',
          (e: { code?: string; message?: string }) => e.code ?? `error: ${e.message}`,
        ),
      ),
    );
    expect(outcomes.filter((o) => o !== 'ok' && o !== 'out_of_stock')).toEqual([]);
    const { rows } = await handle.db.execute<{ units: number; reserved: number }>(sql`
      select (select coalesce(sum(quantity), 0)::int from order_lines l join orders o on o.id = l.order_id where o.external_id like 'MULTI-%') as units,
             (select sum(reserved)::int from inventory_levels where variant_id in (${w.skus[1].id}, ${w.skus[2].id})) as reserved`);
    // Every accepted unit is reserved somewhere, and stock covered them: 60 units at most.
    expect(rows[0].units).toBe(rows[0].reserved);
    expect(rows[0].reserved).toBeLessThanOrEqual(60);
    expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThan(10);
    expect(await findDrift(handle.db)).toEqual([]);
    // The rollups, spread over the connections' shards, add up to the orders.
    const totals = await readKpiTotals(handle.db, { channelId: web.id });
    const { rows: counted } = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from orders where channel_id = ${web.id}`,
    );
    expect(totals.orders).toBe(counted[0].n);
    const { rows: off } = await handle.db.execute(sql.raw(SEED_INVARIANTS['kpi_daily equals the orders']));
    expect(off).toEqual([]);
  });
  it("honours a cap set between the order's read and its write", async () => {
    // The write statement waits on a lock held here, after the unlocked read; the cap is set
    // meanwhile. The statement's snapshot, taken once the lock is granted, sees it: the order
    // must be taken again under the cap's lock, and the cap of 2 refuses 3 units.
    const sku = w.skus[0];
    await handle.db.execute(
      sql`update inventory_levels set on_hand = 10 where variant_id = ${sku.id} and location_id = ${w.warehouse}`,
    );
    await handle.db.execute(
      sql`insert into inventory_movements (variant_id, location_id, delta_on_hand, reason) values (${sku.id}, ${w.warehouse}, 10, 'receipt')`,
    );
    const blocker = await (handle.db as unknown as { $client: pg.Pool }).$client.connect();
    try {
      await blocker.query('begin');
      await blocker.query('lock table kpi_daily in share row exclusive mode');
      const order = ingestOrder(
        handle.db,
        web,
        ZIngestOrderInput.parse({
          externalId: 'CAP-RACE-1',
          placedAt: new Date().toISOString(),
          currency: 'EUR',
          lines: [{ sku: sku.sku, quantity: 3, unitPriceCents: 1000 }],
          fulfilment: {
            type: 'ship',
            address: { line1: '1 rue Neuve', postalCode: '69001', city: 'Lyon', country: 'FR' },
          },
          totals: { subtotalCents: 3000, totalCents: 3000 },
        }),
      ).then(
        () => 'ok',
        (e: { code?: string; message?: string }) => e.code ?? `error: ${e.message}`,
      );
      for (let i = 0; i < 200; i++) {
        const { rows } = await blocker.query(
          `select 1 from pg_locks where not granted and relation = 'kpi_daily'::regclass`,
        );
        if (rows.length) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      await setChannelCap(handle.db, w.owner, { channelId: web.id, variantId: sku.id, maxUnits: 2 });
      await blocker.query('commit');
      expect(await order).toBe('out_of_stock');
    } finally {
      blocker.release();
    }
    expect(await level(handle.db, sku.id, w.warehouse)).toEqual({ onHand: 10, reserved: 0 });
  });
});
