import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { channels, locations } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import type { Locale } from '@/lib/i18n/config';
import { localNameSql } from '@/lib/i18n/local-name';
import { cursorTimeOf, encodeCursor, olderThan, type KeysetCursor } from '@/lib/http/cursor';
import { orderInScopeSql } from './scope';

export const TIMELINE_PAGE_SIZE = 25;

export const TIMELINE_KINDS = ['order', 'pickup', 'return', 'message', 'note'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** The pickup stamps the timeline tells (db/schema/pickups.ts), in the order they can happen. */
export const PICKUP_TIMELINE_EVENTS = ['ready', 'collected', 'expired', 'rejected', 'cancelled'] as const;
export type PickupTimelineEvent = (typeof PICKUP_TIMELINE_EVENTS)[number];

type Base = { id: string; at: Date; orderId: string | null; orderNumber: string | null };

export type TimelineItem =
  | (Base & {
      kind: 'order';
      status: string;
      fulfilment: string;
      totalCents: number;
      currency: string;
      channelName: string;
      store: { name: string; timeZone: string } | null;
    })
  | (Base & { kind: 'pickup'; event: PickupTimelineEvent; store: { name: string; timeZone: string } })
  | (Base & { kind: 'return'; complete: boolean; units: number; cents: number; currency: string })
  | (Base & {
      kind: 'message';
      messageKind: string;
      channel: 'email' | 'sms';
      status: 'pending' | 'sent' | 'failed' | 'kept';
      recipient: string;
      subject: string | null;
      sentAt: Date | null;
      messageId: number;
    })
  | (Base & {
      kind: 'note';
      noteId: string;
      body: string;
      authorId: string | null;
      authorName: string | null;
      editedAt: Date | null;
    });

export type TimelinePage = { items: TimelineItem[]; next: string | null };

type Row = {
  kind: TimelineKind;
  id: string;
  at: unknown;
  cursor_time: string;
  order_id: string | null;
  order_number: string | null;
  label: string | null;
  detail: string | null;
  amount_cents: string | number | null;
  currency: string | null;
  place: string | null;
  time_zone: string | null;
  body: string | null;
  person_id: string | null;
  person_name: string | null;
  extra_at: unknown;
  ref: string | null;
};

const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const toDateOrNull = (v: unknown): Date | null => (v == null ? null : toDate(v));

/**
 * One page of a customer's cross-channel timeline, newest first: the orders placed, their pickups'
 * steps (ready, collected, expired, rejected, cancelled), returns, every message written for the
 * customer (the outbox, with its status: those of their orders and those of their stock alerts) and
 * staff notes — as `actor` may see them: a manager only the orders of their stores
 * (orderInScopeSql, lib/customers/scope.ts) with their steps, returns and messages. One statement:
 * a UNION ALL of one branch per kind, each reading only the rows after the cursor and at most a
 * page, so a page costs the same on the first and on the hundredth. Items without a uuid of their
 * own (a pickup's step, a return event, a message) get a stable one from md5, so (time, id) orders
 * every item once: the keyset cursor (lib/http/cursor.ts) to the microsecond neither skips nor
 * repeats.
 */
export async function listCustomerTimeline(
  db: DbOrTx,
  actor: Actor,
  customerId: string,
  opts: { after?: KeysetCursor | null; limit?: number; locale?: Locale } = {},
): Promise<TimelinePage> {
  const limit = opts.limit ?? TIMELINE_PAGE_SIZE;
  const l = alias(locations, 'l');
  const ch = alias(channels, 'ch');
  const storeName = localNameSql(l, opts.locale);
  const channelName = localNameSql(ch, opts.locale);
  const after = (time: SQL, id: SQL) => (opts.after ? sql`and ${olderThan(time, id, opts.after)}` : sql``);
  // A manager sees the orders of their stores only, and what belongs to them (pickups, returns, messages).
  const visible = (o: SQL) => orderInScopeSql(actor, o);
  const branch = (time: SQL, id: SQL, rest: SQL) =>
    sql`(select * from (${rest}) b where true ${after(time, id)} order by b.at desc, b.id desc limit ${limit + 1})`;

  const ordersBranch = branch(
    sql`b.at`,
    sql`b.id`,
    sql`select 'order'::text as kind, o.id, o.placed_at as at, o.id as order_id, o.number as order_number,
           o.status::text as label, o.fulfilment_type::text as detail, o.total_cents as amount_cents, o.currency,
           ${storeName} as place, l.time_zone, ${channelName} as body, null::uuid as person_id, null::text as person_name,
           null::timestamptz as extra_at, null::text as ref
         from orders o
         join channels ch on ch.id = o.channel_id
         left join locations l on l.id = o.location_id
         where o.customer_id = ${customerId} and ${visible(sql`o`)}`,
  );
  const pickupsBranch = branch(
    sql`b.at`,
    sql`b.id`,
    sql`select 'pickup'::text as kind, md5(p.id::text || ':' || e.event)::uuid as id, e.at, o.id as order_id,
           o.number as order_number, e.event as label, null::text as detail, null::bigint as amount_cents,
           null::text as currency, ${storeName} as place, l.time_zone, null::text as body, null::uuid as person_id,
           null::text as person_name, null::timestamptz as extra_at, null::text as ref
         from orders o
         join pickups p on p.order_id = o.id
         join locations l on l.id = p.location_id
         cross join lateral (values ('ready', p.ready_at), ('collected', p.collected_at), ('expired', p.expired_at),
           ('rejected', p.rejected_at), ('cancelled', p.cancelled_at)) as e(event, at)
         where o.customer_id = ${customerId} and e.at is not null and ${visible(sql`o`)}`,
  );
  const returnsBranch = branch(
    sql`b.at`,
    sql`b.id`,
    sql`select 'return'::text as kind, md5('order_event:' || ev.id::text)::uuid as id, ev.created_at as at,
           o.id as order_id, o.number as order_number, ev.type as label, ev.data ->> 'units' as detail,
           (ev.data ->> 'cents')::bigint as amount_cents, o.currency, null::text as place, null::text as time_zone,
           null::text as body, ev.actor_id as person_id, null::text as person_name, null::timestamptz as extra_at,
           null::text as ref
         from orders o
         join order_events ev on ev.order_id = o.id
         where o.customer_id = ${customerId} and ev.type in ('returned', 'partially_returned') and ${visible(sql`o`)}`,
  );
  const messagesBranch = branch(
    sql`b.at`,
    sql`b.id`,
    sql`select 'message'::text as kind, md5('outbox:' || m.id::text)::uuid as id, m.created_at as at,
           o.id as order_id, o.number as order_number, m.status::text as label, m.kind as detail,
           null::bigint as amount_cents, null::text as currency, m.channel::text as place, null::text as time_zone,
           m.subject as body, null::uuid as person_id, m.recipient as person_name, m.sent_at as extra_at,
           m.id::text as ref
         from notification_outbox m
         left join orders o on o.id = m.order_id
         where m.id in (
           select m2.id from orders o2 join notification_outbox m2 on m2.order_id = o2.id
             where o2.customer_id = ${customerId} and ${visible(sql`o2`)}
           union all
           select sa.message_id from stock_alerts sa where sa.customer_id = ${customerId} and sa.message_id is not null)`,
  );
  const notesBranch = branch(
    sql`b.at`,
    sql`b.id`,
    sql`select 'note'::text as kind, n.id, n.created_at as at, null::uuid as order_id, null::text as order_number,
           null::text as label, null::text as detail, null::bigint as amount_cents, null::text as currency,
           null::text as place, null::text as time_zone, n.body, n.author_id as person_id, s.name as person_name,
           n.edited_at as extra_at, null::text as ref
         from customer_notes n
         left join staff_users s on s.id = n.author_id
         where n.customer_id = ${customerId}`,
  );

  const { rows } = await db.execute<Row>(sql`
    select t.*, ${cursorTimeOf(sql`t.at`)} as cursor_time
    from (${ordersBranch} union all ${pickupsBranch} union all ${returnsBranch}
          union all ${messagesBranch} union all ${notesBranch}) t
    order by t.at desc, t.id desc
    limit ${limit + 1}`);

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    next: rows.length > limit && last ? encodeCursor({ cursorTime: last.cursor_time, id: last.id }) : null,
  };
}

