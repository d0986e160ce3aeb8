import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { executePrepared, type DbOrTx } from '@/db/client';
import { locations } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { Forbidden, NotFound } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { localNameSql } from '@/lib/i18n/local-name';
import { latePlacedUpTo, promisedReadyAt } from './promise';
import {
  DUE_SOON_MS,
  EXPIRED_DAYS,
  QUEUE_LIMIT,
  type PickupQueue,
  type QueueCard,
  type QueueStore,
  type QueueTab,
} from './queue-model';
import type { PickupState } from './state-machine';

export { QUEUE_TABS, type PickupQueue, type QueueCard, type QueueStore, type QueueTab } from './queue-model';

/**
 * The instants a store's queue is counted against, as SQL values (parameters, or columns of a
 * statement that counts several stores at once): pickups placed at or before `lateUpTo` are late
 * (latePlacedUpTo, null when none is), holds ending before `dueSoonBy` are due soon, the Expired tab
 * looks back to `expiredSince`, and `dayStart` is midnight of the store's today.
 */
export type QueueBounds = { lateUpTo: SQL; dueSoonBy: SQL; expiredSince: SQL; dayStart: SQL };

/**
 * Each tab's rule (and 'late') over `pickups p`: what the queue counts and lists, and what the
 * manager's home counts, read from one place.
 */
export function queueRules(b: QueueBounds): Record<QueueTab | 'late', SQL> {
  return {
    to_pick: sql`p.state in ('placed', 'to_pick')`,
    late: sql`(p.state in ('placed', 'to_pick') and p.placed_at <= ${b.lateUpTo})`,
    awaiting_transfer: sql`p.state = 'awaiting_transfer'`,
    ready: sql`p.state = 'ready'`,
    due_soon: sql`(p.state = 'ready' and p.due_by < ${b.dueSoonBy})`,
    // closed_at is the collected_at or expired_at of a closed parcel (transition.ts stamps both):
    // read by it, pickups_closed_idx gives the day's or the week's range instead of every parcel the
    // store ever closed.
    collected_today: sql`(p.state = 'collected' and p.closed_at >= ${b.dayStart})`,
    expired: sql`(p.state = 'expired' and p.closed_at >= ${b.expiredSince})`,
  };
}

/** Midnight of the store's day at `now`, in its own time zone, as a timestamptz. */
export function storeDayStartSql(now: Date | SQL, timeZone: string | SQL): SQL {
  const at = now instanceof Date ? sql`${now.toISOString()}::timestamptz` : now;
  return sql`(date_trunc('day', ${at} at time zone ${timeZone}) at time zone ${timeZone})`;
}

/** The click-and-collect stores an actor may open the queue of: a manager's own, any for others. */
export async function listQueueStores(db: DbOrTx, actor: Actor, locale?: Locale): Promise<QueueStore[]> {
  const rows = await db
    .select({
      id: locations.id,
      code: locations.code,
      name: localNameSql(locations, locale),
      timeZone: locations.timeZone,
      openingHours: locations.openingHours,
      preparationMinutes: locations.preparationMinutes,
    })
    .from(locations)
    .where(and(eq(locations.active, true), eq(locations.pickupEnabled, true)))
    .orderBy(asc(locations.code));
  return rows.filter((s) => can(actor, 'pickups.view', s.id));
}

/**
 * One store's pickup queue as the actor may see it (a manager only at their stores): the count of
 * every tab and of late pickups in one statement, and the cards of one tab, exceptions first —
 * to pick: oldest first, so the late ones lead; ready and due soon: the hold ending first;
 * awaiting transfer: waiting longest first; collected today and expired: latest first.
 */
