import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customerIdentities, customers } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError, Forbidden, NotFound } from '@/lib/errors';
import { assertNotErased } from './privacy';
import { ZUpdateCustomerContactInput, type CustomerFieldError, type UpdateCustomerContactInput } from './schemas';

const CONTACT = {
  firstName: customers.firstName,
  lastName: customers.lastName,
  email: customers.email,
  phone: customers.phone,
  marketingEmail: customers.marketingEmail,
  marketingSms: customers.marketingSms,
  tags: customers.tags,
};

export type CustomerContact = {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  marketingEmail: boolean;
  marketingSms: boolean;
  tags: string[];
};

/**
 * Sets a customer's contact details, consents and tags, with an audit row of the changed fields
 * before and after, in one transaction. A new e-mail or phone becomes one of the customer's
 * identities (the old ones stay: a channel that knows the customer by them still finds this
 * profile); one that already identifies another customer is refused, naming the field — two
 * people are merged on purpose (the duplicates), never by an edit.
 */
export async function updateCustomerContact(
  db: Db,
  actor: Actor,
  raw: UpdateCustomerContactInput,
): Promise<CustomerContact> {
  if (!can(actor, 'customers.edit')) throw new Forbidden('Only owners and agents edit customers.');
  const input = ZUpdateCustomerContactInput.parse(raw);
  const next: CustomerContact = {
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    phone: input.phone,
    marketingEmail: input.marketingEmail,
    marketingSms: input.marketingSms,
    tags: input.tags,
  };
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ ...CONTACT, mergedIntoId: customers.mergedIntoId })
      .from(customers)
      .where(eq(customers.id, input.customerId))
      .for('update');
    if (!before) throw new NotFound('Customer');
    if (before.mergedIntoId)
      throw new DomainError('conflict', 'This profile was merged: edit the one it was merged into.');
    await assertNotErased(tx, input.customerId, 'its contact details cannot be entered again');

    const identities = [
      next.email && next.email !== before.email ? { kind: 'email' as const, value: next.email, field: 'email' } : null,
      next.phone && next.phone !== before.phone ? { kind: 'phone' as const, value: next.phone, field: 'phone' } : null,
    ].filter((i) => i !== null);
    for (const identity of identities) {
      const [owner] = await tx
        .select({ customerId: customerIdentities.customerId })
        .from(customerIdentities)
        .where(
          and(
            eq(customerIdentities.kind, identity.kind),
            eq(customerIdentities.scope, ''),
            eq(customerIdentities.value, identity.value),
            ne(customerIdentities.customerId, input.customerId),
          ),
        );
      if (owner) {
        const code: CustomerFieldError = identity.kind === 'email' ? 'email_taken' : 'phone_taken';
        throw new DomainError(
          'conflict',
          identity.kind === 'email'
            ? 'This e-mail belongs to another customer: merge the two profiles instead.'
            : 'This phone number belongs to another customer: merge the two profiles instead.',
          { field: identity.field, fieldError: code, customerId: owner.customerId },
        );
      }
      await tx
        .insert(customerIdentities)
        .values({ customerId: input.customerId, kind: identity.kind, scope: '', value: identity.value })
        .onConflictDoNothing();
    }

    const changed = (Object.keys(next) as (keyof CustomerContact)[]).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(next[key]),
    );
    if (changed.length === 0) return pick(before);
    const [after] = await tx.update(customers).set(next).where(eq(customers.id, input.customerId)).returning(CONTACT);
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'customer.contact',
      entityType: 'customer',
      entityId: input.customerId,
      data: {
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, after[key]])),
      },
    });
    return after;
  });
}

function pick({
  mergedIntoId: _merged,
  ...contact
}: CustomerContact & { mergedIntoId: string | null }): CustomerContact {
  return contact;
}
