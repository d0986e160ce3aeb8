import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { latestUndoableMerge } from '../../lib/customers/merge';
import { erasedAt } from '../../lib/customers/privacy';
import { getCustomerOverview } from '../../lib/customers/profile';
import { getCustomerProfileForActor } from '../../lib/customers/queries';
import { listCustomerTimeline, TIMELINE_PAGE_SIZE } from '../../lib/customers/timeline';
import { getLoyaltySummary } from '../../lib/loyalty/queries';
import { listChannels } from '../../lib/orders/queries';
import type { Actor } from '../../lib/auth/permissions';
import { uuidArray } from '../../lib/uuid-array';
import { iterations, measure, type Scenario } from '../harness';
import { makeRegular, openCustomerBench, sampleCatalogue } from './customers-fixture';

const GOAL_P95_MS = 50;
const ORDERS = 200;

/**
 * Everything /customers/[id] reads, as the page reads it: the authorised profile (contact,
 * identities, channels used, the summary kept on the row), then at once the overview (first order,
 * addresses, preferred store, open pickups, stock alerts), the timeline's first page, the channels,
 * the loyalty balance and entries, the merge that can be undone and the erasure stamp.
 */
async function profilePage(db: Db, owner: Actor, id: string): Promise<number> {
  const profile = await getCustomerProfileForActor(db, owner, id, 'fr');
  const [, timeline] = await Promise.all([
    getCustomerOverview(db, owner, profile, 'fr'),
    listCustomerTimeline(db, owner, id, { locale: 'fr' }),
    listChannels(db, 'fr'),
    getLoyaltySummary(db, id),
    latestUndoableMerge(db, id),
    erasedAt(db, id),
  ]);
  return timeline.items.length;
}

/**
 * The profile as an ORM's eager loading reads it: the customer, then all their orders (with
 * channel and store), all the orders' lines, pickups, events and messages, the notes, identities,
 * loyalty entries and stock alerts, one query after another; the summary (count, lifetime value,
 * average, first and last order), channels, addresses, preferred store and the timeline's first
 * page computed in the application.
 */
async function naiveProfile(db: Db, id: string): Promise<number> {
  const one = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) => (await db.execute<T>(q)).rows;
  const [customer] = await one(sql`select * from customers where id = ${id}`);
  const orderRows = await one<{
    id: string;
    number: string;
    status: string;
    total_cents: string;
    placed_at: Date;
    fulfilment_type: string;
    shipping_address: unknown;
    channel: string;
    store: string | null;
  }>(sql`select o.*, ch.name as channel, l.name as store from orders o join channels ch on ch.id = o.channel_id
    left join locations l on l.id = o.location_id where o.customer_id = ${id}`);
  const ids = uuidArray(orderRows.map((o) => o.id));
  await one(sql`select * from order_lines where order_id = any(${ids})`);
  const pickupRows = await one<{ state: string; ready_at: Date | null; collected_at: Date | null }>(
    sql`select * from pickups where order_id = any(${ids})`,
  );
  const events = await one<{ type: string; created_at: Date }>(
    sql`select * from order_events where order_id = any(${ids})`,
  );
  const messages = await one<{ created_at: Date }>(sql`select * from notification_outbox where order_id = any(${ids})`);
  const notes = await one<{ created_at: Date }>(sql`select * from customer_notes where customer_id = ${id}`);
  await one(sql`select * from customer_identities where customer_id = ${id}`);
  const loyalty = await one<{ points: number }>(sql`select * from loyalty_entries where customer_id = ${id}`);
  await one(sql`select * from stock_alerts where customer_id = ${id}`);

  const time = (d: Date | string | null) => (d ? new Date(d).getTime() : 0);
  const live = orderRows.filter((o) => o.status !== 'cancelled');
  const ltv = live.reduce((sum, o) => sum + Number(o.total_cents), 0);
  const summary = {
    count: orderRows.length,
    ltv,
    average: live.length ? Math.round(ltv / live.length) : null,
    first: Math.min(...orderRows.map((o) => time(o.placed_at))),
    last: Math.max(...orderRows.map((o) => time(o.placed_at))),
    channels: [...new Set(orderRows.map((o) => o.channel))].sort(),
    addresses: [...new Set(orderRows.filter((o) => o.shipping_address).map((o) => JSON.stringify(o.shipping_address)))],
    stores: Object.entries(
      orderRows.reduce<Record<string, number>>((acc, o) => {
        if (o.store) acc[o.store] = (acc[o.store] ?? 0) + 1;
        return acc;
      }, {}),
    ).sort((a, b) => b[1] - a[1])[0],
    open: pickupRows.filter((p) => !['collected', 'expired', 'cancelled', 'rejected'].includes(p.state)),
    balance: loyalty.reduce((sum, e) => sum + e.points, 0),
    customer,
  };
  const timeline = [
    ...orderRows.map((o) => time(o.placed_at)),
    ...pickupRows.flatMap((p) => [time(p.ready_at), time(p.collected_at)].filter(Boolean)),
    ...events.filter((e) => e.type.includes('returned')).map((e) => time(e.created_at)),
    ...messages.map((m) => time(m.created_at)),
    ...notes.map((n) => time(n.created_at)),
  ]
    .sort((a, b) => b - a)
    .slice(0, TIMELINE_PAGE_SIZE);
  return timeline.length + (summary.count > 0 ? 0 : 1);
}

