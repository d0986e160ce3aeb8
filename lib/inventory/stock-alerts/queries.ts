import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { Locale } from '@/lib/i18n/config';

/** How many customers wait for a SKU at one store, or online (code and name null). */
export type StockAlertDemand = { code: string | null; name: string | null; customers: number };

/**
 * The waiting demand for one SKU per store, then online: distinct customers with a waiting stock
 * alert (the partial index on waiting alerts by SKU). Stores by the name shown in `locale`.
 */
export async function listStockAlertDemand(db: Db, variantId: string, locale?: Locale): Promise<StockAlertDemand[]> {
  const name = locale ? sql`coalesce(l.names ->> ${locale}::text, l.name)` : sql`l.name`;
  const { rows } = await db.execute<StockAlertDemand>(sql`
    select l.code, ${name} as name, count(distinct a.customer_id)::int as customers
    from stock_alerts a left join locations l on l.id = a.location_id
    where a.variant_id = ${variantId}::uuid and a.status = 'waiting'
    group by l.code, l.names, l.name
    order by l.code is null, 2`);
  return rows;
}
