import { randomUUID } from 'node:crypto';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { executePrepared, preparedTransaction, type Db, type PreparedTx } from '@/db/client';
import { checkChannel } from '@/lib/channels/authenticate';
import { alias } from 'drizzle-orm/pg-core';
import { channels, inventoryLevels, orders } from '@/db/schema';
import { customerCtes, type CustomerCtes } from '@/lib/customers/resolve-customer';
import { pointsForPaidCents } from '@/lib/loyalty/rules';
import { DomainError, OutOfStock, ServiceUnavailable } from '@/lib/errors';
import { capAllowance } from '@/lib/inventory/availability';
import { availableToPromiseSql } from '@/lib/inventory/rules';
import { bookClaimedStockCtes, claimStockCtes, type StockClaim, type StockClaimCtes } from '@/lib/inventory/reserve';
import { kpiUpsert } from '@/lib/kpis/rollup';
import { announceSql } from '@/lib/live/announce';
import { liveTopic } from '@/lib/live/topics';
import { ingestOrderReference } from './ingest-order.reference';
import type { IngestOrderInput } from './schemas';

/** The channel an order comes from, by code; its settings are read with the order's context. */
export type IngestChannel = { code: string };

/** How the order proves where it comes from. */
export type IngestOptions = {
  /** A channel's delivery, its signature verified by deliverOrder (lib/orders/deliver-order.ts). */
  delivery?: boolean;
  /** Staff taking the order for the channel (phone orders), already authorised by the caller. */
  actorId?: string | null;
};

export type IngestedOrder = { id: string; number: string; externalId: string; status: string };
export type IngestResult = { created: boolean; order: IngestedOrder };

type Channel = {
  id: string;
  code: string;
  active: boolean;
  allowSplitShipments: boolean;
  allowBackorders: boolean;
  allowShipToStore: boolean;
};
type Line = { id: string; lineNo: number; variantId: string; sku: string; quantity: number; unitPriceCents: number };
type Candidate = { locationId: string; available: number };
/** Where ingestion's statements run: the database, or the transaction of an attempt under locks. */
type Conn = Db | PreparedTx;

/**
 * Attempts in all. All but the last plan from a snapshot and claim optimistically; the last one
 * plans under the locks of every row it may claim, so that its answer — taken or out of stock — is
 * the truth at that moment, not a race lost to other orders.
 */
const ATTEMPTS = 3;

/**
 * Takes one channel order exactly once: the order and its lines, the customer (matched by
 * identity or created), the stock (reserved where the order will be fulfilled, or sold at once
 * for a counter sale), the timeline, the customer summary and the KPI rollup, all or nothing.
 * The same (channel, external id) again returns the first order and writes nothing; a line that
 * cannot be reserved refuses the whole order (OutOfStock) unless the channel takes backorders.
 * Contention that outlasts the attempts (deadlocks, serialization failures) is ServiceUnavailable.
 *
 * Two round trips: one read for what the order must decide on (the channel, SKUs, location,
 * availability), then one statement that writes it all and refuses itself — rolling back every
 * part — when the stock is gone, the order was delivered before, a cap appeared or its new
 * customer was created concurrently. Only SKUs a channel is capped on, and a ship order's last
 * attempt, take a transaction: the rows are locked first, and the context read after the locks.
 */
