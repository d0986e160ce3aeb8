import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import {
  inventoryLevels,
  inventoryMovements,
  locations,
  orders,
  products,
  reservations,
  staffUsers,
  transferLines,
  transfers,
  variants,
} from '@/db/schema';
import { can, scopeOf, type Actor } from '@/lib/auth/permissions';
import { Forbidden, NotFound } from '@/lib/errors';
import { cursorTimeOf, decodeCreatedCursor, encodeCreatedCursor, olderThan } from './cursor';
import { availableToPromise, availableToPromiseSql, isLowStockSql } from './rules';
import type { InventoryListQuery } from './schemas';

export const PAGE_SIZE = 50;

export type LocationOption = { id: string; code: string; name: string; kind: 'store' | 'warehouse'; timeZone: string };

export async function listLocations(db: DbOrTx): Promise<LocationOption[]> {
  return db
    .select({
      id: locations.id,
      code: locations.code,
      name: locations.name,
      kind: locations.kind,
      timeZone: locations.timeZone,
    })
    .from(locations)
    .where(eq(locations.active, true))
    .orderBy(asc(locations.kind), asc(locations.name));
}

export async function listCategories(db: DbOrTx): Promise<{ categories: string[]; brands: string[] }> {
  const [cats, brands] = await Promise.all([
    db.selectDistinct({ v: products.category }).from(products).orderBy(products.category),
    db.selectDistinct({ v: products.brand }).from(products).orderBy(products.brand),
  ]);
  return { categories: cats.map((c) => c.v), brands: brands.map((b) => b.v) };
}

/** The locations a view covers: what the user asked for, else their own (managers), else all. */
export function effectiveLocations(
  actor: Actor,
  requested: readonly string[],
  all: readonly LocationOption[],
): string[] {
  const known = new Set(all.map((l) => l.id));
  const asked = requested.filter((id) => known.has(id));
  if (asked.length > 0) return asked;
  const own = scopeOf(actor, 'inventory.adjust');
  if (actor.role === 'manager' && own && own.length > 0) return [...own];
  return all.map((l) => l.id);
}

export type InventoryRow = {
  variantId: string;
  sku: string;
  barcode: string | null;
  productName: string;
  variantTitle: string;
  brand: string;
  category: string;
  onHand: number;
  reserved: number;
  available: number;
  /** Per chosen location, in the order asked. */
  perLocation: { locationId: string; onHand: number; reserved: number; available: number; reorderPoint: number }[];
};

export type InventoryPage = { rows: InventoryRow[]; page: number; hasNext: boolean };

const SORT_SQL: Record<InventoryListQuery['sort'], SQL> = {
  name: sql`p.name`,
  sku: sql`v.sku`,
  onHand: sql`on_hand`,
  reserved: sql`reserved`,
  available: sql`available`,
};

/**
 * One page of SKUs with stock at the given locations. Search: SKU or barcode prefix, else
 * product name by trigram (typo-tolerant). No exact count: one extra row says "there is more".
 */
