import { sql } from 'drizzle-orm';
import { executePrepared, type DbOrTx } from '@/db/client';
import { normalizeEmail, normalizePhone } from './normalize';

export type CustomerContact = {
  email?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  buyerId?: string | null;
};

type Identity = { kind: 'email' | 'phone' | 'buyer_id'; scope: string; value: string };

/**
 * The one customer behind a channel's contact details: matched by any identity (email, phone,
 * the channel's buyer id), following merges to the survivor, or created. Identities not yet
 * known are recorded on the customer. Runs in the caller's transaction.
 */
export async function resolveCustomer(tx: DbOrTx, channelCode: string, contact: CustomerContact): Promise<string | null> {
  const email = normalizeEmail(contact.email);
  const phone = normalizePhone(contact.phone);
  const buyerId = contact.buyerId?.trim() || null;
  const identities: Identity[] = [];
  if (buyerId) identities.push({ kind: 'buyer_id', scope: channelCode, value: buyerId });
  if (email) identities.push({ kind: 'email', scope: '', value: email });
  if (phone) identities.push({ kind: 'phone', scope: '', value: phone });
  if (identities.length === 0) return null;

  // One statement: match by the strongest identity (a channel's buyer id, then email, then
  // phone), following a merge to the survivor, fill in what the customer lacked — or create
  // them — and record the identities not yet known. An identity already owned by someone else
  // stays theirs: a possible duplicate, for an agent to merge.
  const rank = { buyer_id: 0, email: 1, phone: 2 } as const;
  const ids = sql.join(
    identities.map((i) => sql`(${i.kind}::identity_kind, ${i.scope}::text, ${i.value}::text, ${rank[i.kind as keyof typeof rank]}::int)`),
    sql`, `,
  );
  const firstName = contact.firstName?.trim() ?? '';
  const lastName = contact.lastName?.trim() ?? '';
  const { rows } = await executePrepared<{ id: string }>(tx, sql`
    with ids (kind, scope, value, rank) as (values ${ids}),
    matched as (
      select coalesce(c.merged_into_id, c.id) as id
      from ids join customer_identities i using (kind, scope, value) join customers c on c.id = i.customer_id
      order by ids.rank limit 1),
    updated as (
      update customers set
        email = coalesce(email, ${email}::text),
        phone = coalesce(phone, ${phone}::text),
        first_name = case when first_name = '' then ${firstName}::text else first_name end,
        last_name = case when last_name = '' then ${lastName}::text else last_name end
      where id = (select id from matched)
      returning id),
    created as (
      insert into customers (first_name, last_name, email, phone)
      select ${firstName}, ${lastName}, ${email}::text, ${phone}::text where not exists (select 1 from matched)
      returning id),
    customer as (select id from updated union all select id from created),
    recorded as (
      insert into customer_identities (customer_id, kind, scope, value)
      select customer.id, ids.kind, ids.scope, ids.value from customer, ids
      on conflict do nothing)
    select id from customer`);
  return rows[0].id;
}