export async function ingestOrder(
  db: Db,
  channel: IngestChannel,
  input: IngestOrderInput,
  opts: IngestOptions = {},
): Promise<IngestResult> {
  const actorId = opts.actorId ?? null;
  let channelId: string | null = null;
  let shipToStore = false;
  for (let attempt = 1; ; attempt++) {
    const exact = attempt === ATTEMPTS;
    try {
      if (!exact) {
        const context = await loadContext(db, channel.code, input);
        const from = authorise(channel.code, context.channel, opts);
        channelId = from.id;
        shipToStore = from.allowShipToStore;
        if (Object.keys(context.allowance).length === 0) {
          try {
            return await take(db, from, input, context, actorId, { exact, capsLocked: false });
          } catch (error) {
            if (!(error instanceof CapAppeared)) throw error;
          }
        }
      }
      return await preparedTransaction(db, async (tx) => {
        const locked = await loadLockedContext(tx, channel.code, input, {
          levels: exact && input.fulfilment.type === 'ship',
        });
        const from = authorise(channel.code, locked.channel, opts);
        channelId = from.id;
        shipToStore = from.allowShipToStore;
        return take(tx, from, input, locked, actorId, { exact, capsLocked: true });
      });
    } catch (error) {
      if (error instanceof Replay || error instanceof DomainError) {
        // A replay answers with the first result, even if the order could no longer be taken now.
        const first = channelId ? await findIngested(db, channelId, input.externalId) : null;
        if (first) return { created: false, order: first };
        if (error instanceof Replay)
          throw new DomainError('conflict', 'This order is being delivered concurrently; retry.');
        // A pickup the store cannot serve: the readable path takes it by ship-to-store if another
        // location can (and answers out of stock if none can).
        if (error instanceof OutOfStock && shipToStore && input.fulfilment.type === 'pickup')
          return ingestShipToStore(db, channel, input, actorId);
        throw error;
      }
      if (!(error instanceof StockMoved || error instanceof IdentityTaken || isContention(error))) throw error;
      // Stock cannot have moved under the last attempt's locks: what is left is contention; nothing was written.
      if (attempt === ATTEMPTS) throw new ServiceUnavailable();
    }
  }
}

/**
 * Ship-to-store through the readable ingestion (ingest-order.reference.ts, step 5b), which locks
 * the rows it takes: one transaction, rare enough not to need the fast statement. A concurrent
 * delivery of the same order that won the race answers with its order.
 */
async function ingestShipToStore(
  db: Db,
  channel: IngestChannel,
  input: IngestOrderInput,
  actorId: string | null,
): Promise<IngestResult> {
  try {
    return await ingestOrderReference(db, channel, input, { actorId });
  } catch (error) {
    if (pgError(error)?.code !== '23505') throw error;
    const [first] = await db
      .select({ id: orders.id, number: orders.number, externalId: orders.externalId, status: orders.status })
      .from(orders)
      .innerJoin(channels, eq(channels.id, orders.channelId))
      .where(and(eq(channels.code, channel.code.trim().toLowerCase()), eq(orders.externalId, input.externalId)));
    if (first) return { created: false, order: first };
    throw new DomainError('conflict', 'This order is being delivered concurrently; retry.');
  }
}

/** The (channel, external id) was already taken: the statement wrote nothing. */
class Replay extends Error {}
/** A ship line's snapshot said "available" but another order took it first: plan again. */
class StockMoved extends Error {}
/** A cap on one of the SKUs appeared after the unlocked read: take the order under the lock. */
class CapAppeared extends Error {}
/** The customer this order created was created concurrently by another order: the next attempt matches them. */
class IdentityTaken extends Error {}

/** A deadlock or a serialization failure: the transaction was rolled back and may simply run again. */
function isContention(error: unknown): boolean {
  const code = pgError(error)?.code;
  return code === '40P01' || code === '40001';
}

type PgError = { code?: string; message?: string; detail?: string };

/** The driver's error, whether Drizzle wrapped it or not. */
function pgError(error: unknown): PgError | undefined {
  const e = error as (PgError & { cause?: PgError }) | undefined;
  return e?.code ? e : e?.cause;
}

/** The channel must exist and be active (for a delivery gone inactive since its signature was checked: a 401). */
function authorise(code: string, channel: Channel | null, opts: IngestOptions): Channel {
  checkChannel(code, channel, opts.delivery ? 'delivery' : 'staff');
  return channel;
}

async function take(
  db: Conn,
  channel: Channel,
  input: IngestOrderInput,
  context: Context,
  actorId: string | null,
  how: { exact: boolean; capsLocked: boolean },
): Promise<IngestResult> {
  const type = input.fulfilment.type;
  const location = type === 'ship' ? null : checkLocation(input, context.location);
  const variantOf = new Map(context.variants.map((v) => [v.sku, v.id]));
  const unknown = [...new Set(input.lines.map((l) => l.sku.toUpperCase()))].filter((s) => !variantOf.has(s));
  if (unknown.length) throw new DomainError('unprocessable', `Unknown SKU: ${unknown.join(', ')}.`, { skus: unknown });
  const lines: Line[] = input.lines.map((l, i) => {
    const sku = l.sku.toUpperCase();
    return {
      id: randomUUID(),
      lineNo: i + 1,
      variantId: variantOf.get(sku)!,
      sku,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
    };
  });

  const backorderable = channel.allowBackorders && type !== 'in_store';
  const plan = planClaims(channel, type, location?.id ?? null, lines, context);
  if (plan.short.length && !backorderable) throw new OutOfStock(plan.short);

  const order = await writeOrder(db, {
    channel,
    input,
    orderId: randomUUID(),
    locationId: location?.id ?? null,
    lines,
    plan,
    actorId,
    // Ship lines planned from a snapshot: stock taken since is a reason to plan again, not to refuse
    // (planned under the rows' locks, the last attempt's claims cannot fail).
    retryMoved: type === 'ship' && !how.exact,
    backorderable,
    capsLocked: how.capsLocked,
  });
  return { created: true, order };
}

