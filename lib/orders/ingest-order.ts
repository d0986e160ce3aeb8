import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { customers, locations, orderEvents, orderLines, orders, pickups, variants } from '@/db/schema';
import { resolveCustomer } from '@/lib/customers/resolve-customer';
import { DomainError, OutOfStock } from '@/lib/errors';
import { channelAllowance } from '@/lib/inventory/availability';
import { availableByLocation, reserveAt, sellAt } from '@/lib/inventory/reserve';
import { bumpKpi } from '@/lib/kpis/rollup';
import type { IngestOrderInput } from './schemas';

export type IngestChannel = {
  id: string;
  code: string;
  allowSplitShipments: boolean;
  allowBackorders: boolean;
};

export type IngestedOrder = { id: string; number: string; externalId: string; status: string };
export type IngestResult = { created: boolean; order: IngestedOrder };

type Line = { id: string; variantId: string; sku: string; quantity: number };

/**
 * Takes one channel order exactly once. In one transaction: the order and its lines, the
 * customer (matched by identity or created), the stock (reserved where the order will be
 * fulfilled, or sold at once for a counter sale), the timeline, the customer summary and the
 * KPI rollup. The same (channel, external id) again returns the first order and writes nothing;
 * a line that cannot be reserved refuses the whole order (OutOfStock) unless the channel takes
 * backorders.
 */
export async function ingestOrder(
  db: Db,
  channel: IngestChannel,
  input: IngestOrderInput,
  opts: { actorId?: string | null } = {},
): Promise<IngestResult> {
  const existing = await findIngested(db, channel.id, input.externalId);
  if (existing) return { created: false, order: existing };

  return db.transaction(async (tx) => {
    const location = await fulfilmentLocation(tx, input);
    const skus = [...new Set(input.lines.map((l) => l.sku.toUpperCase()))];
    const found = await tx.select({ id: variants.id, sku: variants.sku }).from(variants).where(inArray(variants.sku, skus));
    const bySku = new Map(found.map((v) => [v.sku, v.id]));
    const unknown = skus.filter((s) => !bySku.has(s));
    if (unknown.length) throw new DomainError('unprocessable', `Unknown SKU: ${unknown.join(', ')}.`, { skus: unknown });

    const itemCount = input.lines.reduce((a, l) => a + l.quantity, 0);
    // The unique (channel, external id) makes a concurrent duplicate wait here for the first
    // delivery's commit, then insert nothing.
    const [order] = await tx
      .insert(orders)
      .values({
        number: sql`'CMP-' || nextval('order_number_seq')`,
        channelId: channel.id,
        externalId: input.externalId,
        status: input.fulfilment.type === 'in_store' ? 'completed' : 'placed',
        fulfilmentType: input.fulfilment.type,
        locationId: location?.id ?? null,
        shippingAddress: input.fulfilment.type === 'ship' ? input.fulfilment.address : null,
        currency: input.currency,
        subtotalCents: input.totals.subtotalCents,
        discountCents: input.totals.discountCents,
        shippingCents: input.totals.shippingCents,
        taxCents: input.totals.taxCents,
        totalCents: input.totals.totalCents,
        itemCount,
        placedAt: new Date(input.placedAt),
      })
      .onConflictDoNothing({ target: [orders.channelId, orders.externalId] })
      .returning({ id: orders.id, number: orders.number, externalId: orders.externalId, status: orders.status });
    if (!order) {
      const first = await findIngested(tx, channel.id, input.externalId);
      if (!first) throw new DomainError('conflict', 'This order is being delivered concurrently; retry.');
      return { created: false, order: first };
    }

    const lines: Line[] = await tx
      .insert(orderLines)
      .values(
        input.lines.map((l, i) => ({
          orderId: order.id,
          lineNo: i + 1,
          variantId: bySku.get(l.sku.toUpperCase())!,
          sku: l.sku.toUpperCase(),
          quantity: l.quantity,
          unitPriceCents: l.unitPriceCents,
        })),
      )
      .returning({ id: orderLines.id, variantId: orderLines.variantId, sku: orderLines.sku, quantity: orderLines.quantity });

    const short = await allocate(tx, channel, order.id, input.fulfilment.type, location?.id ?? null, lines, opts.actorId);
    let status = order.status;
    if (short.length > 0) {
      if (!channel.allowBackorders || input.fulfilment.type === 'in_store') throw new OutOfStock(short);
      status = 'backordered';
      await tx.update(orders).set({ status }).where(eq(orders.id, order.id));
    }

    const customerId = input.customer ? await resolveCustomer(tx, channel.code, input.customer) : null;
    if (customerId) {
      await tx.update(orders).set({ customerId }).where(eq(orders.id, order.id));
      await tx
        .update(customers)
        .set({
          orderCount: sql`${customers.orderCount} + 1`,
          lifetimeValueCents: sql`${customers.lifetimeValueCents} + ${input.totals.totalCents}`,
          lastOrderAt: sql`greatest(${customers.lastOrderAt}, ${input.placedAt}::timestamptz)`,
        })
        .where(eq(customers.id, customerId));
    }

    if (input.fulfilment.type === 'pickup' && location) {
      await tx.insert(pickups).values({ orderId: order.id, locationId: location.id, state: 'placed', placedAt: new Date(input.placedAt) });
    }
    await tx.insert(orderEvents).values([
      { orderId: order.id, type: 'placed', actorId: opts.actorId ?? null, data: { channel: channel.code, externalId: input.externalId } },
      {
        orderId: order.id,
        type: input.fulfilment.type === 'in_store' ? 'sold' : short.length ? 'backordered' : 'reserved',
        actorId: opts.actorId ?? null,
        data: short.length ? { skus: short } : {},
      },
    ]);
    await bumpKpi(
      tx,
      { placedAt: input.placedAt, channelId: channel.id, locationId: location?.id ?? null },
      {
        orders: 1,
        revenueCents: input.totals.totalCents,
        units: itemCount,
        pickupOrders: input.fulfilment.type === 'pickup' ? 1 : 0,
      },
    );
    return { created: true, order: { ...order, status } };
  });
}

