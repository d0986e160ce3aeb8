import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import {
  channels,
  customerIdentities,
  customers,
  inventoryLevels,
  locations,
  orderEvents,
  orderLines,
  orders,
  pickups,
  reservations,
  variants,
} from '@/db/schema';
import { checkChannel } from '@/lib/channels/authenticate';
import { recordDuplicatesSql } from '@/lib/customers/duplicate-rules';
import { normalizeEmail, normalizePhone } from '@/lib/customers/normalize';
import { DomainError, OutOfStock } from '@/lib/errors';
import { changeStock } from '@/lib/inventory/ledger';
import { createOrderTransfer, lockShipToStoreSource, type ShipToStoreSource } from '@/lib/inventory/order-transfers';
import { availableToPromise, availableToPromiseSql } from '@/lib/inventory/rules';
import { bumpKpi } from '@/lib/kpis/rollup';
import { announce } from '@/lib/live/announce';
import { liveTopic } from '@/lib/live/topics';
import { earnOrderPoints } from '@/lib/loyalty/ledger';
import type { IngestChannel, IngestResult } from './ingest-order';
import type { IngestOrderInput } from './schemas';

/**
 * Order ingestion written to be read, not to be fast: the specification ingestOrder
 * (ingest-order.ts) is held to by ingest-order.property.test.ts. It is also the path of the one
 * case the fast statement leaves to it, rare by nature: a pickup the store cannot serve, taken
 * by ship-to-store (step 5b: the stock reserved at another location, a transfer to the store, the
 * pickup awaiting it), which ingestOrder hands over when its own answer is out of stock. One
 * transaction, the query builder, and changeStock for every unit of stock moved, step by step
 * in the order a person would explain it. Not modelled here, because the property test does not
 * generate them: channel caps (ring-fenced stock), concurrent deliveries, merged customers.
 *
 * Guarantees the same rows as ingestOrder for one delivery at a time: the same (channel,
 * external id) again returns the first order and writes nothing; a line that cannot be served
 * refuses the whole order (OutOfStock, nothing written) unless the channel takes backorders.
 */
