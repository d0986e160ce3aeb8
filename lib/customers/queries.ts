import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { channels, customerIdentities, customers, orders } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { Forbidden, NotFound } from '@/lib/errors';
import { isUuid } from '@/lib/uuid';
import type { Locale } from '@/lib/i18n/config';
import { localNameSql } from '@/lib/i18n/local-name';
import { customerInScope } from './scope';

export type CustomerIdentity = {
  kind: 'email' | 'phone' | 'loyalty' | 'buyer_id';
  scope: string;
  value: string;
  createdAt: Date;
};

export type CustomerProfile = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  marketingEmail: boolean;
  marketingSms: boolean;
  tags: string[];
  /** Set when this profile was merged: it only redirects to the survivor. */
  mergedIntoId: string | null;
  orderCount: number;
  lifetimeValueCents: number;
  lastOrderAt: Date | null;
  createdAt: Date;
  identities: CustomerIdentity[];
  /** Channels the customer has ordered from, by the name shown. */
  channels: { code: string; name: string }[];
};

/**
 * The profile header of one customer: contact details, every identity, the summary kept with
 * the orders (count, lifetime value, last order) and the channels used (by the names shown in
 * `locale`). Null when unknown.
 */
export async function findCustomerProfile(
  db: DbOrTx,
  customerId: string,
  locale?: Locale,
): Promise<CustomerProfile | null> {
  const [customer] = await db
    .select({
      id: customers.id,
      firstName: customers.firstName,
      lastName: customers.lastName,
      email: customers.email,
      phone: customers.phone,
      marketingEmail: customers.marketingEmail,
      marketingSms: customers.marketingSms,
      tags: customers.tags,
      mergedIntoId: customers.mergedIntoId,
      orderCount: customers.orderCount,
      lifetimeValueCents: customers.lifetimeValueCents,
      lastOrderAt: customers.lastOrderAt,
      createdAt: customers.createdAt,
    })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!customer) return null;
  if (customer.mergedIntoId) return { ...customer, identities: [], channels: [] };
  const channelName = localNameSql(channels, locale);
  const [identities, used] = await Promise.all([
    db
      .select({
        kind: customerIdentities.kind,
        scope: customerIdentities.scope,
        value: customerIdentities.value,
        createdAt: customerIdentities.createdAt,
      })
      .from(customerIdentities)
      .where(eq(customerIdentities.customerId, customerId))
      .orderBy(
        sql`case ${customerIdentities.kind} when 'email' then 0 when 'phone' then 1 when 'loyalty' then 2 else 3 end`,
        asc(customerIdentities.createdAt),
        asc(customerIdentities.value),
      ),
    // A customer's orders come from the customer index; the channels table is tiny.
    db
      .select({ code: channels.code, name: channelName })
      .from(channels)
      .where(
        sql`exists (select 1 from ${orders} where ${orders.customerId} = ${customerId} and ${orders.channelId} = ${channels.id})`,
      )
      .orderBy(asc(channelName), asc(channels.code)),
  ]);
  return { ...customer, identities, channels: used };
}

/**
 * The customer page's read: 'customers.view' before anything is read, then the profile; a
 * malformed or unknown id is NotFound; a manager's customer who never ordered at their stores is Forbidden. A merged profile comes back as such (the page redirects).
 */
export async function getCustomerProfileForActor(
  db: DbOrTx,
  actor: Actor,
  customerId: string,
  locale?: Locale,
): Promise<CustomerProfile> {
  if (!can(actor, 'customers.view')) throw new Forbidden();
  if (!isUuid(customerId)) throw new NotFound('Customer');
  const profile = await findCustomerProfile(db, customerId, locale);
  if (!profile) throw new NotFound('Customer');
  if (!(await customerInScope(db, actor, customerId))) throw new Forbidden();
  return profile;
}
