import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels, locations } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { formattersFor } from '@/lib/i18n/format';
import { bumpKpi } from '@/lib/kpis/rollup';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { findOrderDetail, listOrders } from '@/lib/orders/queries';
import { ZIngestOrderInput, ZOrderListQuery } from '@/lib/orders/schemas';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { startupProblems } from './startup';
import { FALLBACK_TIME_ZONE, installTimeZone, timeZoneLiteral, timeZoneProblem, todayIn } from './time-zone';

describe('the install time zone', () => {
  it('is COMPTOIR_TIME_ZONE, else Europe/Paris', () => {
    expect(installTimeZone({})).toBe(FALLBACK_TIME_ZONE);
    expect(installTimeZone({ COMPTOIR_TIME_ZONE: '' })).toBe('Europe/Paris');
    expect(installTimeZone({ COMPTOIR_TIME_ZONE: 'America/Montreal' })).toBe('America/Montreal');
  });

  it('refuses a value that is no time zone, at start-up', () => {
    const env = { COMPTOIR_TIME_ZONE: 'Paris' };
    expect(timeZoneProblem(env)).toMatch(/COMPTOIR_TIME_ZONE is "Paris"/);
    expect(() => installTimeZone(env)).toThrow(/not an IANA time zone/);
    expect(startupProblems({ ...process.env, ...env })).toContainEqual(expect.stringMatching(/COMPTOIR_TIME_ZONE/));
    expect(() => timeZoneLiteral("Europe/Paris'; drop table orders; --")).toThrow();
    expect(timeZoneLiteral('America/Montreal')).toBe("'America/Montreal'");
  });

  it("gives today's date in a zone", () => {
    const instant = new Date('2026-11-24T03:30:00Z');
    expect(todayIn('Europe/Paris', instant)).toBe('2026-11-24');
    expect(todayIn('America/Montreal', instant)).toBe('2026-11-23');
  });
});

describe('a store in another time zone', () => {
  let handle: DbHandle;
  let w: InventoryWorld;
  let orderId: string;
  // 03:30 UTC on 24 November: 04:30 on the 24th in Paris, 22:30 on the 23rd in Montreal.
  const placedAt = '2026-11-24T03:30:00.000Z';
  const en = formattersFor('en', FALLBACK_TIME_ZONE);
  const saved = process.env.COMPTOIR_TIME_ZONE;

  beforeAll(async () => {
    handle = await createTestDatabase();
    w = await makeInventoryWorld(handle.db, { stock: 5 });
    await handle.db
      .update(locations)
      .set({ code: 'MTL', name: 'Montréal Sainte-Catherine', timeZone: 'America/Montreal' })
      .where(eq(locations.id, w.lyon));
    const [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web' }).returning();
    const result = await ingestOrder(
      handle.db,
      web,
      ZIngestOrderInput.parse({
        externalId: 'W-MTL-1',
        placedAt,
        currency: 'EUR',
        customer: { email: 'client@example.ca' },
        lines: [{ sku: 'PULL-S', quantity: 1, unitPriceCents: 1000 }],
        fulfilment: { type: 'pickup', locationCode: 'MTL' },
        totals: { subtotalCents: 1000, totalCents: 1000 },
      }),
    );
    orderId = result.order.id;
  });
  afterAll(() => handle.close());
  afterEach(() => {
    if (saved === undefined) delete process.env.COMPTOIR_TIME_ZONE;
    else process.env.COMPTOIR_TIME_ZONE = saved;
  });

  it("shows the order's time in the store's zone, in the list and on the order", async () => {
    const { rows } = await listOrders(handle.db, w.owner, ZOrderListQuery.parse({}));
    const row = rows.find((r) => r.externalId === 'W-MTL-1')!;
    expect(row.timeZone).toBe('America/Montreal');
    expect(en.formatDateTime(row.placedAt, row.timeZone ?? undefined)).toBe('23 Nov 2026, 22:30');
    // Without the store's zone it would read as the install's: the next day in Paris.
    expect(en.formatDateTime(row.placedAt)).toBe('24 Nov 2026, 04:30');
    const detail = await findOrderDetail(handle.db, orderId);
    expect(detail?.timeZone).toBe('America/Montreal');
  });

  it("counts the order on the install's business day, and filters the list by it", async () => {
    const day = async () =>
      (
        await handle.db.execute<{ day: string }>(
          sql`select to_char(day, 'YYYY-MM-DD') as day from kpi_daily order by day desc`,
        )
      ).rows;
    expect(await day()).toEqual([{ day: '2026-11-24' }]);
    const on = (date: string) =>
      listOrders(handle.db, w.owner, ZOrderListQuery.parse({ from: date, to: date })).then((p) => p.rows.length);
    expect(await on('2026-11-24')).toBe(1);
    expect(await on('2026-11-23')).toBe(0);

    // An install in Montreal: the same instant is the 23rd, for the filter and for new rollups.
    process.env.COMPTOIR_TIME_ZONE = 'America/Montreal';
    expect(await on('2026-11-23')).toBe(1);
    expect(await on('2026-11-24')).toBe(0);
    const [web] = await handle.db.select({ id: channels.id }).from(channels);
    await bumpKpi(handle.db, { placedAt, channelId: web.id, locationId: w.lyon }, { orders: 1 });
    expect(await day()).toEqual([{ day: '2026-11-24' }, { day: '2026-11-23' }]);
  });
});