export async function listInventory(
  db: DbOrTx,
  query: InventoryListQuery,
  locationIds: readonly string[],
  /** `pageSize`: rows per page (the CSV export asks for one big page). */
  opts: { pageSize?: number } = {},
): Promise<InventoryPage> {
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const locs = sql`array[${sql.join(
    locationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]`;
  const filters: SQL[] = [];
  if (query.category) filters.push(sql`p.category = ${query.category}`);
  if (query.brand) filters.push(sql`p.brand = ${query.brand}`);
  const q = query.q?.trim();
  // The SKUs searched: every variant, or those whose SKU or barcode starts with the term, else
  // (only when none does, so "PULL-M" does not drown in names) whose product name has a word
  // like it — trigram word similarity, typo-tolerant, or the term inside the name. Each branch
  // reads its own index; a term of one or two letters has no trigram, so it matches name starts.
  // Either way the source defines `v` (variant) and `p` (product) for the queries below.
  let source = sql`variants v join products p on p.id = v.product_id`;
  if (q) {
    const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    const prefix = `${escaped}%`;
    // A phrase ("pul marn") is compared with the whole name as well as with its words.
    const nameMatch =
      q.length < 3
        ? sql`pp.name ilike ${prefix}`
        : /\s/.test(q)
          ? sql`(pp.name % ${q} or ${q} <% pp.name or pp.name ilike ${`%${escaped}%`})`
          : sql`(${q} <% pp.name or pp.name ilike ${`%${escaped}%`})`;
    // Matching products lead to their variants by index (the fenced lateral keeps the planner
    // from scanning every variant), and carry their own columns so `p` needs no second join.
    source = sql`(
      with code_hits as (
        select id from variants where sku like upper(${prefix})
        union select id from variants where barcode like ${prefix})
      select vv.id, vv.sku, pp.name, pp.brand, pp.category
      from code_hits c join variants vv on vv.id = c.id join products pp on pp.id = vv.product_id
      union all
      select vv.id, vv.sku, pp.name, pp.brand, pp.category
      from products pp cross join lateral (select id, sku from variants where product_id = pp.id offset 0) vv
      where not exists (select 1 from code_hits) and ${nameMatch}
    ) v cross join lateral (select v.name, v.brand, v.category) p`;
  }
  // The statements below read `inventory_levels l`.
  const l = alias(inventoryLevels, 'l');
  const available = availableToPromiseSql(l);
  const having: SQL[] = [];
  if (query.status === 'out') having.push(sql`sum(${available}) = 0`);
  if (query.status === 'low') having.push(sql`bool_or(${isLowStockSql(l)})`);
  if (query.status === 'over') having.push(sql`bool_or(l.reorder_point > 0 and l.on_hand > 3 * l.reorder_point)`);

  const where = filters.length ? sql`and ${sql.join(filters, sql` and `)}` : sql``;
  const havingSql = having.length ? sql`having ${sql.join(having, sql` and `)}` : sql``;
  const dir = query.dir === 'desc' ? sql`desc` : sql`asc`;
  const offset = (query.page - 1) * pageSize;

  // Two steps: first the page (sums only, for sorting and status filters), then the per-location
  // detail of those 50 rows — building JSON for every match before the sort was most of the cost.
  // Sorted by name or SKU without a status filter, the page needs no sums at all: matches are
  // sorted first and only the rows read until the page is full are checked for stock rows here.
  const needsSums = having.length > 0 || !['name', 'sku'].includes(query.sort);
  const pageSql = needsSums
    ? sql`
      select v.id, p.name, v.sku, sum(l.on_hand)::int as on_hand, sum(l.reserved)::int as reserved,
        sum(${available})::int as available
      from ${source}
      join inventory_levels l on l.variant_id = v.id
      where l.location_id = any(${locs}) ${where}
      group by v.id, v.sku, p.name
      ${havingSql}
      order by ${SORT_SQL[query.sort]} ${dir}, v.sku asc
      limit ${pageSize + 1} offset ${offset}`
    : sql`
      select id, name, sku from (
        select v.id, p.name, v.sku from ${source}
        where true ${where}
        order by ${SORT_SQL[query.sort]} ${dir}, v.sku asc
        offset 0) matches
      where exists (select 1 from inventory_levels l where l.variant_id = matches.id and l.location_id = any(${locs}))
      limit ${pageSize + 1} offset ${offset}`;

  const { rows } = await db.execute<{
    variant_id: string;
    sku: string;
    barcode: string | null;
    product_name: string;
    variant_title: string;
    brand: string;
    category: string;
    on_hand: number;
    reserved: number;
    available: number;
    per_location: InventoryRow['perLocation'];
  }>(sql`
    with page as (${pageSql})
    select v.id as variant_id, v.sku, v.barcode, p.name as product_name, v.title as variant_title, p.brand, p.category,
      sum(l.on_hand)::int as on_hand, sum(l.reserved)::int as reserved,
      sum(${available})::int as available,
      json_agg(json_build_object('locationId', l.location_id, 'onHand', l.on_hand, 'reserved', l.reserved,
        'available', ${available}, 'reorderPoint', l.reorder_point)) as per_location
    from page
    join variants v on v.id = page.id
    join products p on p.id = v.product_id
    join inventory_levels l on l.variant_id = v.id and l.location_id = any(${locs})
    group by v.id, p.id
    order by ${SORT_SQL[query.sort]} ${dir}, v.sku asc`);

  const order = new Map(locationIds.map((id, i) => [id, i]));
  const mapped = rows.slice(0, pageSize).map((r) => ({
    variantId: r.variant_id,
    sku: r.sku,
    barcode: r.barcode,
    productName: r.product_name,
    variantTitle: r.variant_title,
    brand: r.brand,
    category: r.category,
    onHand: Number(r.on_hand),
    reserved: Number(r.reserved),
    available: Number(r.available),
    perLocation: [...r.per_location].sort((a, b) => (order.get(a.locationId) ?? 0) - (order.get(b.locationId) ?? 0)),
  }));
  return { rows: mapped, page: query.page, hasNext: rows.length > pageSize };
}