function toItem(r: Row): TimelineItem {
  const base: Base = { id: r.id, at: toDate(r.at), orderId: r.order_id, orderNumber: r.order_number };
  const store = r.place != null && r.time_zone != null ? { name: r.place, timeZone: r.time_zone } : null;
  switch (r.kind) {
    case 'order':
      return {
        ...base,
        kind: 'order',
        status: r.label ?? '',
        fulfilment: r.detail ?? '',
        totalCents: Number(r.amount_cents ?? 0),
        currency: r.currency ?? 'EUR',
        channelName: r.body ?? '',
        store,
      };
    case 'pickup':
      return {
        ...base,
        kind: 'pickup',
        event: r.label as PickupTimelineEvent,
        store: store ?? { name: '', timeZone: 'UTC' },
      };
    case 'return':
      return {
        ...base,
        kind: 'return',
        complete: r.label === 'returned',
        units: Number(r.detail ?? 0),
        cents: Number(r.amount_cents ?? 0),
        currency: r.currency ?? 'EUR',
      };
    case 'message':
      return {
        ...base,
        kind: 'message',
        messageKind: r.detail ?? '',
        channel: r.place as 'email' | 'sms',
        status: r.label as 'pending' | 'sent' | 'failed' | 'kept',
        recipient: r.person_name ?? '',
        subject: r.body,
        sentAt: toDateOrNull(r.extra_at),
        messageId: Number(r.ref),
      };
    case 'note':
      return {
        ...base,
        kind: 'note',
        noteId: r.id,
        body: r.body ?? '',
        authorId: r.person_id,
        authorName: r.person_name,
        editedAt: toDateOrNull(r.extra_at),
      };
  }
}
