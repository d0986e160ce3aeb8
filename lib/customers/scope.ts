import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { scopeOf, type Actor } from '@/lib/auth/permissions';

/**
 * May `actor` read this customer? Owners and agents any; a manager ('customers.view' is scoped)
 * only a customer with an order of their stores (orderInScopeSql) — or one merged into such a
 * customer, whose profile only redirects to it.
 */
export async function customerInScope(db: DbOrTx, actor: Actor, customerId: string): Promise<boolean> {
  const scope = scopeOf(actor, 'customers.view');
  if (scope === null) return true;
  if (scope.length === 0) return false;
  const result = await db.execute<{ ok: boolean }>(sql`
    select exists (
      select 1 from customers c
      join orders o on o.customer_id in (c.id, c.merged_into_id)
      where c.id = ${customerId} and ${orderInScopeSql(actor, sql`o`)}
    ) as ok`);
  return Boolean(result.rows[0]?.ok);
}

/**
 * A condition on the order `o` (an alias of orders in the statement): may `actor` see it on a
 * customer's page? Owners and agents every order; a manager one fulfilled at one of their
 * locations or with a pickup there, and nothing when they have no location.
 */
export function orderInScopeSql(actor: Actor, o: SQL): SQL {
  const scope = scopeOf(actor, 'customers.view');
  if (scope === null) return sql`true`;
  if (scope.length === 0) return sql`false`;
  return sql`(${locationInScopeSql(actor, sql`${o}.fulfilling_location_id`)}
    or exists (select 1 from pickups p where p.order_id = ${o}.id and ${locationInScopeSql(actor, sql`p.location_id`)}))`;
}

/**
 * A condition on a location column: is it one the actor sees customers' business at? Any for
 * owners and agents, a manager's own locations, none for a manager without one.
 */
export function locationInScopeSql(actor: Actor, location: SQL): SQL {
  const scope = scopeOf(actor, 'customers.view');
  if (scope === null) return sql`true`;
  if (scope.length === 0) return sql`false`;
  return sql`${location} in (${sql.join(
    scope.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}