type Context = {
  channel: Channel | null;
  variants: { id: string; sku: string }[];
  location: {
    id: string;
    kind: 'store' | 'warehouse';
    pickupEnabled: boolean;
    pickupPaused: boolean;
    active: boolean;
  } | null;
  /** Units a ring-fenced channel may still reserve, per variant capped (none: not ring-fenced on these SKUs). */
  allowance: Record<string, number>;
  /** Ship orders: per variant, locations with stock, warehouses first then the most available. */
  candidates: Record<string, Candidate[]>;
};

/** The order's SKUs, once each, as a list of SQL parameters. */
function skuList(input: IngestOrderInput): SQL {
  return sql.join(
    [...new Set(input.lines.map((l) => l.sku.toUpperCase()))].map((s) => sql`${s}`),
    sql`, `,
  );
}

/**
 * The context read after locking, in the order's transaction: the channel's caps on these SKUs
 * and, with `levels`, every inventory row of these SKUs, locked until commit in (SKU, location)
 * order — one order for every such transaction, so they cannot deadlock each other. The read
 * comes in a statement of its own: under READ COMMITTED a statement's snapshot is taken when it
 * starts, and the locking statement's had been taken before it waited for the locks, so it could
 * not see what the orders it waited for had reserved. A cap that appeared between the lock and
 * the read is locked in turn.
 */
async function loadLockedContext(
  tx: Conn,
  code: string,
  input: IngestOrderInput,
  opts: { levels: boolean },
): Promise<Context> {
  for (;;) {
    const { rows } = await executePrepared<{ caps: string[] }>(
      tx,
      sql`
      with ch as (select id from channels where code = ${code.trim().toLowerCase()}),
      v as (select id from variants where sku in (${skuList(input)})),
      caps as (
        select c.variant_id from channel_stock_caps c
        where c.channel_id = (select id from ch) and c.variant_id in (select id from v)
        order by c.variant_id for update of c),
      levels as (
        select l.variant_id from inventory_levels l
        where ${opts.levels} and l.variant_id in (select id from v)
        order by l.variant_id, l.location_id for update of l)
      select (select coalesce(json_agg(variant_id), '[]') from caps) as caps, (select count(*) from levels) as levels`,
    );
    const locked = new Set(rows[0].caps);
    const context = await loadContext(tx, code, input);
    if (Object.keys(context.allowance).every((variant) => locked.has(variant))) return context;
  }
}

/** One read for everything the order must decide on. */
async function loadContext(db: Conn, code: string, input: IngestOrderInput): Promise<Context> {
  const skus = skuList(input);
  const location = input.fulfilment.type === 'ship' ? null : input.fulfilment.locationCode.toUpperCase();
  const available = availableToPromiseSql(alias(inventoryLevels, 'l'));
  const { rows } = await executePrepared<Context>(
    db,
    sql`
    with ch as (select * from channels where code = ${code.trim().toLowerCase()}),
    v as (select id, sku from variants where sku in (${skus})),
    caps as (
      select c.variant_id, ${capAllowance('c')} as allowance
      from channel_stock_caps c where c.channel_id = (select id from ch) and c.variant_id in (select id from v))
    select
      (select json_build_object('id', id, 'code', code, 'active', active,
         'allowSplitShipments', allow_split_shipments, 'allowBackorders', allow_backorders,
         'allowShipToStore', allow_ship_to_store) from ch) as channel,
      (select coalesce(json_agg(json_build_object('id', id, 'sku', sku)), '[]') from v) as variants,
      (select json_build_object('id', id, 'kind', kind, 'pickupEnabled', pickup_enabled, 'pickupPaused', pickup_paused,
         'active', active)
         from locations where code = ${location}) as location,
      (select coalesce(json_object_agg(variant_id, allowance), '{}') from caps) as allowance,
      (select coalesce(json_object_agg(variant_id, list), '{}') from (
         select l.variant_id, json_agg(json_build_object('locationId', l.location_id, 'available', ${available})
           order by (loc.kind = 'warehouse') desc, ${available} desc, loc.code) as list
         from inventory_levels l join locations loc on loc.id = l.location_id and loc.active
         where ${input.fulfilment.type === 'ship'} and l.variant_id in (select id from v) and ${available} > 0
         group by l.variant_id) c) as candidates`,
  );
  return rows[0];
}