/**
 * customers.profile — the data of /customers/[id] (profilePage: the page's own functions, with its
 * Promise.all) for a customer with 200 orders: the seed's busiest customer when they have that many,
 * else a regular made for the run with 200 orders over the year on the run's own channel (shipped,
 * collected with their 'ready' messages, at a till; loyalty points, notes), among the 3M orders.
 * Baseline: the profile read by eager loading (every order, line, pickup, event and message of the
 * customer, summary and timeline computed in the application) — with the same indexes, since a
 * schema without an index on orders.customer_id is not an honest opponent; what it lacks is the
 * summary kept on the row and a timeline read a page at a time. The customer it makes goes at the end.
 */
export const customersProfile: Scenario = {
  name: 'customers.profile',
  goal: `p95 < ${GOAL_P95_MS} ms with ${ORDERS} orders`,
  async run(ctx) {
    const db = ctx.handle.db;
    const bench = await openCustomerBench(db, 'profile');
    try {
      const { rows: top } = await db.execute<{ id: string; order_count: number }>(sql`
        select id, order_count from customers where merged_into_id is null order by order_count desc limit 1`);
      let id: string;
      let origin: string;
      if (top[0] && top[0].order_count >= ORDERS) {
        id = top[0].id;
        origin = `the seed's busiest customer (${top[0].order_count} orders)`;
      } else {
        const catalogue = await sampleCatalogue(db);
        id = await makeRegular(
          db,
          bench,
          catalogue,
          {
            firstName: 'Héloïse',
            lastName: 'Lefèvre-Bench',
            email: `${bench.tag}@exemple.fr`,
            phone: null,
            city: 'Lyon',
            postalCode: '69002',
            line1: '12 rue de la République',
          },
          ORDERS,
          'p',
        );
        await db.execute(sql`analyze customers`);
        origin = `a regular made for the run (the seed's busiest has ${top[0]?.order_count ?? 0} orders)`;
      }
      const items = await profilePage(db, bench.owner, id);
      if (items !== TIMELINE_PAGE_SIZE)
        throw new Error(`customers.profile: the timeline's first page has ${items} items`);

      const ours = await measure(() => profilePage(db, bench.owner, id), {
        warmup: 20,
        iterations: iterations(200, ctx.options.scale, 30),
      });
      const baseline = await measure(() => naiveProfile(db, id), {
        warmup: 5,
        iterations: iterations(50, ctx.options.scale, 10),
      });
      return {
        ours,
        baseline,
        ok: ours.p95_ms < GOAL_P95_MS,
        note:
          `${origin}; ours: the page's reads (profile, then overview, timeline page, channels, loyalty, undoable merge, erasure at once); ` +
          'baseline: eager loading of every order with its lines, pickups, events and messages, summary and timeline computed in the application (same indexes)',
      };
    } finally {
      await bench.cleanUp();
    }
  },
};
