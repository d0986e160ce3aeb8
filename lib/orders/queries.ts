import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import {
  channels,
  customers,
  locations,
  orderEvents,
  orderLines,
  orderNotes,
  orders,
  orderTags,
  pickups,
  reservations,
  staffUsers,
} from '@/db/schema';
import { can, canAtEvery, scopeOf, type Actor } from '@/lib/auth/permissions';
import { Forbidden, NotFound } from '@/lib/errors';
import { searchCustomers } from '@/lib/customers/search';
import { exactCodeSql, nameSimilaritySql, skuMatchSource } from '@/lib/inventory/queries/sku-match';
import { cursorTimeOf, decodeCursor, encodeCursor, newerThan, olderThan } from '@/lib/http/cursor';
import type { Locale } from '@/lib/i18n/config';
import { localNameSql } from '@/lib/i18n/local-name';
import { isUuid } from '@/lib/uuid';
import { installTimeZone } from '@/lib/system/time-zone';
import { unitsTaken } from './handed-over';
import { orderPlaces } from './lock-order';
import type { OrderView } from './constants';
import type { OrderListQuery } from './schemas';

export const ORDERS_PAGE_SIZE = 50;

export type OrderListRow = {
  id: string;
  number: string;
  externalId: string;
  channelCode: string;
  channelName: string;
  status: typeof orders.$inferSelect.status;
  fulfilmentType: typeof orders.$inferSelect.fulfilmentType;
  locationCode: string | null;
  /** The order's store's zone (its time is shown there); null for a ship order: the install's. */
  timeZone: string | null;
  customerId: string | null;
  customerName: string | null;
  customerEmail: string | null;
  totalCents: number;
  currency: string;
  itemCount: number;
  placedAt: Date;
  tags: string[];
};

/**
 * One page of orders across channels, newest first, by keyset on (placed_at, id): each filter
 * has an index leading with it, and no page ever counts the whole table. Managers see the
 * orders fulfilled at their locations (orders.fulfilling_location_id). Channel names are the
 * ones shown in `locale` (lib/i18n/local-name.ts; none: the canonical names).
 */