function checkLocation(input: IngestOrderInput, loc: Context['location']): NonNullable<Context['location']> {
  const code = input.fulfilment.type === 'ship' ? '' : input.fulfilment.locationCode;
  if (!loc || !loc.active)
    throw new DomainError('unprocessable', `Unknown location "${code}".`, { field: 'fulfilment.locationCode' });
  if (input.fulfilment.type === 'pickup' && !loc.pickupEnabled) {
    throw new DomainError('unprocessable', `Location "${code}" does not offer click-and-collect.`);
  }
  if (input.fulfilment.type === 'pickup' && loc.pickupPaused) {
    throw new DomainError('unprocessable', `Location "${code}" has paused click-and-collect.`);
  }
  if (input.fulfilment.type === 'in_store' && loc.kind !== 'store')
    throw new DomainError('unprocessable', `Location "${code}" is not a store.`);
  return loc;
}

type Plan = { claims: StockClaim[]; short: string[] };

/**
 * Where each line takes its stock. Pickup: at the pickup store; in-store: at that store;
 * ship: the first location (warehouses first, then the store with the most available) that
 * holds the whole line, else — when the channel allows split shipments — across locations.
 * A ring-fenced channel gets no more than its cap allows. Lines planned here are claimed by
 * one conditional update per row, which has the last word.
 */
function planClaims(
  channel: Channel,
  type: IngestOrderInput['fulfilment']['type'],
  locationId: string | null,
  lines: Line[],
  ctx: Context,
): Plan {
  const claims: StockClaim[] = [];
  const short = new Set<string>();
  const allowance = new Map(Object.entries(ctx.allowance));
  const left = new Map(Object.entries(ctx.candidates).map(([variant, list]) => [variant, list.map((c) => ({ ...c }))]));
  for (const line of lines) {
    const claim = (loc: string, quantity: number) =>
      claims.push({ orderLineId: line.id, variantId: line.variantId, sku: line.sku, locationId: loc, quantity });
    if (type !== 'in_store' && allowance.has(line.variantId)) {
      const units = allowance.get(line.variantId)!;
      if (units < line.quantity) {
        short.add(line.sku);
        continue;
      }
      allowance.set(line.variantId, units - line.quantity);
    }
    if (type !== 'ship') {
      claim(locationId!, line.quantity);
      continue;
    }
    const options = left.get(line.variantId) ?? [];
    const whole = options.find((o) => o.available >= line.quantity);
    if (whole) {
      whole.available -= line.quantity;
      claim(whole.locationId, line.quantity);
    } else if (channel.allowSplitShipments && options.reduce((a, o) => a + o.available, 0) >= line.quantity) {
      let needed = line.quantity;
      for (const o of options) {
        const take = Math.min(needed, o.available);
        if (take === 0) continue;
        o.available -= take;
        needed -= take;
        claim(o.locationId, take);
        if (needed === 0) break;
      }
    } else {
      short.add(line.sku);
    }
  }
  // Sorted, as the write statement lists the SKUs it found short: one order refused says them in one order.
  return { claims, short: [...short].sort() };
}

type WriteOrder = {
  channel: Channel;
  input: IngestOrderInput;
  orderId: string;
  locationId: string | null;
  lines: Line[];
  plan: Plan;
  actorId: string | null;
  retryMoved: boolean;
  backorderable: boolean;
  capsLocked: boolean;
};

// The CTEs of the write statement that several of its parts read.
const ORDER_INSERTED = sql.raw('order_inserted');
const SKUS_SHORT = sql.raw('order_skus_short');

