import { eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels, customerIdentities, customers, locations, orders, products, variants } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { setChannelCap } from '@/lib/inventory/availability';
import { findDrift } from '@/lib/inventory/invariants';
import { changeStock } from '@/lib/inventory/ledger';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { ingestOrder } from './ingest-order';
import { ZIngestOrderInput } from './schemas';

// Runs only against PostgreSQL (*.pg.test.ts): PGlite serialises every statement, so none of
// these races can happen there.
describe('ingestion under contention on PostgreSQL', () => {
  let handle: DbHandle;
  let w: InventoryWorld;
  let split: typeof channels.$inferSelect;
  let noSplit: typeof channels.$inferSelect;
  let capped: typeof channels.$inferSelect;
  /** The world's three locations and five more stores: eight places to spread stock over. */
  let places: string[];

  beforeAll(async () => {
    handle = await createTestDatabase();
    w = await makeInventoryWorld(handle.db, { stock: 0 });
    [split, noSplit, capped] = await handle.db
      .insert(channels)
      .values([
        { code: 'web', name: 'Web', kind: 'web', allowSplitShipments: true },
        { code: 'shop', name: 'Shop', kind: 'web' },
        { code: 'zalando', name: 'Zalando', kind: 'marketplace' },
      ])
      .returning();
    const more = await handle.db
      .insert(locations)
      .values(
        ['NAN', 'BDX', 'LIL', 'MRS', 'TLS'].map((code) => ({
          code,
          name: code,
          kind: 'store' as const,
          city: code,
          pickupEnabled: true,
        })),
      )
      .returning({ id: locations.id });
    places = [w.warehouse, w.paris, w.lyon, ...more.map((l) => l.id)];
  });
  afterAll(() => handle.close());

  /** A new SKU with `perPlace` units received at each of the eight places, through the ledger. */
  async function thinSku(sku: string, perPlace: number): Promise<string> {
    const [p] = await handle.db
      .insert(products)
      .values({ name: sku, brand: 'Test', category: 'Test' })
      .returning({ id: products.id });
    const [v] = await handle.db
      .insert(variants)
      .values({ productId: p.id, sku, title: 'Unique', priceCents: 1000, costCents: 400 })
      .returning({ id: variants.id });
    await handle.db.transaction(async (tx) => {
      for (const loc of places)
        await changeStock(tx, { variantId: v.id, locationId: loc, deltaOnHand: perPlace, reason: 'receipt' });
    });
    return v.id;
  }

  const available = async (variantIds: string[]) =>
    (
      await handle.db.execute<{ n: number }>(
        sql`select coalesce(sum(on_hand - reserved - safety_stock), 0)::int as n from inventory_levels where variant_id in (${sql.join(
          variantIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      )
    ).rows[0].n;

  const shipOrder = (externalId: string, skus: string[], customer?: { email: string }) =>
    ZIngestOrderInput.parse({
      externalId,
      placedAt: new Date().toISOString(),
      currency: 'EUR',
      ...(customer ? { customer } : {}),
      lines: skus.map((sku) => ({ sku, quantity: 1, unitPriceCents: 1000 })),
      fulfilment: { type: 'ship', address: { line1: '1 rue Neuve', postalCode: '69001', city: 'Lyon', country: 'FR' } },
      totals: { subtotalCents: 1000 * skus.length, totalCents: 1000 * skus.length },
    });

  /** Fires every order at once and tallies the outcomes by error code ('ok' when taken). */
  async function fire(
    channel: typeof channels.$inferSelect,
    inputs: ReturnType<typeof shipOrder>[],
  ): Promise<Record<string, number>> {
    const outcomes = await Promise.all(
      inputs.map((input) =>
        ingestOrder(handle.db, channel, input).then(
          () => 'ok',
          (e: { code?: string; message?: string }) => e.code ?? `error: ${e.message}`,
        ),
      ),
    );
    const tally: Record<string, number> = {};
    for (const o of outcomes) tally[o] = (tally[o] ?? 0) + 1;
    return tally;
  }

  it('holds a channel cap: 20 concurrent one-unit orders at a cap of 2 reserve exactly 2', async () => {
    const variantId = await thinSku('CAP-20', 10);
    await setChannelCap(handle.db, w.owner, { channelId: capped.id, variantId, maxUnits: 2 });
    const tally = await fire(
      capped,
      Array.from({ length: 20 }, (_, i) => shipOrder(`CAP20-${i}`, ['CAP-20'])),
    );
    expect(tally).toEqual({ ok: 2, out_of_stock: 18 });
    const { rows } = await handle.db.execute<{ reserved: number; held: number }>(sql`
      select (select sum(reserved)::int from inventory_levels where variant_id = ${variantId}) as reserved,
             (select sum(quantity)::int from reservations where variant_id = ${variantId} and status = 'active') as held`);
    expect(rows[0]).toEqual({ reserved: 2, held: 2 });
    expect(await findDrift(handle.db)).toEqual([]);
  });

  for (const [name, channel] of [
    ['a split-shipment channel', () => split],
    ['a no-split channel', () => noSplit],
  ] as const) {
    it(`refuses no order while units remain, for ${name}: 40 one-unit orders for 16 units spread over 8 locations`, async () => {
      const sku = `THIN-${channel().code}`.toUpperCase();
      const variantId = await thinSku(sku, 2);
      const tally = await fire(
        channel(),
        Array.from({ length: 40 }, (_, i) => shipOrder(`${sku}-${i}`, [sku])),
      );
      expect(tally).toEqual({ ok: 16, out_of_stock: 24 });
      expect(await available([variantId])).toBe(0);
      expect(await findDrift(handle.db)).toEqual([]);
    });
  }

  it('refuses no multi-line order while both lines can be served: 40 orders of two SKUs, 16 units of each over 8 locations', async () => {
    const a = await thinSku('THIN-TWO-A', 2);
    const b = await thinSku('THIN-TWO-B', 2);
    const tally = await fire(
      noSplit,
      // Half the orders list the SKUs one way round, half the other.
      Array.from({ length: 40 }, (_, i) =>
        shipOrder(`TWO-${i}`, i % 2 ? ['THIN-TWO-A', 'THIN-TWO-B'] : ['THIN-TWO-B', 'THIN-TWO-A']),
      ),
    );
    expect(tally).toEqual({ ok: 16, out_of_stock: 24 });
    expect(await available([a, b])).toBe(0);
    expect(await findDrift(handle.db)).toEqual([]);
  });

  it('creates one customer for simultaneous first orders with the same new email', async () => {
    await thinSku('IDENT', 10);
    const tally = await fire(
      split,
      Array.from({ length: 10 }, (_, i) => shipOrder(`IDENT-${i}`, ['IDENT'], { email: 'New.Person@example.fr' })),
    );
    expect(tally).toEqual({ ok: 10 });
    const found = await handle.db.select().from(customers).where(eq(customers.email, 'new.person@example.fr'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ orderCount: 10, lifetimeValueCents: 10 * 1000 });
    const ids = await handle.db
      .select()
      .from(customerIdentities)
      .where(eq(customerIdentities.value, 'new.person@example.fr'));
    expect(ids.map((i) => i.customerId)).toEqual([found[0].id]);
    const placed = await handle.db
      .select({ customerId: orders.customerId })
      .from(orders)
      .where(
        inArray(
          orders.externalId,
          Array.from({ length: 10 }, (_, i) => `IDENT-${i}`),
        ),
      );
    expect(new Set(placed.map((o) => o.customerId))).toEqual(new Set([found[0].id]));
  });

  it('answers 503 (unavailable), not a 500, when every attempt deadlocks, and writes nothing', async () => {
    // A real deadlock on each attempt: the blocker holds kpi_daily, which the write statement
    // must lock before it starts, while the order holds its cap's row lock (a capped channel's
    // orders lock the cap first); the blocker then asks for that cap row. PostgreSQL picks the
    // order as the victim (it waited first; the blocker checks for deadlocks only after 30 s).
    // Rolling back to a savepoint lets the order lock the cap again on its next attempt while
    // the blocker still holds kpi_daily, so every attempt meets the same cycle.
    const variantId = await thinSku('DEADLOCK', 10);
    await setChannelCap(handle.db, w.owner, { channelId: capped.id, variantId, maxUnits: 5 });
    const blocker = await (handle.db as unknown as { $client: pg.Pool }).$client.connect();
    let deadlocks = 0;
    try {
      await blocker.query('begin');
      await blocker.query(`set local deadlock_timeout = '30s'`);
      await blocker.query('lock table kpi_daily in share row exclusive mode');
      let settled = false;
      const order = ingestOrder(handle.db, capped, shipOrder('DEADLOCK-1', ['DEADLOCK'])).then(
        () => 'ok',
        (e: { code?: string; message?: string; details?: Record<string, unknown> }) => ({
          code: e.code ?? `error: ${e.message}`,
          details: e.details,
        }),
      );
      void order.finally(() => (settled = true));
      const deadline = Date.now() + 30_000;
      while (!settled && Date.now() < deadline) {
        const { rows } = await blocker.query(
          `select 1 from pg_locks where not granted and relation = 'kpi_daily'::regclass`,
        );
        if (rows.length === 0) {
          await new Promise((r) => setTimeout(r, 10));
          continue;
        }
        await blocker.query('savepoint cap');
        await blocker.query(
          `update channel_stock_caps set max_units = max_units where channel_id = $1 and variant_id = $2`,
          [capped.id, variantId],
        );
        await blocker.query('rollback to savepoint cap');
        deadlocks += 1;
      }
      expect(await order).toEqual({ code: 'unavailable', details: { retryAfterSeconds: expect.any(Number) } });
    } finally {
      await blocker.query('rollback');
      blocker.release();
    }
    expect(deadlocks).toBe(3);
    const { rows } = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from orders where external_id = 'DEADLOCK-1'`,
    );
    expect(rows[0].n).toBe(0);
    expect(await available([variantId])).toBe(80);
  });
});
