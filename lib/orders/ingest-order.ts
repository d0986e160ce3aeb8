import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { executePrepared, type Db, type Tx } from '@/db/client';
import { orders } from '@/db/schema';
import { customerCtes } from '@/lib/customers/resolve-customer';
import { DomainError, OutOfStock } from '@/lib/errors';
import { capAllowance } from '@/lib/inventory/availability';
import { stockClaimCtes, stockRecordCtes, type StockClaim } from '@/lib/inventory/reserve';
import { kpiUpsert } from '@/lib/kpis/rollup';
import type { IngestOrderInput } from './schemas';

export type IngestChannel = {
  id: string;
  code: string;
  allowSplitShipments: boolean;
  allowBackorders: boolean;
};

export type IngestedOrder = { id: string; number: string; externalId: string; status: string };
export type IngestResult = { created: boolean; order: IngestedOrder };

type Line = { id: string; lineNo: number; variantId: string; sku: string; quantity: number; unitPriceCents: number };
type Candidate = { locationId: string; available: number };

/** Attempts when stock another order took between reading availability and claiming it. */
const ATTEMPTS = 3;

/**
 * Takes one channel order exactly once. In one transaction: the order and its lines, the
 * customer (matched by identity or created), the stock (reserved where the order will be
 * fulfilled, or sold at once for a counter sale), the timeline, the customer summary and the
 * KPI rollup. The same (channel, external id) again returns the first order and writes nothing;
 * a line that cannot be reserved refuses the whole order (OutOfStock) unless the channel takes
 * backorders.
 *
 * Two statements: what the order needs to know (SKUs, location, caps, availability), then the
 * customer, the order, its stock, timeline and rollups in one — each round trip costs more
 * than the SQL it carries.
 */
export async function ingestOrder(
  db: Db,
  channel: IngestChannel,
  input: IngestOrderInput,
  opts: { actorId?: string | null } = {},
): Promise<IngestResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => ingestOnce(tx, channel, input, opts.actorId ?? null, attempt === ATTEMPTS));
    } catch (error) {
      if (error instanceof Replay) {
        const first = await findIngested(db, channel.id, input.externalId);
        if (!first) throw new DomainError('conflict', 'This order is being delivered concurrently; retry.');
        return { created: false, order: first };
      }
      if (error instanceof DomainError) {
        // A replay answers with the first result even if the order could no longer be taken now.
        const first = await findIngested(db, channel.id, input.externalId);
        if (first) return { created: false, order: first };
        throw error;
      }
      if (!(error instanceof StockMoved || isDeadlock(error)) || attempt === ATTEMPTS) throw error;
    }
  }
}

/** The (channel, external id) was already taken: roll back, answer with the first order. */
class Replay extends Error {}
/** A ship line's snapshot said "available" but another order took it first: plan again. */
class StockMoved extends Error {}

function isDeadlock(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  return code === '40P01';
}

async function ingestOnce(tx: Tx, channel: IngestChannel, input: IngestOrderInput, actorId: string | null, lastAttempt: boolean): Promise<IngestResult> {
  const type = input.fulfilment.type;
  const context = await loadContext(tx, channel, input);
  const location = type === 'ship' ? null : checkLocation(input, context.location);

  const variantOf = new Map(context.variants.map((v) => [v.sku, v.id]));
  const unknown = [...new Set(input.lines.map((l) => l.sku.toUpperCase()))].filter((s) => !variantOf.has(s));
  if (unknown.length) throw new DomainError('unprocessable', `Unknown SKU: ${unknown.join(', ')}.`, { skus: unknown });
  const lines: Line[] = input.lines.map((l, i) => {
    const sku = l.sku.toUpperCase();
    return { id: randomUUID(), lineNo: i + 1, variantId: variantOf.get(sku)!, sku, quantity: l.quantity, unitPriceCents: l.unitPriceCents };
  });

  const plan = planClaims(channel, type, location?.id ?? null, lines, context);
  if (plan.short.length && (!channel.allowBackorders || type === 'in_store')) throw new OutOfStock(plan.short);

  const orderId = randomUUID();
  const written = await writeOrder(tx, { channel, input, orderId, locationId: location?.id ?? null, lines, plan, actorId });
  if (!written) throw new Replay();
  const failed = written.short.filter((sku) => !plan.short.includes(sku));
  // Ship lines were planned from a snapshot: stock taken since is a reason to plan again, not to refuse.
  if (failed.length && type === 'ship' && !lastAttempt) throw new StockMoved();
  if (written.short.length && (!channel.allowBackorders || type === 'in_store')) throw new OutOfStock(written.short);
  return { created: true, order: { id: written.id, number: written.number, externalId: written.externalId, status: written.status } };
}