/**
 * The customer (customerCtes, this order counted on their summary), the order, its lines, its
 * stock (claimStockCtes, bookClaimedStockCtes), its pickup, the timeline, the KPI rollup and, at
 * a location, its live announcement (announceOrder): one statement, which refuses itself (comptoir_refuse, migration 0006) — so that none of its parts
 * stays written, with or without a transaction around it — when the (channel, external id) exists
 * already (Replay), when a claim failed that a new plan may meet (StockMoved), when stock is
 * short and the order cannot wait for it (OutOfStock), when the channel got a cap on one of its
 * SKUs since the unlocked read (CapAppeared), or when the customer it created was created by a
 * concurrent order too (IdentityTaken). Its plain twin, for reading, is ingestOrderReference
 * (ingest-order.reference.ts); the property test holds them to the same results.
 */
async function writeOrder(db: Conn, w: WriteOrder): Promise<IngestedOrder> {
  const mode = w.input.fulfilment.type === 'in_store' ? 'sell' : 'reserve';
  const customer = w.input.customer
    ? customerCtes(w.channel.code, w.input.customer, {
        totalCents: w.input.totals.totalCents,
        placedAt: w.input.placedAt,
      })
    : null;
  const stock = claimStockCtes(mode, w.plan.claims);
  const announced = announceOrder(w);
  const earned = earnPoints(w, customer);
  const parts = [
    deliveredBefore(w),
    ...(customer ? [customer.ctes] : []),
    stock.ctes,
    skusShort(stock, w.plan),
    insertOrder(w, customer, stock),
    insertLines(w),
    insertPickup(w, customer),
    insertEvents(w),
    bookClaimedStockCtes(mode, stock, { orderId: w.orderId, actorId: w.actorId, orderInserted: ORDER_INSERTED }),
    countKpi(w),
    ...(earned ? [earned] : []),
    ...(announced ? [announced] : []),
    skusShortJson(),
  ];
  try {
    const { rows } = await executePrepared<IngestedOrder>(
      db,
      sql`with ${sql.join(parts, sql`, `)} ${verdict(w, stock, customer, announced !== null)}`,
    );
    return rows[0];
  } catch (error) {
    throw refusal(error) ?? error;
  }
}

/** `order_delivered_before`: a row when this (channel, external id) was taken by an earlier statement. */
function deliveredBefore(w: WriteOrder): SQL {
  return sql`order_delivered_before as (select 1 from orders where channel_id = ${w.channel.id} and external_id = ${w.input.externalId})`;
}

/** `order_skus_short (sku)`: every SKU the order lacks, short at planning or unclaimed at its row. */
function skusShort(stock: StockClaimCtes, plan: Plan): SQL {
  const plannedShort = sql`array[${sql.join(
    plan.short.map((s) => sql`${s}::text`),
    sql`, `,
  )}]::text[]`;
  return sql`${SKUS_SHORT} as (select sku from ${stock.skusUnclaimed} union select unnest(${plannedShort}))`;
}

/**
 * `order_inserted (id, number, external_id, status)`: the order, or no row — an order about to be
 * refused is not written at all (no number taken, no index entry left behind), and one delivered
 * concurrently loses to the first on (channel_id, external_id).
 */
function insertOrder(w: WriteOrder, customer: CustomerCtes | null, stock: StockClaimCtes): SQL {
  const { input, channel } = w;
  const type = input.fulfilment.type;
  const itemCount = input.lines.reduce((a, l) => a + l.quantity, 0);
  const address = input.fulfilment.type === 'ship' ? JSON.stringify(input.fulfilment.address) : null;
  return sql`${ORDER_INSERTED} as (
      insert into orders (id, number, channel_id, external_id, customer_id, status, fulfilment_type, location_id, fulfilling_location_id, shipping_address,
        currency, subtotal_cents, discount_cents, shipping_cents, tax_cents, total_cents, item_count, placed_at)
      select ${w.orderId}, 'CMP-' || nextval('order_number_seq'), ${channel.id}, ${input.externalId}, ${customer ? sql`(select id from ${customer.customer})` : sql`null::uuid`},
        (case when ${type === 'in_store'} then 'completed' when exists (select 1 from ${SKUS_SHORT}) then 'backordered' else 'placed' end)::order_status,
        ${type}, ${w.locationId}::uuid, ${w.locationId ?? mainLocation(w.plan.claims)}::uuid, ${address}::jsonb,
        ${input.currency}, ${input.totals.subtotalCents}, ${input.totals.discountCents}, ${input.totals.shippingCents},
        ${input.totals.taxCents}, ${input.totals.totalCents}, ${itemCount}, ${input.placedAt}::timestamptz
      where (${w.backorderable} or not exists (select 1 from ${SKUS_SHORT}))
        and not (${w.retryMoved} and exists (select 1 from ${stock.skusUnclaimed}))
      on conflict (channel_id, external_id) do nothing
      returning id, number, external_id, status)`;
}

