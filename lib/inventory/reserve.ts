import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inventoryLevels } from '@/db/schema';
import { availableToPromiseSql } from './rules';

/** Units of one order line to take from one location. */
export type StockClaim = { orderLineId: string; variantId: string; sku: string; locationId: string; quantity: number };

/**
 * How an order takes stock: `reserve` holds units for later (on hand − reserved − safety stock
 * must cover them); `sell` takes them off on hand at once, a counter sale (the customer holds
 * the item, so safety stock — kept for remote channels — does not apply, only other orders'
 * reservations do).
 */
export type ClaimMode = 'reserve' | 'sell';

/**
 * What claimStockCtes defines, for the statement around it: the CTEs themselves, and the names
 * of the two that the statement reads.
 */
export type StockClaimCtes = {
  ctes: SQL;
  /** `(order_line_id, variant_id, location_id, qty)`: the claims whose row was updated, to book. */
  claimsMet: SQL;
  /** `(sku)`: the SKUs of rows that could not cover their claims (those rows are untouched). */
  skusUnclaimed: SQL;
};

const WANTED = sql.raw('stock_wanted_per_row');
const ROWS_CLAIMED = sql.raw('stock_rows_claimed');
const PLANNED = sql.raw('stock_claims_planned');
const CLAIMS_MET = sql.raw('stock_claims_met');
const SKUS_UNCLAIMED = sql.raw('stock_skus_unclaimed');

/**
 * Claims stock for one order as common table expressions, to embed in the statement that writes
 * the order, so an order and its stock are one round trip:
 *
 *   with ${stock.ctes}, order_inserted as (insert into orders …), ${bookClaimedStockCtes(…, stock, …)} select …
 *
 * Guarantees per (SKU, location) one conditional update of the row — concurrent orders can never
 * take more than there is; a row whose claims cannot all be met is left untouched. Rows are listed
 * in (SKU, location) order so that concurrent multi-line orders lock them in one order.
 *
 * `stock_wanted_per_row` sums the claims per row, `stock_rows_claimed` is the rows updated,
 * `stock_claims_planned` the claims as planned; claimsMet and skusUnclaimed, see StockClaimCtes.
 */
export function claimStockCtes(mode: ClaimMode, claims: readonly StockClaim[]): StockClaimCtes {
  const names = { claimsMet: CLAIMS_MET, skusUnclaimed: SKUS_UNCLAIMED };
  if (claims.length === 0) {
    return {
      ...names,
      ctes: sql`${WANTED} (variant_id, location_id, sku, qty) as (select null::uuid, null::uuid, null::text, null::int where false),
      ${ROWS_CLAIMED} as (select variant_id, location_id from ${WANTED}),
      ${CLAIMS_MET} (order_line_id, variant_id, location_id, qty) as (select null::uuid, null::uuid, null::uuid, null::int where false),
      ${SKUS_UNCLAIMED} as (select sku from ${WANTED})`,
    };
  }
  const wanted = new Map<string, { variantId: string; locationId: string; sku: string; qty: number }>();
  for (const c of claims) {
    const key = `${c.variantId}|${c.locationId}`;
    const row = wanted.get(key) ?? { variantId: c.variantId, locationId: c.locationId, sku: c.sku, qty: 0 };
    row.qty += c.quantity;
    wanted.set(key, row);
  }
  const rows = [...wanted.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, r]) => r);
  const wantedValues = sql.join(
    rows.map((r) => sql`(${r.variantId}::uuid, ${r.locationId}::uuid, ${r.sku}::text, ${r.qty}::int)`),
    sql`, `,
  );
  const claimValues = sql.join(
    claims.map((c) => sql`(${c.orderLineId}::uuid, ${c.variantId}::uuid, ${c.locationId}::uuid, ${c.quantity}::int)`),
    sql`, `,
  );
  const l = alias(inventoryLevels, 'l');
  const update =
    mode === 'reserve'
      ? sql`update inventory_levels l set reserved = l.reserved + w.qty, updated_at = now()
          from ${WANTED} w
          where l.variant_id = w.variant_id and l.location_id = w.location_id
            and ${availableToPromiseSql(l)} >= w.qty`
      : sql`update inventory_levels l set on_hand = l.on_hand - w.qty, updated_at = now()
          from ${WANTED} w
          where l.variant_id = w.variant_id and l.location_id = w.location_id
            and l.on_hand - l.reserved >= w.qty`;
  return {
    ...names,
    ctes: sql`${WANTED} (variant_id, location_id, sku, qty) as (values ${wantedValues}),
    ${ROWS_CLAIMED} as (${update} returning l.variant_id, l.location_id),
    ${PLANNED} (order_line_id, variant_id, location_id, qty) as (values ${claimValues}),
    ${CLAIMS_MET} as (select c.* from ${PLANNED} c join ${ROWS_CLAIMED} s using (variant_id, location_id)),
    ${SKUS_UNCLAIMED} as (
      select distinct w.sku from ${WANTED} w
      where not exists (select 1 from ${ROWS_CLAIMED} s where s.variant_id = w.variant_id and s.location_id = w.location_id))`,
  };
}

/**
 * Books what claimStockCtes took: guarantees one ledger entry per met claim (the ledger stays
 * equal to the rows) and, when reserving, one reservation per met claim — written only if
 * `orderInserted` (the CTE of the order's insert) yields a row, since reservations reference it.
 */
export function bookClaimedStockCtes(
  mode: ClaimMode,
  stock: StockClaimCtes,
  input: { orderId: string; actorId: string | null; orderInserted: SQL },
): SQL {
  if (mode === 'sell') {
    return sql`stock_movements_booked as (
      insert into inventory_movements (variant_id, location_id, delta_on_hand, reason, reference_type, reference_id, actor_id)
      select variant_id, location_id, -qty, 'sale'::movement_reason, 'order'::movement_reference, ${input.orderId}, ${input.actorId}::uuid
      from ${stock.claimsMet})`;
  }
  return sql`stock_movements_booked as (
      insert into inventory_movements (variant_id, location_id, delta_reserved, reason, reference_type, reference_id, actor_id)
      select variant_id, location_id, qty, 'reservation'::movement_reason, 'order'::movement_reference, ${input.orderId}, ${input.actorId}::uuid
      from ${stock.claimsMet}),
    stock_reservations_held as (
      insert into reservations (order_id, order_line_id, variant_id, location_id, quantity)
      select ${input.orderId}::uuid, order_line_id, variant_id, location_id, qty from ${stock.claimsMet} where exists (select 1 from ${input.orderInserted}))`;
}