/** Exact barcode (or SKU) → variant id, for scanners. */
export async function findVariantByCode(db: DbOrTx, code: string): Promise<{ id: string; sku: string } | null> {
  const c = code.trim();
  if (!c) return null;
  const [row] = await db
    .select({ id: variants.id, sku: variants.sku })
    .from(variants)
    .where(/^\d{8,14}$/.test(c) ? eq(variants.barcode, c) : eq(variants.sku, c.toUpperCase()))
    .limit(1);
  return row ?? null;
}

export type SkuDetail = {
  variantId: string;
  sku: string;
  barcode: string | null;
  title: string;
  productName: string;
  brand: string;
  category: string;
  priceCents: number;
  costCents: number;
  currency: string;
  levels: {
    locationId: string;
    code: string;
    name: string;
    onHand: number;
    reserved: number;
    safetyStock: number;
    reorderPoint: number;
    available: number;
  }[];
};

export async function findSkuDetail(db: DbOrTx, variantId: string): Promise<SkuDetail | null> {
  const [v] = await db
    .select({
      variantId: variants.id,
      sku: variants.sku,
      barcode: variants.barcode,
      title: variants.title,
      productName: products.name,
      brand: products.brand,
      category: products.category,
      priceCents: variants.priceCents,
      costCents: variants.costCents,
      currency: variants.currency,
    })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(eq(variants.id, variantId));
  if (!v) return null;
  const levels = await db
    .select({
      locationId: locations.id,
      code: locations.code,
      name: locations.name,
      onHand: inventoryLevels.onHand,
      reserved: inventoryLevels.reserved,
      safetyStock: inventoryLevels.safetyStock,
      reorderPoint: inventoryLevels.reorderPoint,
    })
    .from(inventoryLevels)
    .innerJoin(locations, eq(locations.id, inventoryLevels.locationId))
    .where(eq(inventoryLevels.variantId, variantId))
    .orderBy(asc(locations.kind), asc(locations.name));
  return {
    ...v,
    levels: levels.map((l) => ({ ...l, available: availableToPromise(l) })),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SkuView = Omit<SkuDetail, 'costCents' | 'levels'> & {
  /** The cost price; null for whoever lacks 'inventory.cost.view' (agents). */
  costCents: number | null;
  levels: (SkuDetail['levels'][number] & {
    /** On hand × cost price, only at the locations where this user may see cost values. */
    valueCents: number | null;
  })[];
  /** The sum of the values shown; null when none is. */
  totalValueCents: number | null;
};

/**
 * The SKU page's read: 'inventory.view' before anything is read; every location's stock level
 * (visible read-only to all staff), the cost price only with 'inventory.cost.view' and the stock
 * value of a location only where that right reaches (a manager: their own stores). A malformed
 * or unknown id is NotFound.
 */
export async function getSkuDetailForActor(db: DbOrTx, actor: Actor, variantId: string): Promise<SkuView> {
  if (!can(actor, 'inventory.view')) throw new Forbidden();
  if (!UUID.test(variantId)) throw new NotFound('SKU');
  const detail = await findSkuDetail(db, variantId);
  if (!detail) throw new NotFound('SKU');
  const seesCost = can(actor, 'inventory.cost.view');
  const levels = detail.levels.map((l) => ({
    ...l,
    valueCents: seesCost && can(actor, 'inventory.cost.view', l.locationId) ? l.onHand * detail.costCents : null,
  }));
  const shown = levels.filter((l) => l.valueCents !== null);
  return {
    ...detail,
    costCents: seesCost ? detail.costCents : null,
    levels,
    totalValueCents: shown.length ? shown.reduce((a, l) => a + l.valueCents!, 0) : null,
  };
}

export type LedgerEntry = {
  id: number;
  createdAt: Date;
  locationCode: string;
  deltaOnHand: number;
  deltaReserved: number;
  reason: string;
  detail: string | null;
  referenceType: string | null;
  referenceId: string | null;
  referenceLabel: string | null;
  actorName: string | null;
};

/** The SKU's ledger, newest first, keyset-paginated on the movement id. */
export async function listLedger(
  db: DbOrTx,
  variantId: string,
  opts: { before?: number; limit?: number; locationIds?: readonly string[] | null } = {},
): Promise<{ entries: LedgerEntry[]; nextBefore: number | null }> {
  const limit = opts.limit ?? 25;
  const conds = [eq(inventoryMovements.variantId, variantId)];
  if (opts.before) conds.push(sql`${inventoryMovements.id} < ${opts.before}`);
  if (opts.locationIds) {
    // Limited to no location at all: nothing, rather than every location's movements.
    if (opts.locationIds.length === 0) return { entries: [], nextBefore: null };
    conds.push(inArray(inventoryMovements.locationId, [...opts.locationIds]));
  }
  const rows = await db
    .select({
      id: inventoryMovements.id,
      createdAt: inventoryMovements.createdAt,
      locationCode: locations.code,
      deltaOnHand: inventoryMovements.deltaOnHand,
      deltaReserved: inventoryMovements.deltaReserved,
      reason: inventoryMovements.reason,
      detail: inventoryMovements.detail,
      referenceType: inventoryMovements.referenceType,
      referenceId: inventoryMovements.referenceId,
      referenceLabel: sql<string | null>`case ${inventoryMovements.referenceType}
        when 'order' then (select number from orders o where o.id::text = ${inventoryMovements.referenceId})
        when 'transfer' then (select number from transfers t where t.id::text = ${inventoryMovements.referenceId})
        when 'count' then (select number from inventory_counts c where c.id::text = ${inventoryMovements.referenceId})
        else ${inventoryMovements.referenceId} end`,
      actorName: staffUsers.name,
    })
    .from(inventoryMovements)
    .innerJoin(locations, eq(locations.id, inventoryMovements.locationId))
    .leftJoin(staffUsers, eq(staffUsers.id, inventoryMovements.actorId))
    .where(and(...conds))
    .orderBy(desc(inventoryMovements.id))
    .limit(limit + 1);
  const entries = rows.slice(0, limit);
  return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1].id : null };
}