type Context = {
  variants: { id: string; sku: string }[];
  location: { id: string; kind: 'store' | 'warehouse'; pickupEnabled: boolean; active: boolean } | null;
  /** Units a ring-fenced channel may still reserve, per variant (caps locked until commit). */
  allowance: Record<string, number>;
  /** Ship orders: per variant, locations with stock, warehouses first then the most available. */
  candidates: Record<string, Candidate[]>;
};

/** One read for everything the order must decide on; the channel's caps on these SKUs are locked. */
async function loadContext(tx: Tx, channel: IngestChannel, input: IngestOrderInput): Promise<Context> {
  const skus = sql.join(
    [...new Set(input.lines.map((l) => l.sku.toUpperCase()))].map((s) => sql`${s}`),
    sql`, `,
  );
  const code = input.fulfilment.type === 'ship' ? null : input.fulfilment.locationCode.toUpperCase();
  const { rows } = await executePrepared<Context>(tx, sql`
    with v as (select id, sku from variants where sku in (${skus})),
    caps as (
      select c.variant_id, ${capAllowance('c')} as allowance
      from channel_stock_caps c where c.channel_id = ${channel.id} and c.variant_id in (select id from v)
      order by c.variant_id
      for update of c)
    select
      (select coalesce(json_agg(json_build_object('id', id, 'sku', sku)), '[]') from v) as variants,
      (select json_build_object('id', id, 'kind', kind, 'pickupEnabled', pickup_enabled, 'active', active)
         from locations where code = ${code}) as location,
      (select coalesce(json_object_agg(variant_id, allowance), '{}') from caps) as allowance,
      (select coalesce(json_object_agg(variant_id, list), '{}') from (
         select l.variant_id, json_agg(json_build_object('locationId', l.location_id, 'available', l.on_hand - l.reserved - l.safety_stock)
           order by (loc.kind = 'warehouse') desc, l.on_hand - l.reserved - l.safety_stock desc, loc.code) as list
         from inventory_levels l join locations loc on loc.id = l.location_id and loc.active
         where ${input.fulfilment.type === 'ship'} and l.variant_id in (select id from v) and l.on_hand - l.reserved - l.safety_stock > 0
         group by l.variant_id) c) as candidates`);
  return rows[0];
}