export async function ingestOrderReference(
  db: Db,
  channel: IngestChannel,
  input: IngestOrderInput,
  opts: { actorId?: string | null } = {},
): Promise<IngestResult> {
  const actorId = opts.actorId ?? null;
  return db.transaction(async (tx) => {
    // 1. The channel must exist and be active.
    const code = channel.code.trim().toLowerCase();
    const [from] = await tx.select().from(channels).where(eq(channels.code, code));
    checkChannel(channel.code, from, 'staff');

    // 2. A delivery seen before answers with its first order, whatever the stock says now.
    const [first] = await tx
      .select({ id: orders.id, number: orders.number, externalId: orders.externalId, status: orders.status })
      .from(orders)
      .where(and(eq(orders.channelId, from.id), eq(orders.externalId, input.externalId)));
    if (first) return { created: false, order: first };

    // 3. Where it is fulfilled, and what it is made of.
    const type = input.fulfilment.type;
    const location = type === 'ship' ? null : await checkedLocation(tx, input);
    const lines = await resolveLines(tx, input);

    // 4. Where each line takes its stock; what cannot be found is short.
    const claims =
      type === 'ship'
        ? await planShipClaims(tx, from.allowSplitShipments, lines)
        : lines.map((l) => ({ line: l, locationId: location!.id, quantity: l.quantity }));
    const short = new Set(lines.filter((l) => !claims.some((c) => c.line === l)).map((l) => l.sku));

    // 5. Take the stock, row by row: all the claims on one (SKU, location) are met together or not at all.
    const mode = type === 'in_store' ? 'sell' : 'reserve';
    const met: Claim[] = [];
    for (const group of groupByRow(claims)) {
      const wanted = group.reduce((a, c) => a + c.quantity, 0);
      const [row] = await tx
        .select()
        .from(inventoryLevels)
        .where(
          and(
            eq(inventoryLevels.variantId, group[0].line.variantId),
            eq(inventoryLevels.locationId, group[0].locationId),
          ),
        )
        .for('update');
      // A reservation keeps the safety stock for later; a counter sale (the customer holds the item) may take it.
      const free = !row ? 0 : mode === 'reserve' ? availableToPromise(row) : row.onHand - row.reserved;
      if (free < wanted) short.add(group[0].line.sku);
      else met.push(...group);
    }
    // 5b. Ship-to-store: a pickup the store cannot serve comes from one location holding all of its
    // short lines (warehouses first), when the channel allows it; the store keeps what it can serve.
    let sentFrom: ShipToStoreSource | null = null;
    if (type === 'pickup' && short.size && from.allowShipToStore) {
      const missing = claims.filter((c) => short.has(c.line.sku));
      sentFrom = await lockShipToStoreSource(
        tx,
        location!.id,
        missing.map((c) => ({ orderLineId: '', variantId: c.line.variantId, quantity: c.quantity })),
      );
      if (sentFrom) {
        met.push(...missing.map((c) => ({ ...c, locationId: sentFrom!.locationId })));
        short.clear();
      }
    }
    const backorderable = from.allowBackorders && type !== 'in_store';
    const shortSkus = [...short].sort();
    if (shortSkus.length && !backorderable) throw new OutOfStock(shortSkus);

    // 6. The customer, matched by their strongest identity or created, with this order counted.
    const customerId = input.customer ? await matchCustomer(tx, code, input.customer, input) : null;

    // 7. The order, its lines and, for a pickup, its pickup.
    const itemCount = input.lines.reduce((a, l) => a + l.quantity, 0);
    const status = type === 'in_store' ? 'completed' : shortSkus.length ? 'backordered' : 'placed';
    const [order] = await tx
      .insert(orders)
      .values({
        number: sql`'CMP-' || nextval('order_number_seq')`,
        channelId: from.id,
        externalId: input.externalId,
        customerId,
        status,
        fulfilmentType: type,
        locationId: location?.id ?? null,
        fulfillingLocationId: location?.id ?? mainLocation(claims),
        shippingAddress: input.fulfilment.type === 'ship' ? input.fulfilment.address : null,
        currency: input.currency,
        subtotalCents: input.totals.subtotalCents,
        discountCents: input.totals.discountCents,
        shippingCents: input.totals.shippingCents,
        taxCents: input.totals.taxCents,
        totalCents: input.totals.totalCents,
        itemCount,
        placedAt: sql`${input.placedAt}::timestamptz`,
      })
      .returning({ id: orders.id, number: orders.number, externalId: orders.externalId, status: orders.status });
    const lineIds = await tx
      .insert(orderLines)
      .values(lines.map((l, i) => ({ orderId: order.id, lineNo: i + 1, ...l })))
      .returning({ id: orderLines.id, lineNo: orderLines.lineNo });
    const lineIdOf = (l: Line) => lineIds.find((r) => r.lineNo === lines.indexOf(l) + 1)!.id;
    const sent = sentFrom ? met.filter((c) => c.locationId === sentFrom.locationId) : [];
    const transfer = sentFrom
      ? await createOrderTransfer(tx, {
          orderId: order.id,
          orderNumber: order.number,
          sourceLocationId: sentFrom.locationId,
          destinationLocationId: location!.id,
          units: sent.map((c) => ({
            orderLineId: lineIdOf(c.line),
            variantId: c.line.variantId,
            quantity: c.quantity,
          })),
          actorId,
        })
      : null;
    if (type === 'pickup') {
      await tx.insert(pickups).values({
        orderId: order.id,
        locationId: location!.id,
        state: transfer ? 'awaiting_transfer' : 'placed',
        placedAt: sql`${input.placedAt}::timestamptz`,
        ...(transfer ? { awaitingTransferAt: sql`${input.placedAt}::timestamptz`, transferId: transfer.id } : {}),
      });
    }

    // 8. The stock taken, on the books: a ledger entry per claim, and a reservation unless sold.
    for (const c of met) {
      const delta = mode === 'sell' ? { deltaOnHand: -c.quantity } : { deltaReserved: c.quantity };
      await changeStock(tx, {
        variantId: c.line.variantId,
        locationId: c.locationId,
        ...delta,
        reason: mode === 'sell' ? 'sale' : 'reservation',
        referenceType: 'order',
        referenceId: order.id,
        actorId,
      });
      if (mode === 'reserve') {
        await tx.insert(reservations).values({
          orderId: order.id,
          orderLineId: lineIdOf(c.line),
          variantId: c.line.variantId,
          locationId: c.locationId,
          quantity: c.quantity,
        });
      }
    }

    // 9. The timeline: placed, then what happened to its stock.
    await tx.insert(orderEvents).values([
      { orderId: order.id, type: 'placed', actorId, data: { channel: from.code, externalId: input.externalId } },
      shortSkus.length
        ? { orderId: order.id, type: 'backordered', actorId, data: { skus: shortSkus } }
        : { orderId: order.id, type: mode === 'sell' ? 'sold' : 'reserved', actorId, data: {} },
      ...(transfer && sentFrom
        ? [
            {
              orderId: order.id,
              type: 'awaiting_transfer', // the pickup's await_transfer event (lib/pickups/transition.ts)
              actorId,
              data: { transfer: transfer.number, from: sentFrom.code, days: sentFrom.transferLeadDays },
            },
          ]
        : []),
    ]);

    // 10. The day's KPI rollup.
    await bumpKpi(
      tx,
      { placedAt: input.placedAt, channelId: from.id, locationId: location?.id ?? null },
      { orders: 1, revenueCents: input.totals.totalCents, units: itemCount, pickupOrders: type === 'pickup' ? 1 : 0 },
    );

    // 10b. A counter sale is fulfilled now: the customer earns its points (lib/loyalty/rules.ts).
    if (type === 'in_store') {
      await earnOrderPoints(
        tx,
        { id: order.id, customerId, channelId: from.id, totalCents: input.totals.totalCents },
        actorId,
      );
    }

    // 11. Announced live at its location: its orders, and its pickup queue for a pickup (sent at commit).
    if (location) {
      await announce(tx, liveTopic.orders(location.id), { kind: 'order.placed', id: order.id });
      if (type === 'pickup') await announce(tx, liveTopic.pickups(location.id), { kind: 'order.placed', id: order.id });
    }
    return { created: true, order };
  });
}

