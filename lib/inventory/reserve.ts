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
 * The common table expressions that claim stock for one order, to embed in the statement that
 * writes the order, so an order and its stock are one round trip:
 *
 *   with ${stockClaimCtes(…)}, new_order as (insert into orders …), ${stockRecordCtes(…)} select …
 *
 * Per (SKU, location) one conditional update of the row — concurrent orders can never take
 * more than there is; a row whose claims cannot all be met is left untouched. Rows are listed
 * in (SKU, location) order so that concurrent multi-line orders lock them in one order.
 *
 * Defines `stock_wanted (variant_id, location_id, sku, qty)`, the claims summed per row;
 * `stock_claimed (variant_id, location_id)`, the rows updated; `stock_met`, the claims that
 * were met; `stock_short (sku)`, the SKUs of rows that could not be claimed.
 */
export function stockClaimCtes(mode: ClaimMode, claims: readonly StockClaim[]): SQL {
  if (claims.length === 0) {
    return sql`stock_wanted (variant_id, location_id, sku, qty) as (select null::uuid, null::uuid, null::text, null::int where false),
      stock_claimed as (select variant_id, location_id from stock_wanted),
      stock_met (order_line_id, variant_id, location_id, qty) as (select null::uuid, null::uuid, null::uuid, null::int where false),
      stock_short as (select sku from stock_wanted)`;
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
          from stock_wanted w
          where l.variant_id = w.variant_id and l.location_id = w.location_id
            and ${availableToPromiseSql(l)} >= w.qty`
      : sql`update inventory_levels l set on_hand = l.on_hand - w.qty, updated_at = now()
          from stock_wanted w
          where l.variant_id = w.variant_id and l.location_id = w.location_id
            and l.on_hand - l.reserved >= w.qty`;
  return sql`stock_wanted (variant_id, location_id, sku, qty) as (values ${wantedValues}),
    stock_claimed as (${update} returning l.variant_id, l.location_id),
    stock_claims (order_line_id, variant_id, location_id, qty) as (values ${claimValues}),
    stock_met as (select c.* from stock_claims c join stock_claimed s using (variant_id, location_id)),
    stock_short as (
      select distinct w.sku from stock_wanted w
      where not exists (select 1 from stock_claimed s where s.variant_id = w.variant_id and s.location_id = w.location_id))`;
}

/**
 * What stockClaimCtes took, on the books: one ledger entry per met claim and, when reserving,
 * one reservation per met claim — written only if the CTE named `orderGate` (the order's
 * insert) yields a row, since reservations reference the order.
 */
export function stockRecordCtes(
  mode: ClaimMode,
  input: { orderId: string; actorId: string | null; orderGate: string },
): SQL {
  const gate = sql.raw(input.orderGate);
  if (mode === 'sell') {
    return sql`stock_ledger as (
      insert into inventory_movements (variant_id, location_id, delta_on_hand, reason, reference_type, reference_id, actor_id)
      select variant_id, location_id, -qty, 'sale'::movement_reason, 'order'::movement_reference, ${input.orderId}, ${input.actorId}::uuid
      from stock_met)`;
  }
  return sql`stock_ledger as (
      insert into inventory_movements (variant_id, location_id, delta_reserved, reason, reference_type, reference_id, actor_id)
      select variant_id, location_id, qty, 'reservation'::movement_reason, 'order'::movement_reference, ${input.orderId}, ${input.actorId}::uuid
      from stock_met),
    stock_reservations as (
      insert into reservations (order_id, order_line_id, variant_id, location_id, quantity)
      select ${input.orderId}::uuid, order_line_id, variant_id, location_id, qty from stock_met where exists (select 1 from ${gate}))`;
}