/** `order_lines_inserted`: the lines, written only with the order. */
function insertLines(w: WriteOrder): SQL {
  const values = sql.join(
    w.lines.map(
      (l) =>
        sql`(${l.id}::uuid, ${l.lineNo}::int, ${l.variantId}::uuid, ${l.sku}::text, ${l.quantity}::int, ${l.unitPriceCents}::int)`,
    ),
    sql`, `,
  );
  return sql`order_lines_inserted as (
      insert into order_lines (id, line_no, variant_id, sku, quantity, unit_price_cents, order_id)
      select x.*, o.id from (values ${values}) x, ${ORDER_INSERTED} o)`;
}

/**
 * `order_pickup_inserted`: a pickup order's pickup, placed, with the order only; with the order's
 * number and its customer's folded name, which the counter's lookup matches (given here: the
 * trigger that fills them otherwise would read rows this statement is writing).
 */
function insertPickup(w: WriteOrder, customer: CustomerCtes | null): SQL {
  const searchName = customer ? sql`(select search_name from ${customer.customer})` : sql`null::text`;
  return sql`order_pickup_inserted as (
      insert into pickups (order_id, location_id, state, placed_at, order_number, search_name)
      select id, ${w.locationId}::uuid, 'placed'::pickup_state, ${w.input.placedAt}::timestamptz, number, ${searchName}
      from ${ORDER_INSERTED} where ${w.input.fulfilment.type === 'pickup'})`;
}

/** `order_events_inserted`: the timeline's first two events, placed then reserved, sold or backordered (with its SKUs). */
function insertEvents(w: WriteOrder): SQL {
  const taken = w.input.fulfilment.type === 'in_store' ? 'sold' : 'reserved';
  const placed = JSON.stringify({ channel: w.channel.code, externalId: w.input.externalId });
  return sql`order_events_inserted as (
      insert into order_events (order_id, type, actor_id, data)
      select id, 'placed', ${w.actorId}::uuid, ${placed}::jsonb from ${ORDER_INSERTED}
      union all
      select id, case when exists (select 1 from ${SKUS_SHORT}) then 'backordered' else ${taken} end, ${w.actorId}::uuid,
        case when exists (select 1 from ${SKUS_SHORT}) then json_build_object('skus', (select json_agg(sku order by sku) from ${SKUS_SHORT}))::jsonb else '{}'::jsonb end
      from ${ORDER_INSERTED})`;
}

/** `order_kpi_counted`: the order on its day's rollup (a refused statement counts nothing). */
function countKpi(w: WriteOrder): SQL {
  const { input } = w;
  return sql`order_kpi_counted as (${kpiUpsert(
    { placedAt: input.placedAt, channelId: w.channel.id, locationId: w.locationId },
    {
      orders: 1,
      revenueCents: input.totals.totalCents,
      units: input.lines.reduce((a, l) => a + l.quantity, 0),
      pickupOrders: input.fulfilment.type === 'pickup' ? 1 : 0,
    },
  )})`;
}

/**
 * `order_points_earned`: a counter sale is fulfilled as it is taken, so its customer earns the
 * order's points here (the rule: pointsForPaidCents, lib/loyalty/rules.ts; what earnOrderPoints
 * writes when an order is shipped or collected). Left out of the statement when nothing is earned.
 */
function earnPoints(w: WriteOrder, customer: CustomerCtes | null): SQL | null {
  const points = pointsForPaidCents(w.input.totals.totalCents);
  if (w.input.fulfilment.type !== 'in_store' || !customer || points <= 0) return null;
  return sql`order_points_earned as (
      insert into loyalty_entries (customer_id, points, kind, order_id, channel_id, actor_id)
      select (select id from ${customer.customer}), ${points}::int, 'earn', o.id, ${w.channel.id}::uuid, ${w.actorId}::uuid
      from ${ORDER_INSERTED} o)`;
}