type Line = { variantId: string; sku: string; quantity: number; unitPriceCents: number };
type Claim = { line: Line; locationId: string; quantity: number };

/** The pickup or counter location: it exists, is active, offers click-and-collect for a pickup, is a store for a sale. */
async function checkedLocation(tx: Tx, input: IngestOrderInput) {
  if (input.fulfilment.type === 'ship') throw new Error('a ship order has no location');
  const code = input.fulfilment.locationCode;
  const [loc] = await tx.select().from(locations).where(eq(locations.code, code.toUpperCase()));
  if (!loc || !loc.active)
    throw new DomainError('unprocessable', `Unknown location "${code}".`, { field: 'fulfilment.locationCode' });
  if (input.fulfilment.type === 'pickup' && !loc.pickupEnabled)
    throw new DomainError('unprocessable', `Location "${code}" does not offer click-and-collect.`);
  if (input.fulfilment.type === 'pickup' && loc.pickupPaused)
    throw new DomainError('unprocessable', `Location "${code}" has paused click-and-collect.`);
  if (input.fulfilment.type === 'in_store' && loc.kind !== 'store')
    throw new DomainError('unprocessable', `Location "${code}" is not a store.`);
  return loc;
}

/** The order's lines with their variants; an unknown SKU refuses the order. */
async function resolveLines(tx: Tx, input: IngestOrderInput): Promise<Line[]> {
  const skus = [...new Set(input.lines.map((l) => l.sku.toUpperCase()))];
  const known = await tx
    .select({ id: variants.id, sku: variants.sku })
    .from(variants)
    .where(inArray(variants.sku, skus));
  const unknown = skus.filter((s) => !known.some((v) => v.sku === s));
  if (unknown.length) throw new DomainError('unprocessable', `Unknown SKU: ${unknown.join(', ')}.`, { skus: unknown });
  return input.lines.map((l) => {
    const sku = l.sku.toUpperCase();
    return {
      variantId: known.find((v) => v.sku === sku)!.id,
      sku,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
    };
  });
}

/**
 * A ship order's claims: each line from the first location holding all of it (warehouses first,
 * then the most available, then by code), else — when the channel splits shipments — from
 * several; otherwise the line is short. Locations are ranked once, from the stock the order found;
 * lines are planned in order, each from what the lines before it left.
 */
async function planShipClaims(tx: Tx, allowSplit: boolean, lines: Line[]): Promise<Claim[]> {
  const rows = await tx
    .select({
      variantId: inventoryLevels.variantId,
      locationId: inventoryLevels.locationId,
      kind: locations.kind,
      code: locations.code,
      available: availableToPromiseSql(inventoryLevels),
    })
    .from(inventoryLevels)
    .innerJoin(locations, and(eq(locations.id, inventoryLevels.locationId), eq(locations.active, true)))
    .where(
      inArray(
        inventoryLevels.variantId,
        lines.map((l) => l.variantId),
      ),
    );
  // Ranked once, by the stock as the order found it: a second line of the same SKU goes first where
  // the first one went if what is left there covers it (one parcel rather than two).
  const left = rows
    .map((r) => ({ ...r, available: Number(r.available) }))
    .sort(
      (a, b) =>
        Number(b.kind === 'warehouse') - Number(a.kind === 'warehouse') ||
        b.available - a.available ||
        (a.code < b.code ? -1 : 1),
    );
  const claims: Claim[] = [];
  for (const line of lines) {
    const options = left.filter((o) => o.variantId === line.variantId && o.available > 0);
    const whole = options.find((o) => o.available >= line.quantity);
    if (whole) {
      whole.available -= line.quantity;
      claims.push({ line, locationId: whole.locationId, quantity: line.quantity });
    } else if (allowSplit && options.reduce((a, o) => a + o.available, 0) >= line.quantity) {
      let needed = line.quantity;
      for (const o of options) {
        const take = Math.min(needed, o.available);
        if (take === 0) continue;
        o.available -= take;
        needed -= take;
        claims.push({ line, locationId: o.locationId, quantity: take });
        if (needed === 0) break;
      }
    }
  }
  return claims;
}