/** Daily closing on hand per location over the last `days`, rebuilt from the ledger. */
export async function onHandHistory(
  db: DbOrTx,
  variantId: string,
  days = 90,
): Promise<{ day: string; locationCode: string; onHand: number }[]> {
  const { rows } = await db.execute<{ day: string; location_code: string; on_hand: number }>(sql`
    with daily as (
      select m.location_id, (m.created_at at time zone 'Europe/Paris')::date as day, sum(m.delta_on_hand) as delta
      from inventory_movements m where m.variant_id = ${variantId}
      group by 1, 2
    ), running as (
      select location_id, day, sum(delta) over (partition by location_id order by day) as on_hand from daily
    )
    select to_char(r.day, 'YYYY-MM-DD') as day, l.code as location_code, r.on_hand::int as on_hand
    from running r join locations l on l.id = r.location_id
    where r.day >= (now() at time zone 'Europe/Paris')::date - ${days}::int
    order by r.day, l.code`);
  return rows.map((r) => ({ day: r.day, locationCode: r.location_code, onHand: Number(r.on_hand) }));
}

export type OpenReservation = {
  orderId: string;
  orderNumber: string;
  locationCode: string;
  quantity: number;
  createdAt: Date;
};

/** Open reservations of a SKU, newest first; `locationIds` limits them to where the stock is held. */
export async function listOpenReservations(
  db: DbOrTx,
  variantId: string,
  opts: { locationIds?: readonly string[] | null } = {},
): Promise<OpenReservation[]> {
  if (opts.locationIds && opts.locationIds.length === 0) return [];
  return db
    .select({
      orderId: orders.id,
      orderNumber: orders.number,
      locationCode: locations.code,
      quantity: reservations.quantity,
      createdAt: reservations.createdAt,
    })
    .from(reservations)
    .innerJoin(orders, eq(orders.id, reservations.orderId))
    .innerJoin(locations, eq(locations.id, reservations.locationId))
    .where(
      and(
        eq(reservations.variantId, variantId),
        eq(reservations.status, 'active'),
        opts.locationIds ? inArray(reservations.locationId, [...opts.locationIds]) : undefined,
      ),
    )
    .orderBy(desc(reservations.createdAt))
    .limit(100);
}

