import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { sqlEan13CheckDigit } from '@/lib/seed/ean';
import { CUSTOMER_SUMMARY_SQL, KPI_DAILY_SELECT_SQL, KPI_DAILY_TOTALS_SQL } from '@/lib/seed/rollups';
import { orderAmountColumns, sqlIsTaxOnTop } from '@/lib/orders/amounts';
import { sqlVatIncludedCents } from '@/lib/orders/tax';

/**
 * The invariants every seeded (and every live) database keeps, as queries returning the rows
 * that break them. Used by the seed tests on both scales; usable as a health check.
 */
export const SEED_INVARIANTS: Record<string, string> = {
  'ledger sums equal inventory rows': `
    SELECT l.variant_id, l.location_id FROM inventory_levels l
    FULL JOIN (SELECT variant_id, location_id, sum(delta_on_hand) AS on_hand, sum(delta_reserved) AS reserved
               FROM inventory_movements GROUP BY 1, 2) m USING (variant_id, location_id)
    WHERE coalesce(l.on_hand, 0) <> coalesce(m.on_hand, 0) OR coalesce(l.reserved, 0) <> coalesce(m.reserved, 0)`,
  'reserved equals active reservations': `
    SELECT l.variant_id, l.location_id FROM inventory_levels l
    FULL JOIN (SELECT variant_id, location_id, sum(quantity) AS q FROM reservations WHERE status = 'active' GROUP BY 1, 2) r
      USING (variant_id, location_id)
    WHERE coalesce(l.reserved, 0) <> coalesce(r.q, 0)`,
  'reserved within on hand': `SELECT variant_id, location_id FROM inventory_levels WHERE reserved > on_hand OR on_hand < 0 OR reserved < 0`,
  'barcodes are valid EAN-13': `
    SELECT sku FROM variants WHERE barcode IS NOT NULL
      AND (barcode !~ '^[0-9]{13}$' OR substr(barcode, 13, 1)::int <> ${sqlEan13CheckDigit('barcode')})`,
  'order totals add up': `
    SELECT o.number FROM orders o
    LEFT JOIN (SELECT order_id, sum(quantity * unit_price_cents) AS s, sum(quantity) AS q FROM order_lines GROUP BY 1) l ON l.order_id = o.id
    WHERE l.order_id IS NULL OR o.subtotal_cents <> l.s OR o.item_count <> l.q
       -- Prices include the VAT, which tax_cents says; or a channel added its tax on top.
       OR NOT (${sqlIsTaxOnTop(orderAmountColumns('o'))} OR (o.total_cents = o.subtotal_cents - o.discount_cents + o.shipping_cents
               AND o.tax_cents = ${sqlVatIncludedCents('o.total_cents')}))`,
  'kpi_daily equals the orders': `
    (${KPI_DAILY_TOTALS_SQL} EXCEPT ${KPI_DAILY_SELECT_SQL})
    UNION ALL
    (${KPI_DAILY_SELECT_SQL} EXCEPT ${KPI_DAILY_TOTALS_SQL})`,
  'customer summaries equal their orders': `
    SELECT c.id FROM customers c LEFT JOIN (${CUSTOMER_SUMMARY_SQL}) s ON s.customer_id = c.id
    WHERE c.order_count <> coalesce(s.order_count, 0) OR c.lifetime_value_cents <> coalesce(s.lifetime_value_cents, 0)
       OR c.last_order_at IS DISTINCT FROM s.last_order_at`,
  'orders are scoped where they are fulfilled': `
    SELECT number FROM orders
    WHERE (location_id IS NOT NULL AND fulfilling_location_id IS DISTINCT FROM location_id)
       OR (fulfilment_type = 'ship' AND fulfilling_location_id IS NULL AND status <> 'backordered')`,
  'ready pickups have a code and a due date': `
    SELECT id FROM pickups WHERE state IN ('ready', 'collected') AND (code IS NULL OR ready_at IS NULL OR due_by IS NULL)`,
  'pickup orders have one pickup at their location': `
    SELECT o.id FROM orders o LEFT JOIN pickups p ON p.order_id = o.id
    WHERE (o.fulfilment_type = 'pickup' AND (p.id IS NULL OR p.location_id <> o.location_id))
       -- an order shipped instead after a short pick keeps its pickup, cancelled, as history
       OR (o.fulfilment_type <> 'pickup' AND p.id IS NOT NULL AND p.state <> 'cancelled')`,
  'pickups carry their order’s number and customer’s folded name': `
    SELECT p.id FROM pickups p JOIN orders o ON o.id = p.order_id LEFT JOIN customers c ON c.id = o.customer_id
    WHERE p.order_number IS DISTINCT FROM o.number OR p.search_name IS DISTINCT FROM c.search_name`,
  'active reservations belong to open orders': `
    SELECT r.id FROM reservations r JOIN orders o ON o.id = r.order_id LEFT JOIN pickups p ON p.order_id = o.id
    WHERE r.status = 'active' AND (o.status NOT IN ('placed', 'confirmed')
       OR (o.fulfilment_type = 'pickup' AND p.state NOT IN ('placed', 'to_pick', 'awaiting_transfer', 'ready')))`,
  'order numbers come from the sequence': `
    SELECT number FROM orders WHERE number !~ '^CMP-[0-9]+$'
       OR substr(number, 5)::bigint > (SELECT last_value FROM order_number_seq)`,
};

/** Runs every invariant; returns the number of offending rows per invariant that fails. */
export async function findInvariantViolations(db: DbOrTx): Promise<Record<string, number>> {
  const failures: Record<string, number> = {};
  for (const [name, query] of Object.entries(SEED_INVARIANTS)) {
    const res = await db.execute<{ n: string | number }>(sql.raw(`SELECT count(*) AS n FROM (${query}) q`));
    const n = Number(res.rows[0].n);
    if (n > 0) failures[name] = n;
  }
  return failures;
}