export async function listOrders(
  db: DbOrTx,
  actor: Actor,
  query: OrderListQuery,
  locale?: Locale,
): Promise<{ rows: OrderListRow[]; next: string | null }> {
  const conds: SQL[] = [];
  const scope = scopeOf(actor, 'orders.view');
  // A manager's orders: those fulfilled at their locations, ship orders picked there included.
  if (scope) conds.push(scope.length ? inArray(orders.fulfillingLocationId, [...scope]) : sql`false`);
  // A scalar subquery (an InitPlan) lets the planner use orders_channel_placed_idx.
  if (query.channel) conds.push(sql`${orders.channelId} = (select id from channels where code = ${query.channel})`);
  if (query.status) conds.push(eq(orders.status, query.status));
  if (query.fulfilment) conds.push(eq(orders.fulfilmentType, query.fulfilment));
  if (query.location) conds.push(eq(orders.locationId, query.location));
  if (query.customer) conds.push(eq(orders.customerId, query.customer));
  if (query.tag) conds.push(sql`${orders.id} in (select order_id from order_tags where tag = ${query.tag})`);
  // A day is a business day of the install's zone (the list spans locations): a date becomes a
  // local midnight (timestamp) before its zone.
  const zone = installTimeZone();
  if (query.from) conds.push(sql`${orders.placedAt} >= (${query.from}::date::timestamp at time zone ${zone})`);
  if (query.to) conds.push(sql`${orders.placedAt} < ((${query.to}::date + 1)::timestamp at time zone ${zone})`);
  const q = query.q?.trim();
  if (q) conds.push(await searchCondition(db, q, scope));
  const cursor = decodeCursor(query.after);
  const asc_ = query.dir === 'asc';
  if (cursor) conds.push((asc_ ? newerThan : olderThan)(orders.placedAt, orders.id, cursor));
  // The page is chosen on orders alone (its keys), then its 51 rows are read with their channel,
  // store and customer: however wrong the planner's guess of a filter's rows (a status that became
  // common since the last ANALYZE), it can only walk the index in order and stop at the page.
  const order = asc_ ? [asc(orders.placedAt), asc(orders.id)] : [desc(orders.placedAt), desc(orders.id)];
  // A view is one or two branches (Returns: the returned orders by their status index, and the few
  // returned in part), each read in time order up to a page, then merged: an OR of the two made the
  // planner walk every order since the newest return.
  const branches = (query.view ? orderViewSql(query.view) : [undefined]).map((viewCond) => {
    const where = [...conds, ...(viewCond ? [viewCond] : [])];
    return db
      .select({ id: orders.id, placedAt: orders.placedAt })
      .from(orders)
      .where(where.length ? and(...where) : undefined)
      .orderBy(...order)
      .limit(ORDERS_PAGE_SIZE + 1);
  });
  const chosen = (
    branches.length === 1
      ? branches[0]
      : unionAll(branches[0], branches[1], ...branches.slice(2))
          .orderBy(...order)
          .limit(ORDERS_PAGE_SIZE + 1)
  ).as('chosen');
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      externalId: orders.externalId,
      channelCode: channels.code,
      channelName: localNameSql(channels, locale),
      status: orders.status,
      fulfilmentType: orders.fulfilmentType,
      locationCode: locations.code,
      timeZone: locations.timeZone,
      customerId: orders.customerId,
      customerName: sql<string | null>`nullif(trim(${customers.firstName} || ' ' || ${customers.lastName}), '')`,
      customerEmail: customers.email,
      totalCents: orders.totalCents,
      currency: orders.currency,
      itemCount: orders.itemCount,
      placedAt: orders.placedAt,
      tags: sql<string[]>`array(select t.tag from order_tags t where t.order_id = ${orders.id} order by t.tag)`,
      cursorTime: cursorTimeOf(orders.placedAt),
    })
    .from(chosen)
    .innerJoin(orders, eq(orders.id, chosen.id))
    .innerJoin(channels, eq(channels.id, orders.channelId))
    .leftJoin(locations, eq(locations.id, orders.locationId))
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .orderBy(asc_ ? asc(chosen.placedAt) : desc(chosen.placedAt), asc_ ? asc(chosen.id) : desc(chosen.id));
  const page = rows.slice(0, ORDERS_PAGE_SIZE);
  return {
    rows: page.map(({ cursorTime: _, ...row }) => row),
    next: rows.length > ORDERS_PAGE_SIZE ? encodeCursor(page[page.length - 1]) : null,
  };
}

/**
 * The saved views (tabs) of the list, as the branches of their page. Each leads with a status that
 * orders_status_placed_idx serves in time order; the Returns view adds, as a second branch, the few
 * orders returned in part (still shipped or completed: order_events_partial_return_idx).
 */
export function orderViewSql(view: OrderView): SQL[] {
  switch (view) {
    case 'to_confirm':
      return [sql`${orders.status} = 'placed'`];
    case 'to_ship':
      return [sql`(${orders.status} = 'confirmed' and ${orders.fulfilmentType} = 'ship')`];
    case 'pickups':
      return [sql`(${orders.status} in ('placed', 'confirmed') and ${orders.fulfilmentType} = 'pickup')`];
    case 'backordered':
      return [sql`${orders.status} = 'backordered'`];
    case 'returns':
      return [
        sql`${orders.status} = 'returned'`,
        sql`(${orders.status} <> 'returned' and ${orders.id} in (select order_id from order_events where type = 'partially_returned'))`,
      ];
  }
}

/** A barcode as variants keep it (EAN-13: variants_barcode_ean13). */
const BARCODE = /^\d{13}$/;

