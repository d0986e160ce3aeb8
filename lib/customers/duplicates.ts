import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { customerDuplicates } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError, Forbidden, NotFound } from '@/lib/errors';
import type { DuplicateReason } from './duplicate-rules';
import { recordDuplicatesSql } from './duplicate-rules';
import { ZDismissDuplicateInput, type DismissDuplicateInput } from './schemas';

/** Two folded names this similar (pg_trgm similarity) are "a similar name": a typo, a missing accent. */
export const NAME_SIMILARITY = 0.5;

/** A customer's contacts: their profile's e-mail and phone and their identities' (not merged profiles). */
const CONTACTS = sql`
  select id as customer_id, 'email' as kind, email as value from customers where email is not null and merged_into_id is null
  union select id, 'phone', phone from customers where phone is not null and merged_into_id is null
  union select c.id, i.kind::text, i.value from customer_identities i join customers c on c.id = i.customer_id
    where i.kind in ('email', 'phone') and c.merged_into_id is null`;

/** Where a customer's latest shipped order went: its folded city and address (street and postcode). */
function lastAddress(customer: SQL): SQL {
  return sql`(select search_fold(lo.shipping_address ->> 'city') as city,
      search_fold(lo.shipping_address ->> 'line1') || '|' || coalesce(lo.shipping_address ->> 'postalCode', '') as address
    from orders lo where lo.customer_id = ${customer} and lo.shipping_address is not null
    order by lo.placed_at desc limit 1)`;
}

/** Pairs found by name: a similar name at the same address, or in the same city. */
const NAME_REASONS = sql`case when a.address = b.address then 'name_address' else 'name_city' end`;

export type ScanResult = { pairs: number };

/**
 * Finds likely duplicates among every customer, set-based (the bench's full scan): the same
 * normalized e-mail or phone (profile or identity), or a similar name (folded, trigram
 * similarity ≥ NAME_SIMILARITY) at the same address or in the same city of their latest shipped
 * order. Names are compared within blocks — same city and the same first three letters of the
 * folded first name, or of the folded last name — so that a typo in one of them is found, not
 * one in both. Pairs are recorded by recordDuplicatesSql: new ones open, open ones gain reasons,
 * dismissed ones stay dismissed.
 */
export async function scanAllDuplicates(db: DbOrTx): Promise<ScanResult> {
  const { rows } = await db.execute<{ n: number }>(sql`
    with contacts as (${CONTACTS}),
    addressed as (
      select c.id, c.search_name, search_fold(c.first_name) as first_fold, search_fold(c.last_name) as last_fold, a.city, a.address
      from customers c, lateral ${lastAddress(sql`c.id`)} a
      where c.merged_into_id is null and length(c.search_name) > 2),
    name_pairs as (
      select a.id as a, b.id as b, ${NAME_REASONS} as reason
      from addressed a join addressed b on a.city = b.city and a.id < b.id
        and (left(a.first_fold, 3) = left(b.first_fold, 3) or left(a.last_fold, 3) = left(b.last_fold, 3))
      where similarity(a.search_name, b.search_name) >= ${NAME_SIMILARITY}),
    found as (
      select distinct a.customer_id as a, b.customer_id as b, a.kind as reason
      from contacts a join contacts b on a.kind = b.kind and a.value = b.value and a.customer_id < b.customer_id
      union select a, b, reason from name_pairs),
    recorded as (${recordDuplicatesSql(
      sql`select a, b, array_agg(distinct reason order by reason) from found group by a, b`,
    )} returning 1)
    select count(*)::int as n from recorded`);
  return { pairs: rows[0].n };
}

/**
 * The same scan for a few customers (those whose orders just arrived): each against every other
 * customer, through the indexes (identities' unique key, the profile's phone, the folded name's
 * trigram index), so it costs per customer scanned, not per customer known.
 */
export async function scanDuplicatesOf(db: DbOrTx, customerIds: readonly string[]): Promise<ScanResult> {
  if (customerIds.length === 0) return { pairs: 0 };
  const ids = sql.join(
    customerIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const { rows } = await db.execute<{ n: number }>(sql`
    with t as (
      select c.id, c.search_name from customers c where c.id in (${ids}) and c.merged_into_id is null),
    t_contacts as (
      select id as customer_id, 'email' as kind, email as value from customers where id in (select id from t) and email is not null
      union select id, 'phone', phone from customers where id in (select id from t) and phone is not null
      union select customer_id, kind::text, value from customer_identities
        where customer_id in (select id from t) and kind in ('email', 'phone')),
    contact_pairs as (
      select tc.customer_id as a, o.id as b, tc.kind as reason
      from t_contacts tc join customers o on (tc.kind = 'email' and o.email = tc.value) or (tc.kind = 'phone' and o.phone = tc.value)
      where o.merged_into_id is null
      union
      select tc.customer_id, c.id, tc.kind
      from t_contacts tc join customer_identities i on i.kind::text = tc.kind and i.scope = '' and i.value = tc.value
        join customers c on c.id = i.customer_id
      where c.merged_into_id is null),
    t_addressed as (select t.id, t.search_name, a.city, a.address from t, lateral ${lastAddress(sql`t.id`)} a),
    name_pairs as (
      select a.id as a, b.id as b, ${NAME_REASONS} as reason
      from t_addressed a
        join customers o on search_fold(o.first_name || ' ' || o.last_name) % a.search_name and o.merged_into_id is null
        cross join lateral (select o.id, ba.city, ba.address from ${lastAddress(sql`o.id`)} ba) b
      where b.city = a.city and similarity(o.search_name, a.search_name) >= ${NAME_SIMILARITY}),
    found as (
      select a, b, reason from contact_pairs where a <> b
      union select a, b, reason from name_pairs where a <> b),
    recorded as (${recordDuplicatesSql(
      sql`select least(a, b), greatest(a, b), array_agg(distinct reason order by reason) from found group by least(a, b), greatest(a, b)`,
    )} returning 1)
    select count(*)::int as n from recorded`);
  return { pairs: rows[0].n };
}

/** How far back the background scan looks at each run: runs overlap, a pair is recorded once. */
export const RECENT_SCAN_WINDOW_MINUTES = 15;

/**
 * The background job's body (lib/jobs/definitions.ts, every minute): the customers of the orders
 * placed in the last RECENT_SCAN_WINDOW_MINUTES, scanned against everyone (scanDuplicatesOf).
 * Safe to run twice or at once: recording a pair is an upsert. An identity shared at ingestion is
 * recorded by the order's own statement; this finds the similar names.
 */
export async function scanRecentDuplicates(db: Db, opts: { now: Date }): Promise<ScanResult> {
  const { rows } = await db.execute<{ id: string }>(
    sql`select distinct customer_id as id from orders
      where placed_at > ${opts.now.toISOString()}::timestamptz - make_interval(mins => ${RECENT_SCAN_WINDOW_MINUTES})
        and placed_at <= ${opts.now.toISOString()}::timestamptz and customer_id is not null
      limit 5000`,
  );
  return scanDuplicatesOf(
    db,
    rows.map((r) => r.id),
  );
}

export type DuplicateSide = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  locale: string | null;
  city: string | null;
  orderCount: number;
  lifetimeValueCents: number;
  lastOrderAt: string | null;
  createdAt: string;
  identities: { kind: string; scope: string; value: string }[];
};

