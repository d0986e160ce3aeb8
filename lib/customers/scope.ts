import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { scopeOf, type Actor } from '@/lib/auth/permissions';

/**
 * May `actor` read this customer? Owners and agents any; a manager ('customers.view' is scoped)
 * only a customer with an order fulfilled at one of their locations or a pickup there — or one
 * merged into such a customer, whose profile only redirects to it.
 */
export async function customerInScope(db: DbOrTx, actor: Actor, customerId: string): Promise<boolean> {
  const scope = scopeOf(actor, 'customers.view');
  if (scope === null) return true;
  if (scope.length === 0) return false;
  const locations = sql.join(
    scope.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = await db.execute<{ ok: boolean }>(sql`
    select exists (
      select 1 from customers c
      join orders o on o.customer_id in (c.id, c.merged_into_id)
      left join pickups p on p.order_id = o.id
      where c.id = ${customerId}
        and (o.fulfilling_location_id in (${locations}) or p.location_id in (${locations}))
    ) as ok`);
  return Boolean(result.rows[0]?.ok);
}
