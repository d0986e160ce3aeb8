import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { inventoryLevels } from '@/db/schema';
import { availableToPromiseSql, isLowStockSql } from './rules';

export type ReplenishmentLine = {
  variantId: string;
  sku: string;
  productName: string;
  locationId: string;
  locationCode: string;
  onHand: number;
  reserved: number;
  reorderPoint: number;
  /** Units to bring the location back to twice its reorder point. */
  need: number;
  suggestion:
    | { kind: 'transfer'; fromLocationId: string; fromLocationCode: string; quantity: number }
    | { kind: 'reorder'; quantity: number };
};

/**
 * SKUs at or below their reorder point at the given locations, each with a suggestion: a
 * transfer from the location with the most excess (stock above its own reorder point and safety
 * stock), or a supplier reorder when no location has any to spare.
 */
export async function listReplenishment(
  db: DbOrTx,
  locationIds: readonly string[],
  opts: { limit?: number; offset?: number } = {},
): Promise<{ lines: ReplenishmentLine[]; hasNext: boolean }> {
  if (locationIds.length === 0) return { lines: [], hasNext: false };
  const limit = opts.limit ?? 50;
  const locs = sql`array[${sql.join(
    locationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]`;
  // The statement reads the rows to refill as `l` and the candidate sources as `o`.
  const l = alias(inventoryLevels, 'l');
  const o = alias(inventoryLevels, 'o');
  // A source spares what it may promise beyond its own reorder point.
  const excess = sql`${availableToPromiseSql(o)} - ${o.reorderPoint}`;
  const { rows } = await db.execute<{
    variant_id: string;
    sku: string;
    product_name: string;
    location_id: string;
    location_code: string;
    on_hand: number;
    reserved: number;
    reorder_point: number;
    need: number;
    from_location_id: string | null;
    from_location_code: string | null;
    excess: number | null;
  }>(sql`
    select l.variant_id, v.sku, p.name as product_name, l.location_id, loc.code as location_code,
      l.on_hand, l.reserved, l.reorder_point,
      (2 * l.reorder_point - (l.on_hand - l.reserved))::int as need,
      src.location_id as from_location_id, src.code as from_location_code, src.excess
    from inventory_levels l
    join variants v on v.id = l.variant_id
    join products p on p.id = v.product_id
    join locations loc on loc.id = l.location_id
    left join lateral (
      select o.location_id, ol.code, (${excess})::int as excess
      from inventory_levels o join locations ol on ol.id = o.location_id
      where o.variant_id = l.variant_id and o.location_id <> l.location_id
        and ${excess} > 0
      order by excess desc, ol.code
      limit 1
    ) src on true
    where l.location_id = any(${locs}) and ${isLowStockSql(l)}
    order by loc.code, (l.on_hand - l.reserved) - l.reorder_point, v.sku
    limit ${limit + 1} offset ${opts.offset ?? 0}`);
  const lines = rows.slice(0, limit).map((r): ReplenishmentLine => {
    const need = Number(r.need);
    return {
      variantId: r.variant_id,
      sku: r.sku,
      productName: r.product_name,
      locationId: r.location_id,
      locationCode: r.location_code,
      onHand: Number(r.on_hand),
      reserved: Number(r.reserved),
      reorderPoint: Number(r.reorder_point),
      need,
      suggestion:
        r.from_location_id && r.from_location_code
          ? {
              kind: 'transfer',
              fromLocationId: r.from_location_id,
              fromLocationCode: r.from_location_code,
              quantity: Math.min(need, Number(r.excess)),
            }
          : { kind: 'reorder', quantity: need },
    };
  });
  return { lines, hasNext: rows.length > limit };
}
