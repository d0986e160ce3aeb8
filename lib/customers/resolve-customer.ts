import { sql, type SQL } from 'drizzle-orm';
import { recordDuplicatesSql } from './duplicate-rules';
import { normalizeEmail, normalizePhone } from './normalize';

export type CustomerContact = {
  email?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  buyerId?: string | null;
};

type Identity = { kind: 'email' | 'phone' | 'buyer_id'; scope: string; value: string };

/** The order being written, counted on the customer's summary; null: no order (a stock alert's customer). */
export type CountedOrder = { totalCents: number; placedAt: string } | null;

const ORDER_CUSTOMER = sql.raw('order_customer');
const CREATED_CONCURRENTLY = sql.raw('customer_created_concurrently');

/** What customerCtes defines, for the statement that writes the order. */
export type CustomerCtes = {
  ctes: SQL;
  /**
   * `(id, search_name)`, one row: the order's customer, matched or created, this order counted on
   * their summary, and their folded name as it is after this statement (the pickup keeps a copy).
   */
  customer: SQL;
  /** A row when the customer created here was created concurrently: the statement must refuse itself. */
  createdConcurrently: SQL;
};

/**
 * The one customer behind a channel's contact details, as common table expressions for the
 * statement that writes their order (`with ${c.ctes}, … (select id from ${c.customer}) …`):
 * guarantees their summary counts the order (order count, lifetime value, last order) in the
 * same update, as a row cannot be updated twice in one statement. Null when the contact has no
 * identity to match on.
 *
 * Matched by the strongest identity — a channel's buyer id, then email — following a merge to
 * the survivor; a phone alone matches only when the order carries no email, so that a new email
 * with a known phone is a new customer, never silently someone else's order (nor their email).
 * What the customer lacked is filled in, or they are created; the identities not yet known are
 * recorded. An identity of the order already owned by another customer stays theirs, and the
 * pair is recorded as a likely duplicate with that identity as the reason (recordDuplicatesSql),
 * for staff to merge or dismiss.
 *
 * Two first orders of one person at once both find no match and both create a customer; the
 * unique (kind, scope, value) of customer_identities lets only one record the identity (the other
 * waits for it, then skips it). A customer created here that could not record all the identities
 * nobody owned when it was matched was created concurrently, so `createdConcurrently`
 * yields a row: the caller must refuse the statement (nothing of it stays) and run it again,
 * when the identity matches the first customer.
 */
export function customerCtes(channelCode: string, contact: CustomerContact, order: CountedOrder): CustomerCtes | null {
  const email = normalizeEmail(contact.email);
  const phone = normalizePhone(contact.phone);
  const buyerId = contact.buyerId?.trim() || null;
  const identities: Identity[] = [];
  if (buyerId) identities.push({ kind: 'buyer_id', scope: channelCode, value: buyerId });
  if (email) identities.push({ kind: 'email', scope: '', value: email });
  if (phone) identities.push({ kind: 'phone', scope: '', value: phone });
  if (identities.length === 0) return null;

  const rank = { buyer_id: 0, email: 1, phone: 2 } as const;
  const ids = sql.join(
    identities.map((i) => sql`(${i.kind}::identity_kind, ${i.scope}::text, ${i.value}::text, ${rank[i.kind]}::int)`),
    sql`, `,
  );
  const firstName = contact.firstName?.trim() ?? '';
  const lastName = contact.lastName?.trim() ?? '';
  return {
    customer: ORDER_CUSTOMER,
    createdConcurrently: CREATED_CONCURRENTLY,
    ctes: sql`customer_identities_given (kind, scope, value, rank) as (values ${ids}),
    customer_identities_owned as (
      select ids.kind, ids.rank, coalesce(c.merged_into_id, c.id) as owner
      from customer_identities_given ids join customer_identities i using (kind, scope, value) join customers c on c.id = i.customer_id),
    customer_matched as (
      select owner as id from customer_identities_owned
      where kind <> 'phone' or ${email === null}
      order by rank limit 1),
    customer_matched_counted as (
      update customers set
        email = coalesce(email, ${email}::text),
        phone = coalesce(phone, ${phone}::text),
        first_name = case when first_name = '' then ${firstName}::text else first_name end,
        last_name = case when last_name = '' then ${lastName}::text else last_name end,
        order_count = order_count + ${order ? 1 : 0},
        lifetime_value_cents = lifetime_value_cents + ${order?.totalCents ?? 0},
        last_order_at = greatest(last_order_at, ${order?.placedAt ?? null}::timestamptz)
      where id = (select id from customer_matched)
      returning id, search_name),
    customer_created as (
      insert into customers (first_name, last_name, email, phone, order_count, lifetime_value_cents, last_order_at)
      select ${firstName}, ${lastName}, ${email}::text, ${phone}::text, ${order ? 1 : 0}, ${order?.totalCents ?? 0}::bigint,
        ${order?.placedAt ?? null}::timestamptz
      where not exists (select 1 from customer_matched)
      returning id, search_name),
    ${ORDER_CUSTOMER} as (select id, search_name from customer_matched_counted union all select id, search_name from customer_created),
    customer_identities_recorded as (
      insert into customer_identities (customer_id, kind, scope, value)
      select c.id, ids.kind, ids.scope, ids.value from ${ORDER_CUSTOMER} c, customer_identities_given ids
      on conflict do nothing
      returning 1),
    customer_duplicates_recorded as (
      ${recordDuplicatesSql(sql`select c.id, o.owner, array_agg(distinct o.kind::text order by o.kind::text)
        from ${ORDER_CUSTOMER} c join customer_identities_owned o on o.owner <> c.id group by c.id, o.owner`)}),
    ${CREATED_CONCURRENTLY} as (
      select 1 where exists (select 1 from customer_created)
        and (select count(*) from customer_identities_recorded)
          < (select count(*) from customer_identities_given) - (select count(*) from customer_identities_owned))`,
  };
}