function checkLocation(input: IngestOrderInput, loc: Context['location']): NonNullable<Context['location']> {
  const code = input.fulfilment.type === 'ship' ? '' : input.fulfilment.locationCode;
  if (!loc || !loc.active) throw new DomainError('unprocessable', `Unknown location "${code}".`, { field: 'fulfilment.locationCode' });
  if (input.fulfilment.type === 'pickup' && !loc.pickupEnabled) {
    throw new DomainError('unprocessable', `Location "${code}" does not offer click-and-collect.`);
  }
  if (input.fulfilment.type === 'in_store' && loc.kind !== 'store') throw new DomainError('unprocessable', `Location "${code}" is not a store.`);
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
function planClaims(channel: IngestChannel, type: IngestOrderInput['fulfilment']['type'], locationId: string | null, lines: Line[], ctx: Context): Plan {
  const claims: StockClaim[] = [];
  const short = new Set<string>();
  const allowance = new Map(Object.entries(ctx.allowance));
  const left = new Map(Object.entries(ctx.candidates).map(([variant, list]) => [variant, list.map((c) => ({ ...c }))]));
  for (const line of lines) {
    const claim = (loc: string, quantity: number) => claims.push({ orderLineId: line.id, variantId: line.variantId, sku: line.sku, locationId: loc, quantity });
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
  return { claims, short: [...short] };
}

type Written = IngestedOrder & { short: string[] };

/**
 * The customer (customerCtes, this order counted on their summary), the order, its lines, its
 * stock (stockClaimCtes), its pickup, the timeline and the KPI rollup: one statement. Returns null when the (channel, external id)
 * exists already — the caller rolls back whatever the other parts wrote.
 */
async function writeOrder(
  tx: Tx,
  w: {
    channel: IngestChannel;
    input: IngestOrderInput;
    orderId: string;
    locationId: string | null;
    lines: Line[];
    plan: Plan;
    actorId: string | null;
  },
): Promise<Written | null> {
  const { input, channel } = w;
  const type = input.fulfilment.type;
  const itemCount = input.lines.reduce((a, l) => a + l.quantity, 0);
  const plannedShort = sql`array[${sql.join(
    w.plan.short.map((s) => sql`${s}::text`),
    sql`, `,
  )}]::text[]`;
  const lineValues = sql.join(
    w.lines.map((l) => sql`(${l.id}::uuid, ${l.lineNo}::int, ${l.variantId}::uuid, ${l.sku}::text, ${l.quantity}::int, ${l.unitPriceCents}::int)`),
    sql`, `,
  );
  const takenEvent = type === 'in_store' ? 'sold' : 'reserved';
  const mode = type === 'in_store' ? 'sell' : 'reserve';
  // The customer, matched or created with this order counted on their summary.
  const customer = input.customer
    ? customerCtes(channel.code, input.customer, { totalCents: input.totals.totalCents, placedAt: input.placedAt })
    : null;
  const { rows } = await executePrepared<Written>(tx, sql`
    with ${customer ? sql`${customer},` : sql``}
    ${stockClaimCtes(mode, w.plan.claims)},
    short_skus as (select sku from stock_short union select unnest(${plannedShort})),
    new_order as (
      insert into orders (id, number, channel_id, external_id, customer_id, status, fulfilment_type, location_id, fulfilling_location_id, shipping_address,
        currency, subtotal_cents, discount_cents, shipping_cents, tax_cents, total_cents, item_count, placed_at)
      values (${w.orderId}, 'CMP-' || nextval('order_number_seq'), ${channel.id}, ${input.externalId}, ${customer ? sql`(select id from customer)` : sql`null::uuid`},
        (case when ${type === 'in_store'} then 'completed' when exists (select 1 from short_skus) then 'backordered' else 'placed' end)::order_status,
        ${type}, ${w.locationId}::uuid, ${w.locationId ?? mainLocation(w.plan.claims)}::uuid, ${type === 'ship' ? JSON.stringify(input.fulfilment.type === 'ship' ? input.fulfilment.address : null) : null}::jsonb,
        ${input.currency}, ${input.totals.subtotalCents}, ${input.totals.discountCents}, ${input.totals.shippingCents},
        ${input.totals.taxCents}, ${input.totals.totalCents}, ${itemCount}, ${input.placedAt}::timestamptz)
      on conflict (channel_id, external_id) do nothing
      returning id, number, external_id, status),
    new_lines as (
      insert into order_lines (id, line_no, variant_id, sku, quantity, unit_price_cents, order_id)
      select x.*, new_order.id from (values ${lineValues}) x, new_order),
    new_pickup as (
      insert into pickups (order_id, location_id, state, placed_at)
      select id, ${w.locationId}::uuid, 'placed'::pickup_state, ${input.placedAt}::timestamptz from new_order where ${type === 'pickup'}),
    timeline as (
      insert into order_events (order_id, type, actor_id, data)
      select id, 'placed', ${w.actorId}::uuid, ${JSON.stringify({ channel: channel.code, externalId: input.externalId })}::jsonb from new_order
      union all
      select id, case when exists (select 1 from short_skus) then 'backordered' else ${takenEvent} end, ${w.actorId}::uuid,
        case when exists (select 1 from short_skus) then json_build_object('skus', (select json_agg(sku order by sku) from short_skus))::jsonb else '{}'::jsonb end
      from new_order),
    ${stockRecordCtes(mode, { orderId: w.orderId, actorId: w.actorId, orderGate: 'new_order' })},
    kpi as (${kpiUpsert(
      { placedAt: input.placedAt, channelId: channel.id, locationId: w.locationId },
      { orders: 1, revenueCents: input.totals.totalCents, units: itemCount, pickupOrders: type === 'pickup' ? 1 : 0 },
    )})
    select id, number, external_id as "externalId", status, (select coalesce(json_agg(sku order by sku), '[]') from short_skus) as short
    from new_order`);
  return rows[0] ?? null;
}

/** The location a ship order's stock mostly comes from: where its staff will find it. */
function mainLocation(claims: readonly StockClaim[]): string | null {
  const units = new Map<string, number>();
  for (const c of claims) units.set(c.locationId, (units.get(c.locationId) ?? 0) + c.quantity);
  let best: string | null = null;
  for (const [loc, n] of units) if (best === null || n > units.get(best)! || (n === units.get(best)! && loc < best)) best = loc;
  return best;
}

async function findIngested(db: Db, channelId: string, externalId: string): Promise<IngestedOrder | null> {
  const [row] = await db
    .select({ id: orders.id, number: orders.number, externalId: orders.externalId, status: orders.status })
    .from(orders)
    .where(and(eq(orders.channelId, channelId), eq(orders.externalId, externalId)));
  return row ?? null;
}