export type TransferSummary = {
  id: string;
  number: string;
  status: string;
  sourceCode: string;
  destinationCode: string;
  units: number;
  createdAt: Date;
  shippedAt: Date | null;
  receivedAt: Date | null;
};

export const TRANSFERS_PAGE_SIZE = 50;

export type TransferPage = {
  transfers: TransferSummary[];
  /** Cursor of the next (older) page; null on the last page. */ next: string | null;
};

/**
 * Transfers in or out of the given locations (all when null), optionally for one SKU, newest
 * first, one keyset page on (created_at, id) after `before`; no count.
 */
export async function listTransfers(
  db: DbOrTx,
  opts: {
    locationIds: readonly string[] | null;
    direction?: 'in' | 'out' | 'both';
    /** Only transfers whose source or destination is one of these (a manager's); null = no limit. */
    visibleTo?: readonly string[] | null;
    variantId?: string;
    /** Cursor from a previous page's `next`; an invalid one reads the first page. */
    before?: string | null;
    limit?: number;
  },
): Promise<TransferPage> {
  const direction = opts.direction ?? 'both';
  const limit = opts.limit ?? TRANSFERS_PAGE_SIZE;
  const conds: SQL[] = [];
  // The query below aliases the table as `t`: conditions name `t.` columns, not Drizzle's "transfers".
  if (opts.locationIds) {
    const ids = [...opts.locationIds];
    if (ids.length === 0) return { transfers: [], next: null };
    const list = sql`array[${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}]`;
    if (direction === 'in') conds.push(sql`t.destination_location_id = any(${list})`);
    else if (direction === 'out') conds.push(sql`t.source_location_id = any(${list})`);
    else conds.push(sql`(t.source_location_id = any(${list}) or t.destination_location_id = any(${list}))`);
  }
  if (opts.visibleTo) {
    if (opts.visibleTo.length === 0) return { transfers: [], next: null };
    const mine = sql`array[${sql.join(
      opts.visibleTo.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}]`;
    conds.push(sql`(t.source_location_id = any(${mine}) or t.destination_location_id = any(${mine}))`);
  }
  if (opts.variantId) {
    conds.push(
      sql`exists (select 1 from transfer_lines tl where tl.transfer_id = t.id and tl.variant_id = ${opts.variantId})`,
    );
  }
  const cursor = decodeCreatedCursor(opts.before);
  if (cursor) conds.push(olderThan(sql`t.created_at`, sql`t.id`, cursor));
  const { rows } = await db.execute<{
    id: string;
    number: string;
    status: string;
    source_code: string;
    destination_code: string;
    units: number;
    created_at: string;
    shipped_at: string | null;
    received_at: string | null;
    cursor_time: string;
  }>(sql`
    select t.id, t.number, t.status, s.code as source_code, d.code as destination_code,
      (select coalesce(sum(quantity), 0)::int from transfer_lines tl where tl.transfer_id = t.id) as units,
      t.created_at, t.shipped_at, t.received_at, ${cursorTimeOf(sql`t.created_at`)} as cursor_time
    from transfers t
    join locations s on s.id = t.source_location_id
    join locations d on d.id = t.destination_location_id
    ${conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``}
    order by t.created_at desc, t.id desc
    limit ${limit + 1}`);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    transfers: page.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      sourceCode: r.source_code,
      destinationCode: r.destination_code,
      units: Number(r.units),
      createdAt: new Date(r.created_at),
      shippedAt: r.shipped_at ? new Date(r.shipped_at) : null,
      receivedAt: r.received_at ? new Date(r.received_at) : null,
    })),
    next: rows.length > limit ? encodeCreatedCursor({ cursorTime: last.cursor_time, id: last.id }) : null,
  };
}

