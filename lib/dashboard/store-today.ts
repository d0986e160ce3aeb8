import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { inventoryLevels, locations } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import type { Locale } from '@/lib/i18n/config';
import { localNameSql } from '@/lib/i18n/local-name';
import { isLowStockSql } from '@/lib/inventory/rules';
import { latePlacedUpTo } from '@/lib/pickups/promise';
import { queueRules, storeDayStartSql } from '@/lib/pickups/queries';
import { DUE_SOON_MS } from '@/lib/pickups/queue-model';

/** What a store's day looks like on the home page: each figure is the count of one list it links to. */
export type StoreTodayCounts = {
  /** Placed or being picked (the queue's To pick tab). */
  toPick: number;
  /** Of those, past the store's promise (its preparation time in opening hours). */
  late: number;
  /** Ready parcels whose hold ends within a day (the Due soon tab). */
  dueSoon: number;
  /** Holds that ended since midnight in the store's time zone. */
  expiredToday: number;
  /** Transfers shipped to the store and not yet received. */
  transfersIn: number;
  /** SKUs at or below their reorder point at the store (isLowStock). */
  lowStock: number;
};

export type StoreToday = {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  /** Whether the store offers click-and-collect: the pickup figures mean nothing otherwise. */
  pickupEnabled: boolean;
  pickupPaused: boolean;
  counts: StoreTodayCounts;
};

const l = alias(inventoryLevels, 'l');

/**
 * Today at each of the given locations the actor may run pickups at (a manager's own; any for an
 * owner), by code: two statements whatever the number of stores — the stores, then every count of
 * every store, each by the rule its list applies (the queue's tab rules, isLowStockSql). "Today"
 * starts at midnight in each store's own time zone. Locations the actor may not see are left out.
 */
export async function getStoresToday(
  db: DbOrTx,
  actor: Actor,
  input: { locationIds: readonly string[]; now?: Date; locale?: Locale },
): Promise<StoreToday[]> {
  const ids = input.locationIds.filter((id) => can(actor, 'pickups.view', id));
  if (ids.length === 0) return [];
  const stores = await db
    .select({
      id: locations.id,
      code: locations.code,
      name: localNameSql(locations, input.locale),
      timeZone: locations.timeZone,
      openingHours: locations.openingHours,
      preparationMinutes: locations.preparationMinutes,
      pickupEnabled: locations.pickupEnabled,
      pickupPaused: locations.pickupPaused,
    })
    .from(locations)
    .where(and(inArray(locations.id, [...ids]), eq(locations.active, true)))
    .orderBy(asc(locations.code));
  if (stores.length === 0) return [];

  const now = input.now ?? new Date();
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const dayStart = storeDayStartSql(nowSql, sql`s.time_zone`);
  const rules = queueRules({
    lateUpTo: sql`s.late_up_to`,
    dueSoonBy: sql`${new Date(now.getTime() + DUE_SOON_MS).toISOString()}::timestamptz`,
    expiredSince: dayStart,
    dayStart,
  });
  const values = sql.join(
    stores.map(
      (s) => sql`(${s.id}::uuid, ${latePlacedUpTo(now, s)?.toISOString() ?? null}::timestamptz, ${s.timeZone}::text)`,
    ),
    sql`, `,
  );
  // Per store: the active pickups and today's expired ones (pickups_queue_idx), the transfers on
  // their way to it (transfers_destination_idx), its stock rows.
  const { rows } = await db.execute<StoreTodayCounts & { id: string }>(sql`
    with s (id, late_up_to, time_zone) as (values ${values})
    select s.id, q."toPick", q.late, q."dueSoon", q."expiredToday",
      (select count(*) from transfers t
       where t.destination_location_id = s.id and t.status = 'in_transit')::int as "transfersIn",
      (select count(*) from inventory_levels l where l.location_id = s.id and ${isLowStockSql(l)})::int as "lowStock"
    from s cross join lateral (
      select count(*) filter (where ${rules.to_pick})::int as "toPick",
        count(*) filter (where ${rules.late})::int as late,
        count(*) filter (where ${rules.due_soon})::int as "dueSoon",
        count(*) filter (where ${rules.expired})::int as "expiredToday"
      from pickups p
      where p.location_id = s.id
        and (p.state in ('placed', 'to_pick', 'ready') or (p.state = 'expired' and p.closed_at >= ${dayStart}))
    ) q`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return stores.map((s) => {
    const r = byId.get(s.id)!;
    return {
      id: s.id,
      code: s.code,
      name: s.name,
      timeZone: s.timeZone,
      pickupEnabled: s.pickupEnabled,
      pickupPaused: s.pickupPaused,
      counts: {
        toPick: r.toPick,
        late: r.late,
        dueSoon: r.dueSoon,
        expiredToday: r.expiredToday,
        transfersIn: r.transfersIn,
        lowStock: r.lowStock,
      },
    };
  });
}