async function findIngested(db: Db | Tx, channelId: string, externalId: string): Promise<IngestedOrder | null> {
  const [row] = await db
    .select({ id: orders.id, number: orders.number, externalId: orders.externalId, status: orders.status })
    .from(orders)
    .where(and(eq(orders.channelId, channelId), eq(orders.externalId, externalId)));
  return row ?? null;
}

async function fulfilmentLocation(tx: Tx, input: IngestOrderInput) {
  if (input.fulfilment.type === 'ship') return null;
  const [loc] = await tx
    .select({ id: locations.id, kind: locations.kind, pickupEnabled: locations.pickupEnabled, active: locations.active })
    .from(locations)
    .where(eq(locations.code, input.fulfilment.locationCode.toUpperCase()));
  if (!loc || !loc.active) {
    throw new DomainError('unprocessable', `Unknown location "${input.fulfilment.locationCode}".`, { field: 'fulfilment.locationCode' });
  }
  if (input.fulfilment.type === 'pickup' && !loc.pickupEnabled) {
    throw new DomainError('unprocessable', `Location "${input.fulfilment.locationCode}" does not offer click-and-collect.`);
  }
  if (input.fulfilment.type === 'in_store' && loc.kind !== 'store') {
    throw new DomainError('unprocessable', `Location "${input.fulfilment.locationCode}" is not a store.`);
  }
  return loc;
}

/**
 * Reserves (or, for a counter sale, takes) every line; returns the SKUs that could not be.
 * Pickup: at the pickup store. In-store: at that store, at once. Ship: warehouse first, then
 * the store with the most available; one location per line unless the channel allows splits.
 * Rows are touched in variant order so concurrent orders cannot deadlock.
 */
async function allocate(
  tx: Tx,
  channel: IngestChannel,
  orderId: string,
  type: IngestOrderInput['fulfilment']['type'],
  locationId: string | null,
  lines: Line[],
  actorId?: string | null,
): Promise<string[]> {
  const short: string[] = [];
  const sorted = [...lines].sort((a, b) => a.variantId.localeCompare(b.variantId));
  const candidates = type === 'ship' ? await availableByLocation(tx, sorted.map((l) => l.variantId)) : new Map();
  for (const line of sorted) {
    if (type !== 'in_store') {
      const allowance = await channelAllowance(tx, channel.id, line.variantId);
      if (allowance < line.quantity) {
        short.push(line.sku);
        continue;
      }
    }
    const base = { variantId: line.variantId, orderId, actorId };
    if (type === 'in_store') {
      if (!(await sellAt(tx, { ...base, locationId: locationId!, quantity: line.quantity }))) short.push(line.sku);
    } else if (type === 'pickup') {
      if (!(await reserveAt(tx, { ...base, orderLineId: line.id, locationId: locationId!, quantity: line.quantity }))) short.push(line.sku);
    } else if (!(await reserveForShipping(tx, channel, line, candidates.get(line.variantId) ?? [], orderId, actorId))) {
      short.push(line.sku);
    }
  }
  return short;
}

async function reserveForShipping(
  tx: Tx,
  channel: IngestChannel,
  line: Line,
  options: { locationId: string; available: number }[],
  orderId: string,
  actorId?: string | null,
): Promise<boolean> {
  const base = { variantId: line.variantId, orderId, orderLineId: line.id, actorId };
  // The snapshot of availability only orders the candidates; each reservation re-checks the row.
  for (const option of options) {
    if (option.available >= line.quantity && (await reserveAt(tx, { ...base, locationId: option.locationId, quantity: line.quantity }))) {
      return true;
    }
  }
  if (!channel.allowSplitShipments) return false;
  const total = options.reduce((a, o) => a + o.available, 0);
  if (total < line.quantity) return false;
  let left = line.quantity;
  for (const option of options) {
    if (left === 0) break;
    const take = Math.min(left, option.available);
    if (take > 0 && (await reserveAt(tx, { ...base, locationId: option.locationId, quantity: take }))) left -= take;
  }
  // A partial split cannot stand: the caller refuses the order and the transaction rolls back.
  return left === 0;
}
