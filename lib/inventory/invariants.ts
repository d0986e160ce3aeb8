import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

export type Drift = {
  variantId: string;
  locationId: string;
  onHand: number;
  ledgerOnHand: number;
  reserved: number;
  ledgerReserved: number;
  activeReserved: number;
};

/**
 * Rows where the ledger or the active reservations disagree with the inventory row.
 * An empty list is the invariant "ledger sum = row" holding everywhere.
 */
export async function findDrift(db: DbOrTx, limit = 1000): Promise<Drift[]> {
  const { rows } = await db.execute<Drift>(sql`
    with ledger as (
      select variant_id, location_id, sum(delta_on_hand)::int as on_hand, sum(delta_reserved)::int as reserved
      from inventory_movements group by variant_id, location_id
    ), active as (
      select variant_id, location_id, sum(quantity)::int as reserved
      from reservations where status = 'active' group by variant_id, location_id
    )
    select l.variant_id as "variantId", l.location_id as "locationId",
           l.on_hand as "onHand", coalesce(g.on_hand, 0) as "ledgerOnHand",
           l.reserved as "reserved", coalesce(g.reserved, 0) as "ledgerReserved",
           coalesce(a.reserved, 0) as "activeReserved"
    from inventory_levels l
    left join ledger g using (variant_id, location_id)
    left join active a using (variant_id, location_id)
    where l.on_hand <> coalesce(g.on_hand, 0) or l.reserved <> coalesce(g.reserved, 0)
       or l.reserved <> coalesce(a.reserved, 0)
    limit ${limit}`);
  return rows;
}
