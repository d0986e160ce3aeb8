import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { findDrift } from '@/lib/inventory/invariants';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { ingestOrder, type IngestChannel } from './ingest-order';
import { ZIngestOrderInput } from './schemas';

// Runs only against PostgreSQL (*.pg.test.ts, see vitest.config.ts): PGlite serialises every statement.
describe('concurrent ingestion on PostgreSQL', () => {
  let handle: DbHandle;
  let w: InventoryWorld;
  let web: IngestChannel;

  beforeAll(async () => {
    handle = await createTestDatabase();
    w = await makeInventoryWorld(handle.db, { stock: 0 });
    [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web', secret: 'w' }).returning();
    // 100 units of PULL-S, all in Paris.
    await handle.db.execute(sql`update inventory_levels set on_hand = 100 where variant_id = ${w.skus[0].id} and location_id = ${w.paris}`);
    await handle.db.execute(sql`insert into inventory_movements (variant_id, location_id, delta_on_hand, reason) values (${w.skus[0].id}, ${w.paris}, 100, 'receipt')`);
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
    const { rows } = await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from orders where external_id = 'DUP-1'`);
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
});
