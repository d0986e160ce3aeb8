import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { inventoryLevels } from '@/db/schema';
import { availableToPromiseSql, isLowStockSql } from '../rules';
import { skuMatchSource } from './sku-match';
import type { InventoryListQuery } from '../schemas';

const PAGE_SIZE = 50;

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
  /** What the chosen locations keep back from remote channels: why available may be below on hand − reserved. */
  safetyStock: number;
  /** The chosen locations' reorder points, added up: low stock compares totals with totals. */
  reorderPoint: number;
  /** Per chosen location, in the order asked. */
  perLocation: {
    locationId: string;
    onHand: number;
    reserved: number;
    available: number;
    safetyStock: number;
    reorderPoint: number;
  }[];
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
 * product name by trigram, typo-tolerant and accents aside (skuMatchSource). No exact count: one
 * extra row says "there is more".
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
  // The statements below read `inventory_levels l`.
  const l = alias(inventoryLevels, 'l');
  const available = availableToPromiseSql(l);
  const totals = {
    onHand: sql`sum(${l.onHand})`,
    reserved: sql`sum(${l.reserved})`,
    reorderPoint: sql`sum(${l.reorderPoint})`,
  };
  const having: SQL[] = [];
  if (query.status === 'out') having.push(sql`sum(${available}) = 0`);
  // Low over the chosen locations as a whole (totals against totals), as the list's badge says:
  // one store short of its reorder point while the warehouse holds plenty is not a low SKU.
  if (query.status === 'low') having.push(isLowStockSql(totals));
  if (query.status === 'over') having.push(sql`bool_or(l.reorder_point > 0 and l.on_hand > 3 * l.reorder_point)`);

  // Two steps: first the page (sums only, for sorting and status filters), then the per-location
  // detail of those 50 rows — building JSON for every match before the sort was most of the cost.
  // Sorted by name or SKU without a status filter, the page needs no sums at all: matches are
  // sorted first and only the rows read until the page is full are checked for stock rows here.
  const needsSums = having.length > 0 || !['name', 'sku'].includes(query.sort);
  // The SKUs searched (every one without a term): the source defines `v` (variant) and `p` (product).
  // Sorted by name without sums, it gives them in name order: PostgreSQL sorts the matching
  // products, not their SKUs, and reads the variants of the first few until the page is full.
  const byName = !needsSums && query.sort === 'name' && Boolean(query.q?.trim());
  const source = skuMatchSource(query.q, byName ? { byName: query.dir === 'desc' ? 'desc' : 'asc' } : {});
  const where = filters.length ? sql`and ${sql.join(filters, sql` and `)}` : sql``;
  const havingSql = having.length ? sql`having ${sql.join(having, sql` and `)}` : sql``;
  const dir = query.dir === 'desc' ? sql`desc` : sql`asc`;
  const offset = (query.page - 1) * pageSize;

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
    : byName
      ? sql`
      select v.id, p.name, v.sku from ${source}
      where exists (select 1 from inventory_levels l where l.variant_id = v.id and l.location_id = any(${locs})) ${where}
      order by p.name ${dir}, v.sku asc
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
    safety_stock: number;
    reorder_point: number;
    per_location: InventoryRow['perLocation'];
  }>(sql`
    with page as (${pageSql})
    select v.id as variant_id, v.sku, v.barcode, p.name as product_name, v.title as variant_title, p.brand, p.category,
      sum(l.on_hand)::int as on_hand, sum(l.reserved)::int as reserved,
      sum(${available})::int as available,
      sum(l.safety_stock)::int as safety_stock, sum(l.reorder_point)::int as reorder_point,
      json_agg(json_build_object('locationId', l.location_id, 'onHand', l.on_hand, 'reserved', l.reserved,
        'available', ${available}, 'safetyStock', l.safety_stock, 'reorderPoint', l.reorder_point)) as per_location
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
    safetyStock: Number(r.safety_stock),
    reorderPoint: Number(r.reorder_point),
    perLocation: [...r.per_location].sort((a, b) => (order.get(a.locationId) ?? 0) - (order.get(b.locationId) ?? 0)),
  }));
  return { rows: mapped, page: query.page, hasNext: rows.length > pageSize };
}