export async function getPickupQueue(
  db: DbOrTx,
  actor: Actor,
  input: { locationId: string; tab: QueueTab; now?: Date; locale?: Locale },
): Promise<PickupQueue> {
  if (!can(actor, 'pickups.view', input.locationId)) throw new Forbidden('This store is not one of yours.');
  const [store] = await db
    .select({
      id: locations.id,
      code: locations.code,
      name: localNameSql(locations, input.locale),
      timeZone: locations.timeZone,
      openingHours: locations.openingHours,
      preparationMinutes: locations.preparationMinutes,
    })
    .from(locations)
    .where(eq(locations.id, input.locationId));
  if (!store) throw new NotFound('Store');
  const now = input.now ?? new Date();
  const nowIso = now.toISOString();
  const expiredSince = new Date(now.getTime() - EXPIRED_DAYS * 24 * 60 * 60 * 1000).toISOString();
  const rules = queueRules({
    lateUpTo: sql`${latePlacedUpTo(now, store)?.toISOString() ?? null}::timestamptz`,
    dueSoonBy: sql`${new Date(now.getTime() + DUE_SOON_MS).toISOString()}::timestamptz`,
    expiredSince: sql`${expiredSince}::timestamptz`,
    dayStart: storeDayStartSql(now, store.timeZone),
  });
  const location = input.locationId;

  // Index-only ranges, each counting the rules that hold in it: the store's waiting pickups
  // (pickups_queue_idx: location, state, placed_at), its ready parcels (pickups_ready_due_idx), its
  // parcels collected today and expired this week (pickups_closed_idx: location, state, closed_at; one
  // range per state, as the two states under one condition made closed_at no bound of the range and
  // read every parcel the store ever closed). One bitmap range over them all read each of ~1,200 rows
  // from the heap at PAR on the bench.
  const [counts] = (
    await executePrepared<Record<QueueTab | 'late', number>>(
      db,
      sql`
    select w.to_pick, w.late, w.awaiting_transfer, r.ready, r.due_soon,
      (select count(*) from pickups p where p.location_id = ${location}::uuid and ${rules.collected_today})::int as collected_today,
      (select count(*) from pickups p where p.location_id = ${location}::uuid and ${rules.expired})::int as expired
    from (
      select count(*) filter (where ${rules.to_pick})::int as to_pick,
        count(*) filter (where ${rules.late})::int as late,
        count(*) filter (where ${rules.awaiting_transfer})::int as awaiting_transfer
      from pickups p
      where p.location_id = ${location}::uuid and p.state in ('placed', 'to_pick', 'awaiting_transfer')) w,
    (
      select count(*) filter (where ${rules.ready})::int as ready,
        count(*) filter (where ${rules.due_soon})::int as due_soon
      from pickups p
      where p.location_id = ${location}::uuid and p.state = 'ready') r`,
    )
  ).rows;

  const where = rules[input.tab];
  const order = {
    to_pick: sql`p.placed_at, p.id`,
    awaiting_transfer: sql`p.awaiting_transfer_at nulls first, p.placed_at, p.id`,
    ready: sql`p.due_by, p.id`,
    due_soon: sql`p.due_by, p.id`,
    collected_today: sql`p.closed_at desc, p.id`,
    expired: sql`p.closed_at desc, p.id`,
  }[input.tab];

  // A named prepared statement per tab: planning the joins cost as much as running them. The Ready
  // and Due soon tabs read pickups_ready_due_idx alone, which holds every column of the parcel read here.
  const { rows } = await executePrepared<{
    pickupId: string;
    orderId: string;
    orderNumber: string;
    state: PickupState;
    customerName: string | null;
    items: QueueCard['items'];
    placedAt: string;
    dueBy: string | null;
    readyAt: string | null;
    code: string | null;
    transferNumber: string | null;
    closedAt: string | null;
  }>(
    db,
    sql`
    select p.id as "pickupId", o.id as "orderId", o.number as "orderNumber", p.state,
      nullif(trim(concat_ws(' ', c.first_name, c.last_name)), '') as "customerName",
      (select json_agg(json_build_object('sku', l.sku, 'name', pr.name, 'title', v.title, 'quantity', l.quantity,
          'bin', il.bin) order by l.line_no)
       from order_lines l join variants v on v.id = l.variant_id join products pr on pr.id = v.product_id
       left join inventory_levels il on il.variant_id = l.variant_id and il.location_id = p.location_id and il.bin is not null
       where l.order_id = o.id) as items,
      to_char(p.placed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "placedAt",
      to_char(p.due_by at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "dueBy",
      to_char(p.ready_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "readyAt",
      p.code, t.number as "transferNumber",
      to_char(p.closed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "closedAt"
    from pickups p
    join orders o on o.id = p.order_id
    left join customers c on c.id = o.customer_id
    left join transfers t on t.id = p.transfer_id
    where p.location_id = ${location}::uuid and ${where}
    order by ${order}
    limit ${QUEUE_LIMIT}`,
  );

  const cards = rows.map((r): QueueCard => {
    const waiting = r.state === 'placed' || r.state === 'to_pick' || r.state === 'awaiting_transfer';
    const promisedAt = waiting ? promisedReadyAt(new Date(r.placedAt), store) : null;
    return {
      ...r,
      customerName: r.customerName ?? '',
      items: r.items ?? [],
      promisedAt: promisedAt?.toISOString() ?? null,
      late: promisedAt !== null && promisedAt.getTime() < now.getTime(),
    };
  });
  return { store, now: nowIso, tab: input.tab, counts, cards };
}
