import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { channels, inventoryLevels, locations } from '@/db/schema';
import { createTemplateDatabase, type TemplateDatabase } from '@/db/testing';
import { LIVE_CHANNEL, type LiveEvent } from '@/lib/live/topics';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { ingestOrder } from './ingest-order';
import { ingestOrderReference } from './ingest-order.reference';
import { ZIngestOrderInput, type IngestOrderInput } from './schemas';

/**
 * The fast ingestion (one statement, ingest-order.ts) against its plain twin (the query builder,
 * changeStock, one transaction: ingest-order.reference.ts): the same deliveries, one after the
 * other, on two copies of one database, must answer the same, leave the same rows and announce
 * the same live events.
 */

let template: TemplateDatabase<InventoryWorld>;

beforeAll(async () => {
  template = await createTemplateDatabase(async (db) => {
    const w = await makeInventoryWorld(db, { stock: 4 });
    await db.insert(channels).values([
      { code: 'web', name: 'Web', kind: 'web', allowSplitShipments: true },
      { code: 'amazon', name: 'Amazon', kind: 'marketplace', allowBackorders: true },
      { code: 'shop', name: 'Shop', kind: 'web', allowShipToStore: true },
      { code: 'gone', name: 'Closed channel', kind: 'web', active: false },
    ]);
    // A store without click-and-collect, one that paused it, and safety stock that a reservation must leave alone.
    await db.insert(locations).values([
      { code: 'NTE', name: 'Nantes', kind: 'store', city: 'Nantes' },
      { code: 'BOD', name: 'Bordeaux', kind: 'store', city: 'Bordeaux', pickupEnabled: true, pickupPaused: true },
    ]);
    await db
      .update(inventoryLevels)
      .set({ safetyStock: 1 })
      .where(sql`${inventoryLevels.locationId} in (${w.lyon}, ${w.warehouse})`);
    return w;
  });
}, 120_000);
afterAll(() => template.close());

/** One of `usual` most of the time, one of `rare` (refusals, odd spellings) now and then. */
const often = <T>(usual: T[], rare: T[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...usual), weight: 4 }, { arbitrary: fc.constantFrom(...rare), weight: 1 });

const contact = fc.record(
  {
    email: fc.constantFrom('claire@example.fr', 'Claire@Example.fr', 'paul@example.fr'),
    phone: fc.constantFrom('06 12 34 56 78', '+33 6 98 76 54 32'),
    firstName: fc.constantFrom('Claire', 'Paul', ' '),
    lastName: fc.constantFrom('Martin', ''),
    buyerId: fc.constantFrom('B-1', 'B-2'),
  },
  { requiredKeys: [] },
);

const fulfilment = fc.oneof(
  fc.constant({
    type: 'ship' as const,
    address: { line1: '1 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' },
  }),
  fc.record({ type: fc.constant('pickup' as const), locationCode: often(['PAR', 'lys'], ['NTE', 'BOD', 'XXX']) }),
  fc.record({ type: fc.constant('in_store' as const), locationCode: fc.constantFrom('PAR', 'LYS', 'WH') }),
);