export type DuplicateSuggestion = {
  id: string;
  score: number;
  reasons: DuplicateReason[];
  status: 'open' | 'dismissed' | 'merged';
  createdAt: string;
  a: DuplicateSide;
  b: DuplicateSide;
};

function side(alias: string): SQL {
  const c = sql.raw(alias);
  return sql`json_build_object('id', ${c}.id, 'firstName', ${c}.first_name, 'lastName', ${c}.last_name, 'email', ${c}.email,
    'phone', ${c}.phone, 'locale', ${c}.locale, 'orderCount', ${c}.order_count, 'lifetimeValueCents', ${c}.lifetime_value_cents,
    'lastOrderAt', ${c}.last_order_at, 'createdAt', ${c}.created_at,
    'city', (select o.shipping_address ->> 'city' from orders o where o.customer_id = ${c}.id and o.shipping_address is not null
      order by o.placed_at desc limit 1),
    'identities', (select coalesce(json_agg(json_build_object('kind', i.kind, 'scope', i.scope, 'value', i.value)
      order by i.kind, i.value), '[]') from customer_identities i where i.customer_id = ${c}.id))`;
}

const SUGGESTION = sql`select d.id, d.score, d.reasons, d.status, d.created_at as "createdAt", ${side('a')} as a, ${side('b')} as b
  from customer_duplicates d join customers a on a.id = d.customer_id join customers b on b.id = d.other_customer_id`;

function requireView(actor: Actor) {
  if (!can(actor, 'customers.merge')) throw new Forbidden('Only an agent or an owner can see duplicates.');
}

/** The open suggestions between two live profiles, highest score first (customers.merge). */
export async function listDuplicates(
  db: Db,
  actor: Actor,
  opts: { limit?: number; offset?: number } = {},
): Promise<{ items: DuplicateSuggestion[]; total: number }> {
  requireView(actor);
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  const live = sql`d.status = 'open' and a.merged_into_id is null and b.merged_into_id is null`;
  const { rows } = await db.execute<DuplicateSuggestion>(
    sql`${SUGGESTION} where ${live} order by d.score desc, d.created_at desc, d.id limit ${limit} offset ${opts.offset ?? 0}`,
  );
  const { rows: count } = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from customer_duplicates d join customers a on a.id = d.customer_id
      join customers b on b.id = d.other_customer_id where ${live}`,
  );
  return { items: rows, total: count[0].n };
}

/** One suggestion with both profiles side by side (customers.merge); null when unknown. */
export async function getDuplicate(db: Db, actor: Actor, id: string): Promise<DuplicateSuggestion | null> {
  requireView(actor);
  const { rows } = await db.execute<DuplicateSuggestion>(sql`${SUGGESTION} where d.id = ${id}::uuid`);
  return rows[0] ?? null;
}

/**
 * Dismisses a suggestion for good (customers.merge): neither ingestion nor a scan reopens it.
 * Audited. A suggestion merged already cannot be dismissed.
 */
export async function dismissDuplicate(db: Db, actor: Actor, raw: DismissDuplicateInput): Promise<{ id: string }> {
  requireView(actor);
  const { duplicateId } = ZDismissDuplicateInput.parse(raw);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(customerDuplicates)
      .where(eq(customerDuplicates.id, duplicateId))
      .for('update');
    if (!row) throw new NotFound('Suggestion');
    if (row.status === 'dismissed') return { id: row.id };
    if (row.status === 'merged')
      throw new DomainError('conflict', 'These customers were merged; undo the merge instead.');
    await tx
      .update(customerDuplicates)
      .set({ status: 'dismissed', decidedById: actor.userId, decidedAt: sql`now()` })
      .where(and(eq(customerDuplicates.id, row.id)));
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'customer.duplicate_dismiss',
      entityType: 'customer',
      entityId: row.customerId,
      data: { duplicateId: row.id, otherCustomerId: row.otherCustomerId, reasons: row.reasons, score: row.score },
    });
    return { id: row.id };
  });
}