export type TransferDetail = {
  id: string;
  number: string;
  status: 'draft' | 'in_transit' | 'received' | 'cancelled';
  source: { id: string; code: string; name: string; timeZone: string };
  destination: { id: string; code: string; name: string; timeZone: string };
  note: string | null;
  orderId: string | null;
  orderNumber: string | null;
  createdByName: string | null;
  createdAt: Date;
  shippedAt: Date | null;
  receivedAt: Date | null;
  cancelledAt: Date | null;
  lines: {
    variantId: string;
    sku: string;
    barcode: string | null;
    productName: string;
    variantTitle: string;
    quantity: number;
    /** Null until the transfer is received. */
    quantityReceived: number | null;
  }[];
};

/** One transfer with its locations and lines (SKU order), or null. */
export async function findTransfer(db: DbOrTx, transferId: string): Promise<TransferDetail | null> {
  const src = alias(locations, 'src');
  const dst = alias(locations, 'dst');
  const [t] = await db
    .select({
      id: transfers.id,
      number: transfers.number,
      status: transfers.status,
      source: { id: src.id, code: src.code, name: src.name, timeZone: src.timeZone },
      destination: { id: dst.id, code: dst.code, name: dst.name, timeZone: dst.timeZone },
      note: transfers.note,
      orderId: transfers.orderId,
      orderNumber: orders.number,
      createdByName: staffUsers.name,
      createdAt: transfers.createdAt,
      shippedAt: transfers.shippedAt,
      receivedAt: transfers.receivedAt,
      cancelledAt: transfers.cancelledAt,
    })
    .from(transfers)
    .innerJoin(src, eq(src.id, transfers.sourceLocationId))
    .innerJoin(dst, eq(dst.id, transfers.destinationLocationId))
    .leftJoin(orders, eq(orders.id, transfers.orderId))
    .leftJoin(staffUsers, eq(staffUsers.id, transfers.createdById))
    .where(eq(transfers.id, transferId));
  if (!t) return null;
  const lines = await db
    .select({
      variantId: transferLines.variantId,
      sku: variants.sku,
      barcode: variants.barcode,
      productName: products.name,
      variantTitle: variants.title,
      quantity: transferLines.quantity,
      quantityReceived: transferLines.quantityReceived,
    })
    .from(transferLines)
    .innerJoin(variants, eq(variants.id, transferLines.variantId))
    .innerJoin(products, eq(products.id, variants.productId))
    .where(eq(transferLines.transferId, transferId))
    .orderBy(asc(variants.sku));
  return { ...t, lines };
}

/** May this actor see this transfer's details? A manager: when its source or destination is theirs. */
export function canSeeTransfer(
  actor: Actor,
  transfer: { sourceLocationId: string; destinationLocationId: string },
): boolean {
  return (
    can(actor, 'inventory.transfers.view', transfer.sourceLocationId) ||
    can(actor, 'inventory.transfers.view', transfer.destinationLocationId)
  );
}

/**
 * The transfer page's read: 'inventory.transfers.view' before anything is read, then the
 * transfer's two locations alone; a manager whose locations are neither is Forbidden before the
 * details are read. A malformed or unknown id is NotFound.
 */
export async function getTransferForActor(db: DbOrTx, actor: Actor, transferId: string): Promise<TransferDetail> {
  if (!can(actor, 'inventory.transfers.view')) throw new Forbidden();
  if (!UUID.test(transferId)) throw new NotFound('Transfer');
  const [keys] = await db
    .select({ sourceLocationId: transfers.sourceLocationId, destinationLocationId: transfers.destinationLocationId })
    .from(transfers)
    .where(eq(transfers.id, transferId));
  if (!keys) throw new NotFound('Transfer');
  if (!canSeeTransfer(actor, keys)) throw new Forbidden('This transfer involves none of your locations.');
  const transfer = await findTransfer(db, transferId);
  if (!transfer) throw new NotFound('Transfer');
  return transfer;
}

/**
 * listTransfers limited to what this actor may see: a manager, the transfers that involve their
 * locations; one who may see none (a manager without a location) gets an empty list.
 */
export async function listTransfersForActor(
  db: DbOrTx,
  actor: Actor,
  opts: Omit<Parameters<typeof listTransfers>[1], 'visibleTo'>,
): Promise<TransferPage> {
  if (!can(actor, 'inventory.transfers.view')) return { transfers: [], next: null };
  return listTransfers(db, { ...opts, visibleTo: scopeOf(actor, 'inventory.transfers.view') });
}