/** A channel's delivery: a few external ids, so that some are replays (with other contents, even). */
const delivery = fc
  .record({
    channel: often(['web', 'amazon', 'shop'], ['gone', 'nope']),
    externalId: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
    day: fc.integer({ min: 1, max: 3 }),
    customer: fc.option(contact, { nil: undefined }),
    lines: fc.array(
      fc.record({
        sku: often(['PULL-S', 'PULL-M', 'PULL-L'], ['pull-m', 'NOPE']),
        quantity: fc.integer({ min: 1, max: 6 }),
        unitPriceCents: fc.constantFrom(1000, 5900),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    fulfilment,
  })
  .map(({ channel, externalId, day, customer, lines, fulfilment }) => {
    const subtotal = lines.reduce((a, l) => a + l.quantity * l.unitPriceCents, 0);
    const input: IngestOrderInput = ZIngestOrderInput.parse({
      externalId,
      placedAt: `2026-11-0${day}T22:30:00.123456Z`,
      currency: 'EUR',
      customer,
      lines,
      fulfilment,
      totals: { subtotalCents: subtotal, totalCents: subtotal },
    });
    return { channel, input };
  });

type Outcome = { created: boolean; externalId: string; status: string } | { error: string; message: string };

async function deliver(
  take: typeof ingestOrder,
  db: Db,
  d: { channel: string; input: IngestOrderInput },
  actorId: string,
): Promise<Outcome> {
  try {
    const r = await take(db, { code: d.channel }, d.input, { actorId });
    return { created: r.created, externalId: r.order.externalId, status: r.order.status };
  } catch (error) {
    const e = error as { code?: string; message: string };
    return { error: e.code ?? String(error), message: e.message };
  }
}

/** A customer by what identifies them, for rows that point at customers (their ids differ). */
/** A customer by their identities. Pass a qualified column (`t.customer_id`): inside the subquery a bare
 * `customer_id` would be customer_identities' own, and every identity of the database would match. */
const customerKey = (id: string) =>
  `(select coalesce(string_agg(ci.kind || ':' || ci.scope || ':' || ci.value, ' ' order by ci.kind, ci.value), '') from customer_identities ci where ci.customer_id = ${id}::uuid)`;
const orderKey = (id: string) =>
  `(select kc.code || '/' || ko.external_id from orders ko join channels kc on kc.id = ko.channel_id where ko.id = ${id}::uuid)`;

/** Everything ingestion writes, as rows without the ids and times that must differ between two databases. */
const SNAPSHOT: Record<string, string> = {
  orders: `select ${orderKey('o.id')} as order, ${customerKey('o.customer_id')} as customer, o.status, o.fulfilment_type,
      l.code as location, f.code as fulfilling, o.shipping_address, o.currency, o.subtotal_cents, o.discount_cents,
      o.shipping_cents, o.tax_cents, o.total_cents, o.item_count, o.placed_at::text
    from orders o left join locations l on l.id = o.location_id left join locations f on f.id = o.fulfilling_location_id`,
  lines: `select ${orderKey('order_id')} as order, line_no, sku, quantity, unit_price_cents, quantity_returned from order_lines`,
  levels: `select v.sku, l.code, i.on_hand, i.reserved, i.safety_stock
    from inventory_levels i join variants v on v.id = i.variant_id join locations l on l.id = i.location_id`,
  ledger: `select v.sku, l.code, m.delta_on_hand, m.delta_reserved, m.reason, m.reference_type,
      case when m.reference_type = 'order' then ${orderKey('m.reference_id')} end as reference, m.actor_id, m.detail
    from inventory_movements m join variants v on v.id = m.variant_id join locations l on l.id = m.location_id`,
  reservations: `select ${orderKey('r.order_id')} as order, ol.line_no, v.sku, l.code, r.quantity, r.status
    from reservations r join order_lines ol on ol.id = r.order_line_id join variants v on v.id = r.variant_id
    join locations l on l.id = r.location_id`,
  pickups: `select ${orderKey('p.order_id')} as order, l.code, p.state, p.placed_at::text from pickups p join locations l on l.id = p.location_id`,
  events: `select ${orderKey('order_id')} as order, type, actor_id, data from order_events`,
  customers: `select ${customerKey('c.id')} as identities, c.first_name, c.last_name, c.email, c.phone, c.order_count,
      c.lifetime_value_cents, c.last_order_at::text, c.merged_into_id from customers c`,
  loyalty: `select ${customerKey('le.customer_id')} as customer, ${orderKey('le.order_id')} as order, points, kind, actor_id, reason
    from loyalty_entries le`,
  duplicates: `select least(a, b) as a, greatest(a, b) as b, score, reasons, status
    from (select ${customerKey('cd.customer_id')} as a, ${customerKey('cd.other_customer_id')} as b, score, reasons, status
      from customer_duplicates cd) d`,
  kpis: `select k.day::text, ch.code as channel, l.code as location, sum(k.orders)::int as orders,
      sum(k.revenue_cents)::bigint::text as revenue, sum(k.units)::int as units, sum(k.pickup_orders)::int as pickups
    from kpi_daily k join channels ch on ch.id = k.channel_id left join locations l on l.id = k.location_id
    group by 1, 2, 3`,
};

/** The live announcements a database sends (topic and kind, in order; ids differ between copies). */
async function announcements(handle: DbHandle) {
  const heard: string[] = [];
  let ended = false;
  const listening = await handle.listen(
    LIVE_CHANNEL,
    (payload) => {
      if (payload === 'end') return void (ended = true);
      const event = JSON.parse(payload) as LiveEvent;
      heard.push(`${event.topic} ${event.kind}`);
    },
    () => {},
  );
  return {
    /** Everything announced so far: notifications arrive in commit order, so a last one marks the end. */
    async all() {
      await handle.exec(`select pg_notify('${LIVE_CHANNEL}', 'end')`);
      for (let i = 0; !ended && i < 500; i++) await new Promise((r) => setTimeout(r, 10));
      await listening.close();
      return heard;
    },
  };
}

async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [name, query] of Object.entries(SNAPSHOT)) {
    const { rows } = await db.execute(sql.raw(query));
    out[name] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

describe('ingestOrder and its reference', () => {
  it('answer the same deliveries alike and leave the same orders, stock, ledger, reservations, customers, duplicate suggestions and KPIs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(delivery, { minLength: 1, maxLength: 8 }), async (deliveries) => {
        const [fast, plain] = await Promise.all([template.copy(), template.copy()]);
        try {
          const [fastHeard, plainHeard] = await Promise.all([announcements(fast), announcements(plain)]);
          const actorId = template.value.owner.userId;
          for (const d of deliveries) {
            const a = await deliver(ingestOrder, fast.db, d, actorId);
            const b = await deliver(ingestOrderReference, plain.db, d, actorId);
            expect(a, JSON.stringify(d)).toEqual(b);
          }
          expect(await snapshot(fast.db)).toEqual(await snapshot(plain.db));
          expect(await fastHeard.all()).toEqual(await plainHeard.all());
        } finally {
          await Promise.all([fast.close(), plain.close()]);
        }
      }),
      {
        numRuns: Number(process.env.PROPERTY_RUNS ?? 10),
        endOnFailure: true,
        ...(process.env.PROPERTY_SEED
          ? { seed: Number(process.env.PROPERTY_SEED), path: process.env.PROPERTY_PATH }
          : {}),
      },
    );
  }, 600_000);
});
