import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { customerInScope } from './scope';

export type RecentCustomer = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  lastOrderAt: Date | null;
};

/**
 * The recent profiles, in the cookie's order, read now (an erased customer shows as such; a merged
 * one as its survivor), each only if the actor may still read it.
 */
export async function listRecentCustomers(db: DbOrTx, actor: Actor, ids: readonly string[]): Promise<RecentCustomer[]> {
  if (!can(actor, 'customers.view') || ids.length === 0) return [];
  const rows = await db
    .select({
      id: customers.id,
      firstName: customers.firstName,
      lastName: customers.lastName,
      email: customers.email,
      phone: customers.phone,
      lastOrderAt: customers.lastOrderAt,
      mergedIntoId: customers.mergedIntoId,
    })
    .from(customers)
    .where(inArray(customers.id, [...ids]));
  const out: RecentCustomer[] = [];
  for (const id of ids) {
    const row = rows.find((r) => r.id === id);
    if (!row || row.mergedIntoId || !(await customerInScope(db, actor, id))) continue;
    const { mergedIntoId: _merged, ...customer } = row;
    out.push(customer);
  }
  return out;
}