/** Claims per (SKU, location) row, in the order their rows are first claimed. */
function groupByRow(claims: Claim[]): Claim[][] {
  const groups = new Map<string, Claim[]>();
  for (const c of claims) {
    const key = `${c.line.variantId}|${c.locationId}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()];
}

/** Where a ship order's staff find most of its units (ties: the smaller location id); null with nothing claimed. */
function mainLocation(claims: Claim[]): string | null {
  const units = new Map<string, number>();
  for (const c of claims) units.set(c.locationId, (units.get(c.locationId) ?? 0) + c.quantity);
  const ranked = [...units].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  return ranked[0]?.[0] ?? null;
}

/**
 * The customer behind the contact: matched by buyer id (this channel's), then email — by phone
 * only when the order has no email — following a merge to the survivor, and given what they
 * lacked; or created. Identities not yet known are recorded; one owned by another customer stays
 * theirs, and that customer and this one are recorded as a likely duplicate, the identity's kind
 * as the reason. The order is counted on their summary. Null when the contact has nothing to match on.
 */
async function matchCustomer(
  tx: Tx,
  channelCode: string,
  contact: NonNullable<IngestOrderInput['customer']>,
  order: IngestOrderInput,
): Promise<string | null> {
  const email = normalizeEmail(contact.email);
  const phone = normalizePhone(contact.phone);
  const buyerId = contact.buyerId?.trim() || null;
  const identities = [
    ...(buyerId ? [{ kind: 'buyer_id' as const, scope: channelCode, value: buyerId }] : []),
    ...(email ? [{ kind: 'email' as const, scope: '', value: email }] : []),
    ...(phone ? [{ kind: 'phone' as const, scope: '', value: phone }] : []),
  ];
  if (identities.length === 0) return null;
  const firstName = contact.firstName?.trim() ?? '';
  const lastName = contact.lastName?.trim() ?? '';

  // Who owns each identity of the order now (the survivor of a merged owner).
  const owned: { kind: (typeof identities)[number]['kind']; owner: string }[] = [];
  for (const i of identities) {
    const [hit] = await tx
      .select({ id: customers.id, mergedIntoId: customers.mergedIntoId })
      .from(customerIdentities)
      .innerJoin(customers, eq(customers.id, customerIdentities.customerId))
      .where(
        and(
          eq(customerIdentities.kind, i.kind),
          eq(customerIdentities.scope, i.scope),
          eq(customerIdentities.value, i.value),
        ),
      )
      .limit(1);
    if (hit) owned.push({ kind: i.kind, owner: hit.mergedIntoId ?? hit.id });
  }
  // The strongest identity decides; a known phone decides only for an order without an email.
  let customerId = owned.find((o) => o.kind !== 'phone' || email === null)?.owner ?? null;
  if (customerId) {
    await tx
      .update(customers)
      .set({
        email: sql`coalesce(${customers.email}, ${email}::text)`,
        phone: sql`coalesce(${customers.phone}, ${phone}::text)`,
        firstName: sql`case when ${customers.firstName} = '' then ${firstName}::text else ${customers.firstName} end`,
        lastName: sql`case when ${customers.lastName} = '' then ${lastName}::text else ${customers.lastName} end`,
        orderCount: sql`${customers.orderCount} + 1`,
        lifetimeValueCents: sql`${customers.lifetimeValueCents} + ${order.totals.totalCents}`,
        lastOrderAt: sql`greatest(${customers.lastOrderAt}, ${order.placedAt}::timestamptz)`,
      })
      .where(eq(customers.id, customerId));
  } else {
    const [created] = await tx
      .insert(customers)
      .values({
        firstName,
        lastName,
        email,
        phone,
        orderCount: 1,
        lifetimeValueCents: order.totals.totalCents,
        lastOrderAt: sql`${order.placedAt}::timestamptz`,
      })
      .returning({ id: customers.id });
    customerId = created.id;
  }
  await tx
    .insert(customerIdentities)
    .values(identities.map((i) => ({ customerId, ...i })))
    .onConflictDoNothing();
  const reasons = new Map<string, string[]>();
  for (const o of owned) if (o.owner !== customerId) reasons.set(o.owner, [...(reasons.get(o.owner) ?? []), o.kind]);
  for (const [other, kinds] of reasons) {
    const list = sql`array[${sql.join(
      [...new Set(kinds)].sort().map((k) => sql`${k}::text`),
      sql`, `,
    )}]`;
    await tx.execute(recordDuplicatesSql(sql`select ${customerId}::uuid, ${other}::uuid, ${list}`));
  }
  return customerId;
}