/** How many customers the customer search may stand for in the orders search (the best first). */
const SEARCH_CUSTOMERS = 20;
/** How many variants a product name or SKU may stand for: their orders are sorted by time. */
const SEARCH_VARIANTS = 20;

/**
 * What the search box finds: an order number (CMP-123456 or its digits) or channel reference
 * exactly, and for thirteen digits the orders of the SKU with that barcode too; a customer's email; otherwise the customers the customer search finds (a name, typo
 * tolerant, or a phone in any format: lib/customers/search.ts, within a manager's reach), the
 * channel reference, and the orders of the SKUs the inventory's search finds (skuMatchSource: an
 * exact barcode, a SKU starting with the term or, when none does, a product whose name is like the
 * words, typos, accents and case aside), the closest few. Each source reads its own index and the
 * union is joined to the page.
 */
async function searchCondition(db: DbOrTx, q: string, scope: readonly string[] | null): Promise<SQL> {
  const digits = q.match(/^(?:cmp-?)?(\d{4,})$/i)?.[1];
  if (digits) {
    // Thirteen digits alone may be a barcode scanned into the box as well as an order number.
    const barcode = BARCODE.test(q)
      ? sql`union all select l.order_id from order_lines l
          where l.variant_id = (select v.id from variants v where v.barcode = ${q})`
      : sql``;
    return sql`${orders.id} in (
      select o.id from orders o where o.number = ${`CMP-${digits}`}
      union all select o.id from orders o where o.external_id = ${q}
      ${barcode})`;
  }
  if (q.includes('@')) {
    return sql`${orders.customerId} in (
      select c.id from customers c where c.email = ${q.toLowerCase()}
      union select ci.customer_id from customer_identities ci where ci.kind = 'email' and ci.value = ${q.toLowerCase()})`;
  }
  const customerIds = (await searchCustomers(db, q, { limit: SEARCH_CUSTOMERS, locationIds: scope ?? undefined })).map(
    (c) => c.id,
  );
  const byCustomer = customerIds.length
    ? sql`union all select o.id from orders o where o.customer_id = any(${sql`array[${sql.join(
        customerIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}]`})`
    : sql``;
  // A few SKUs (each name or prefix branch bounded by its index), then their lines by
  // order_lines_variant_idx: never a scan of order lines.
  const skus = skuMatchSource(q, { barcode: 'exact', codeLimit: SEARCH_VARIANTS, nameLimit: SEARCH_VARIANTS });
  return sql`${orders.id} in (
    select o.id from orders o where o.external_id = ${q}
    ${byCustomer}
    union all
    select l.order_id from order_lines l where l.variant_id in (
      select v.id from ${skus}
      order by ${exactCodeSql(q)} desc, ${nameSimilaritySql(q)} desc, v.sku
      limit ${SEARCH_VARIANTS}))`;
}

/** An order with its lines, reservations, events and pickup; its channel and store by the names shown in `locale`. */
export async function findOrderDetail(db: DbOrTx, orderId: string, locale?: Locale) {
  const [order] = await db
    .select({
      id: orders.id,
      number: orders.number,
      externalId: orders.externalId,
      status: orders.status,
      fulfilmentType: orders.fulfilmentType,
      channelId: orders.channelId,
      channelCode: channels.code,
      channelName: localNameSql(channels, locale),
      locationId: orders.locationId,
      fulfillingLocationId: orders.fulfillingLocationId,
      locationCode: locations.code,
      // Left-joined: null when the order has no store.
      locationName: sql<string | null>`${localNameSql(locations, locale)}`,
      timeZone: locations.timeZone,
      shippingAddress: orders.shippingAddress,
      currency: orders.currency,
      subtotalCents: orders.subtotalCents,
      discountCents: orders.discountCents,
      shippingCents: orders.shippingCents,
      taxCents: orders.taxCents,
      totalCents: orders.totalCents,
      itemCount: orders.itemCount,
      placedAt: orders.placedAt,
      cancelledAt: orders.cancelledAt,
      cancelReason: orders.cancelReason,
      customerId: orders.customerId,
      customerFirstName: customers.firstName,
      customerLastName: customers.lastName,
      customerEmail: customers.email,
      customerPhone: customers.phone,
    })
    .from(orders)
    .innerJoin(channels, eq(channels.id, orders.channelId))
    .leftJoin(locations, eq(locations.id, orders.locationId))
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(eq(orders.id, orderId));
  if (!order) return null;
  const [lines, held, events, pickup, notes, tags] = await Promise.all([
    db
      .select({
        id: orderLines.id,
        lineNo: orderLines.lineNo,
        sku: orderLines.sku,
        variantId: orderLines.variantId,
        quantity: orderLines.quantity,
        quantityReturned: orderLines.quantityReturned,
        unitPriceCents: orderLines.unitPriceCents,
        productName: sql<string>`(select p.name || ' — ' || v.title from variants v join products p on p.id = v.product_id where v.id = ${orderLines.variantId})`,
      })
      .from(orderLines)
      .where(eq(orderLines.orderId, orderId))
      .orderBy(orderLines.lineNo),
    db
      .select({
        id: reservations.id,
        sku: orderLines.sku,
        locationId: reservations.locationId,
        locationCode: locations.code,
        quantity: reservations.quantity,
        status: reservations.status,
        createdAt: reservations.createdAt,
      })
      .from(reservations)
      .innerJoin(orderLines, eq(orderLines.id, reservations.orderLineId))
      .innerJoin(locations, eq(locations.id, reservations.locationId))
      .where(eq(reservations.orderId, orderId))
      .orderBy(reservations.createdAt),
    db
      .select({
        id: orderEvents.id,
        type: orderEvents.type,
        data: orderEvents.data,
        createdAt: orderEvents.createdAt,
        actorName: staffUsers.name,
      })
      .from(orderEvents)
      .leftJoin(staffUsers, eq(staffUsers.id, orderEvents.actorId))
      .where(eq(orderEvents.orderId, orderId))
      .orderBy(orderEvents.createdAt, orderEvents.id),
    db
      .select({
        id: pickups.id,
        state: pickups.state,
        code: pickups.code,
        readyAt: pickups.readyAt,
        dueBy: pickups.dueBy,
        collectedAt: pickups.collectedAt,
        // The customer's tracking page, for staff to give on the phone or open to see what the customer sees.
        trackingToken: pickups.trackingToken,
      })
      .from(pickups)
      .where(eq(pickups.orderId, orderId)),
    db
      .select({
        id: orderNotes.id,
        body: orderNotes.body,
        authorId: orderNotes.authorId,
        authorName: staffUsers.name,
        createdAt: orderNotes.createdAt,
        editedAt: orderNotes.editedAt,
      })
      .from(orderNotes)
      .leftJoin(staffUsers, eq(staffUsers.id, orderNotes.authorId))
      .where(eq(orderNotes.orderId, orderId))
      .orderBy(desc(orderNotes.createdAt), desc(orderNotes.id)),
    db.select({ tag: orderTags.tag }).from(orderTags).where(eq(orderTags.orderId, orderId)).orderBy(orderTags.tag),
  ]);
  // What the customer took away after a partial hand-over: the return form offers no more.
  const taken = unitsTaken(order.fulfilmentType, lines, events.findLast((e) => e.type === 'collected')?.data);
  return {
    ...order,
    lines: lines.map((l) => ({ ...l, quantityTaken: taken.get(l.id) ?? l.quantity })),
    reservations: held,
    events,
    pickup: pickup[0] ?? null,
    notes,
    tags: tags.map((t) => t.tag),
  };
}

export type OrderDetail = NonNullable<Awaited<ReturnType<typeof findOrderDetail>>>;

/**
 * The order page's read, authorised before anything of the order is returned: 'orders.view'
 * first, then (for a manager) the order must be fulfilled at, or reserved in, one of their
 * locations — its scope keys are read alone before the detail. A malformed or unknown id is
 * NotFound, an order of another store Forbidden.
 */
export async function getOrderForActor(
  db: DbOrTx,
  actor: Actor,
  orderId: string,
  locale?: Locale,
): Promise<OrderDetail> {
  if (!can(actor, 'orders.view')) throw new Forbidden();
  if (!isUuid(orderId)) throw new NotFound('Order');
  const scope = scopeOf(actor, 'orders.view');
  if (scope) {
    const [keys] = await db
      .select({
        locationId: orders.locationId,
        fulfillingLocationId: orders.fulfillingLocationId,
        reservedAt: sql<
          string[]
        >`coalesce((select array_agg(distinct r.location_id::text) from reservations r where r.order_id = ${orders.id}), '{}')`,
      })
      .from(orders)
      .where(eq(orders.id, orderId));
    if (!keys) throw new NotFound('Order');
    const places = [keys.locationId, keys.fulfillingLocationId, ...keys.reservedAt].filter((id): id is string =>
      Boolean(id),
    );
    if (!places.some((id) => scope.includes(id))) throw new Forbidden('This order is not fulfilled at your locations.');
  }
  const order = await findOrderDetail(db, orderId, locale);
  if (!order) throw new NotFound('Order');
  return order;
}

export type OrderActionRights = {
  confirm: boolean;
  ship: boolean;
  cancel: boolean;
  /** Stores where this actor may take a return of the order, and whether they may restock there. */
  returnAt: { locationId: string; restock: boolean }[];
};

/**
 * What this actor may do to this order, by the rules the use cases apply under the row lock
 * (assertOrderScope, returnOrder): the page shows only these actions. Status is not judged here.
 */
export function orderActionRights(
  actor: Actor,
  order: Pick<OrderDetail, 'locationId' | 'fulfillingLocationId' | 'reservations'>,
  stores: readonly { id: string; kind: string }[],
): OrderActionRights {
  const active = order.reservations.filter((r) => r.status === 'active').map((r) => r.locationId);
  const places = orderPlaces(order, active);
  return {
    confirm: places.some((id) => can(actor, 'orders.confirm', id)) || canAtEvery(actor, 'orders.confirm', places),
    ship: canAtEvery(actor, 'orders.ship', places),
    cancel: canAtEvery(actor, 'orders.cancel', places),
    returnAt: stores
      // Owners and agents take returns at any store; a manager at their own locations.
      .filter((l) => (l.kind === 'store' || actor.role === 'manager') && can(actor, 'orders.return', l.id))
      .map((l) => ({ locationId: l.id, restock: can(actor, 'orders.restock', l.id) })),
  };
}

/** Every channel, by the name shown in `locale` (none: the canonical names). */
export async function listChannels(db: DbOrTx, locale?: Locale) {
  const name = localNameSql(channels, locale);
  return db
    .select({ id: channels.id, code: channels.code, name, kind: channels.kind })
    .from(channels)
    .orderBy(asc(name), asc(channels.code));
}

/**
 * The orders to print (packing slips, an order sheet), in the order asked: each read as its page
 * reads it (getOrderForActor), those this actor may not see or that do not exist left out and
 * counted, so a slip is never printed for another store's order.
 */
export async function getOrdersToPrint(
  db: DbOrTx,
  actor: Actor,
  orderIds: readonly string[],
  locale?: Locale,
): Promise<{ orders: OrderDetail[]; skipped: number }> {
  const found: OrderDetail[] = [];
  let skipped = 0;
  for (const id of new Set(orderIds)) {
    try {
      found.push(await getOrderForActor(db, actor, id, locale));
    } catch (error) {
      if (error instanceof Forbidden || error instanceof NotFound) skipped += 1;
      else throw error;
    }
  }
  return { orders: found, skipped };
}
