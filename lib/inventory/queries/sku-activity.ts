import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { inventoryMovements, locations, orders, reservations, staffUsers } from '@/db/schema';
import { installTimeZone } from '@/lib/system/time-zone';

// What happened to one SKU: its ledger, its on hand over time, the orders holding it.

export type LedgerEntry = {
  id: number;
  createdAt: Date;
  locationCode: string;
  deltaOnHand: number;
  deltaReserved: number;
  reason: string;
  detail: string | null;
  /** Why, in the words of whoever moved the stock (an adjustment's note). */
  note: string | null;
  referenceType: string | null;
  referenceId: string | null;
  referenceLabel: string | null;
  actorName: string | null;
};

/**
 * A movement's reference as a uuid, or null when its text is not one (reference_id is free text).
 * The number behind a reference is then found by primary key: compared as text (`o.id::text =
 * reference_id`), each entry read every order, ~4 ms a row on the demo data. Only the canonical
 * lower-case form casts, which is exactly the text that `id::text` matched.
 */
const referenceUuid = sql`(case when ${inventoryMovements.referenceId} ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
  then ${inventoryMovements.referenceId}::uuid end)`;

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
      note: inventoryMovements.note,
      referenceType: inventoryMovements.referenceType,
      referenceId: inventoryMovements.referenceId,
      referenceLabel: sql<string | null>`case ${inventoryMovements.referenceType}
        when 'order' then (select number from orders o where o.id = ${referenceUuid})
        when 'transfer' then (select number from transfers t where t.id = ${referenceUuid})
        when 'count' then (select number from inventory_counts c where c.id = ${referenceUuid})
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

/** Daily closing on hand per location over the last `days`, rebuilt from the ledger; days of the install's zone (one chart adds the locations up). */
export async function onHandHistory(
  db: DbOrTx,
  variantId: string,
  days = 90,
): Promise<{ day: string; locationCode: string; onHand: number }[]> {
  const zone = installTimeZone();
  const { rows } = await db.execute<{ day: string; location_code: string; on_hand: number }>(sql`
    with daily as (
      select m.location_id, (m.created_at at time zone ${zone})::date as day, sum(m.delta_on_hand) as delta
      from inventory_movements m where m.variant_id = ${variantId}
      group by 1, 2
    ), running as (
      select location_id, day, sum(delta) over (partition by location_id order by day) as on_hand from daily
    )
    select to_char(r.day, 'YYYY-MM-DD') as day, l.code as location_code, r.on_hand::int as on_hand
    from running r join locations l on l.id = r.location_id
    where r.day >= (now() at time zone ${zone})::date - ${days}::int
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
