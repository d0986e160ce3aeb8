import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { inventoryLevels } from '@/db/schema';
import { availableToPromiseSql } from '@/lib/inventory/rules';

/**
 * Where a channel may offer a SKU for click-and-collect, per store: `today` when the store holds
 * the quantity available to promise, `transfer` when it does not but the channel allows
 * ship-to-store and another location holds it all (the first one ingestion would choose:
 * warehouses first, then the most stocked) — ready in about `days`, that location's transfer
 * lead days. A store that does not offer click-and-collect, has paused it, or is inactive is not
 * listed; a store that can do neither is listed as `unavailable`.
 */
export type PickupOption =
  | { location: string; readyIn: 'today' }
  | { location: string; readyIn: 'transfer'; days: number; from: string }
  | { location: string; readyIn: 'unavailable' };

const l = alias(inventoryLevels, 'l');
const s = alias(inventoryLevels, 's');

export async function pickupOptions(
  db: DbOrTx,
  input: { sku: string; quantity: number; allowShipToStore: boolean; locationCode?: string | null },
): Promise<PickupOption[]> {
  const { rows } = await db.execute<{ code: string; here: number; source: string | null; days: number | null }>(sql`
    with v as (select id from variants where sku = ${input.sku.trim().toUpperCase()})
    select store.code,
      coalesce((select ${availableToPromiseSql(l)} from inventory_levels l
                where l.variant_id = (select id from v) and l.location_id = store.id), 0)::int as here,
      src.code as source, src.transfer_lead_days as days
    from locations store
    left join lateral (
      select loc.code, loc.transfer_lead_days from inventory_levels s
      join locations loc on loc.id = s.location_id and loc.active and loc.id <> store.id
      where ${input.allowShipToStore} and s.variant_id = (select id from v)
        and ${availableToPromiseSql(s)} >= ${input.quantity}
      order by (loc.kind = 'warehouse') desc, ${availableToPromiseSql(s)} desc, loc.code
      limit 1) src on true
    where store.active and store.pickup_enabled and not store.pickup_paused
      and (${input.locationCode ?? null}::text is null or store.code = ${input.locationCode ?? null})
      and exists (select 1 from v)
    order by store.code`);
  return rows.map((r): PickupOption => {
    if (Number(r.here) >= input.quantity) return { location: r.code, readyIn: 'today' };
    if (r.source) return { location: r.code, readyIn: 'transfer', days: Number(r.days), from: r.source };
    return { location: r.code, readyIn: 'unavailable' };
  });
}