/**
 * `order_announced`: an order taken for a location announced on its live topics — the location's
 * orders, and its pickup queue for a pickup (announceSql, lib/live). NOTIFY is transactional: the
 * announcement goes out when the statement commits, never when it refuses itself. A ship order
 * announces nothing (no store list shows it live), and its statement is the same as before.
 */
function announceOrder(w: WriteOrder): SQL | null {
  if (!w.locationId) return null;
  const topics = [liveTopic.orders(w.locationId)];
  if (w.input.fulfilment.type === 'pickup') topics.push(liveTopic.pickups(w.locationId));
  const values = sql.join(
    topics.map((t) => sql`(${t}::text)`),
    sql`, `,
  );
  return sql`order_announced as (
      select ${announceSql(sql`t.topic`, 'order.placed', sql`o.id`)} from ${ORDER_INSERTED} o, (values ${values}) t(topic))`;
}

/** `order_skus_short_json (skus)`: the short SKUs as one JSON array, sorted, for OutOfStock. */
function skusShortJson(): SQL {
  return sql`order_skus_short_json as (select coalesce(json_agg(sku order by sku), '[]') as skus from ${SKUS_SHORT})`;
}

/**
 * The statement's answer: the order inserted, or a refusal (comptoir_refuse) that rolls every
 * part back — tested in this order, so a replay is told as a replay even when stock is gone now.
 */
function verdict(w: WriteOrder, stock: StockClaimCtes, customer: CustomerCtes | null, announced: boolean): SQL {
  const variantIds = sql.join(
    [...new Set(w.lines.map((l) => l.variantId))].map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return sql`select o.id, o.number, o.external_id as "externalId", o.status
    from order_skus_short_json short left join ${ORDER_INSERTED} o on true
    -- A CTE that only reads runs when something reads it: this runs order_announced.
    where ${announced ? sql`(select count(*) from order_announced) >= 0 and ` : sql``}case
      when exists (select 1 from order_delivered_before) then comptoir_refuse('replay')
      when ${w.retryMoved} and exists (select 1 from ${stock.skusUnclaimed}) then comptoir_refuse('stock_moved')
      when ${!w.backorderable} and exists (select 1 from ${SKUS_SHORT}) then comptoir_refuse('out_of_stock', short.skus::jsonb)
      -- Delivered concurrently: the other delivery's order took the (channel, external id) first.
      when o.id is null then comptoir_refuse('replay')
      when ${!w.capsLocked} and exists (
        select 1 from channel_stock_caps c where c.channel_id = ${w.channel.id} and c.variant_id in (${variantIds})) then comptoir_refuse('capped')
      when ${customer ? sql`exists (select 1 from ${customer.createdConcurrently})` : sql`false`} then comptoir_refuse('identity_taken')
      else true end`;
}

/** What a refused write statement means for the caller; undefined for any other error. */
function refusal(error: unknown): Error | undefined {
  const e = pgError(error);
  if (e?.code !== 'CMP01') return undefined;
  if (e.message === 'replay') return new Replay();
  if (e.message === 'stock_moved') return new StockMoved();
  if (e.message === 'capped') return new CapAppeared();
  if (e.message === 'identity_taken') return new IdentityTaken();
  if (e.message === 'out_of_stock') return new OutOfStock(JSON.parse(e.detail ?? '[]') as string[]);
  return undefined;
}

/** The location a ship order's stock mostly comes from: where its staff will find it. */
function mainLocation(claims: readonly StockClaim[]): string | null {
  const units = new Map<string, number>();
  for (const c of claims) units.set(c.locationId, (units.get(c.locationId) ?? 0) + c.quantity);
  let best: string | null = null;
  for (const [loc, n] of units)
    if (best === null || n > units.get(best)! || (n === units.get(best)! && loc < best)) best = loc;
  return best;
}

async function findIngested(db: Db, channelId: string, externalId: string): Promise<IngestedOrder | null> {
  const [row] = await db
    .select({ id: orders.id, number: orders.number, externalId: orders.externalId, status: orders.status })
    .from(orders)
    .where(and(eq(orders.channelId, channelId), eq(orders.externalId, externalId)));
  return row ?? null;
}
