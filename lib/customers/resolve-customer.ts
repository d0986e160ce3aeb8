import { and, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customerIdentities, customers } from '@/db/schema';
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

  // Strongest identity first: a channel's buyer id, then email, then phone.
  const matches = await tx
    .select({ kind: customerIdentities.kind, customerId: customerIdentities.customerId, mergedIntoId: customers.mergedIntoId })
    .from(customerIdentities)
    .innerJoin(customers, eq(customers.id, customerIdentities.customerId))
    .where(or(...identities.map((i) => and(eq(customerIdentities.kind, i.kind), eq(customerIdentities.scope, i.scope), eq(customerIdentities.value, i.value)))));
  const rank = { buyer_id: 0, email: 1, phone: 2, loyalty: 3 } as const;
  matches.sort((a, b) => rank[a.kind] - rank[b.kind]);

  let customerId: string;
  if (matches.length > 0) {
    customerId = matches[0].mergedIntoId ?? matches[0].customerId;
    await tx
      .update(customers)
      .set({
        email: sql`coalesce(${customers.email}, ${email})`,
        phone: sql`coalesce(${customers.phone}, ${phone})`,
        firstName: sql`case when ${customers.firstName} = '' then ${contact.firstName?.trim() ?? ''} else ${customers.firstName} end`,
        lastName: sql`case when ${customers.lastName} = '' then ${contact.lastName?.trim() ?? ''} else ${customers.lastName} end`,
      })
      .where(eq(customers.id, customerId));
  } else {
    const [created] = await tx
      .insert(customers)
      .values({
        firstName: contact.firstName?.trim() ?? '',
        lastName: contact.lastName?.trim() ?? '',
        email,
        phone,
      })
      .returning({ id: customers.id });
    customerId = created.id;
  }
  // An identity already owned by someone else stays theirs: a possible duplicate, for an agent to merge.
  await tx
    .insert(customerIdentities)
    .values(identities.map((i) => ({ ...i, customerId })))
    .onConflictDoNothing();
  return customerId;
}

