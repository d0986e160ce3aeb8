import 'server-only';
import { cookies } from 'next/headers';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { listRecentCustomers, type RecentCustomer } from '@/lib/customers/recent';
import { RECENT_CUSTOMERS_COOKIE, recentIdsFrom } from '@/lib/customers/recent-cookie';

/** The profiles this staff member opened last in this browser (the cookie the profile page keeps), read now. */
export async function readRecentCustomers(actor: Actor): Promise<RecentCustomer[]> {
  const ids = recentIdsFrom((await cookies()).get(RECENT_CUSTOMERS_COOKIE)?.value, actor.userId);
  return listRecentCustomers(await getDb(), actor, ids);
}
