import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '@/db/client';
import { inventoryLevels, notificationOutbox } from '@/db/schema';
import { isLocale } from '@/lib/i18n/config';
import { localName, type LocalNames } from '@/lib/i18n/local-name';
import type { OpeningHours } from '@/db/schema/locations';
import type { StockMessagePayload } from '@/lib/messages/payload';
import { availableToPromiseSql } from '../rules';

/** Alerts one run of the sweep takes at most (the rest wait for the next minute). */
export const STOCK_ALERTS_PER_RUN = 500;

const l = alias(inventoryLevels, 'l');

type Due = {
  id: string;
  locationId: string | null;
  productUrl: string | null;
  email: string | null;
  firstName: string;
  locale: string | null;
  product: string;
  variant: string;
  sku: string;
  storeCode: string | null;
  storeName: string | null;
  storeNames: LocalNames | null;
  address: string | null;
  city: string | null;
  timeZone: string | null;
  openingHours: OpeningHours | null;
};

/**
 * Tells the customers waiting for these SKUs whose wish can now be met — available to promise
 * (lib/inventory/rules.ts) of at least one at their store, or anywhere for an online alert — once:
 * each alert is locked (SKIP LOCKED: one that another transaction is telling is left to it), its
 * 'stock.available' message written to the outbox and the alert marked notified with that
 * message, all in the caller's transaction, so a rollback tells nobody and a commit tells once.
 * `variantIds` null looks at every waiting alert (the sweep job), up to `limit`. An alert whose
 * customer has no e-mail left (erased) is cancelled. Returns how many messages were written.
 */
export async function notifyStockAlerts(
  tx: DbOrTx,
  input: { variantIds: readonly string[] | null; now?: Date; limit?: number },
): Promise<number> {
  if (input.variantIds && input.variantIds.length === 0) return 0;
  const now: SQL = input.now ? sql`${input.now.toISOString()}::timestamptz` : sql`now()`;
  const forVariants = input.variantIds
    ? sql`and a.variant_id in (${sql.join(
        input.variantIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const { rows } = await tx.execute<Due>(sql`
    select a.id, a.location_id as "locationId", a.product_url as "productUrl",
      c.email, c.first_name as "firstName", c.locale,
      p.name as product, v.title as variant, v.sku,
      s.code as "storeCode", s.name as "storeName", s.names as "storeNames", s.address, s.city,
      s.time_zone as "timeZone", s.opening_hours as "openingHours"
    from stock_alerts a
      join customers c on c.id = a.customer_id
      join variants v on v.id = a.variant_id
      join products p on p.id = v.product_id
      left join locations s on s.id = a.location_id
    where a.status = 'waiting' ${forVariants}
      and exists (
        select 1 from inventory_levels l
        where l.variant_id = a.variant_id and (a.location_id is null or l.location_id = a.location_id)
          and ${availableToPromiseSql(l)} >= 1)
    order by a.created_at
    limit ${input.limit ?? STOCK_ALERTS_PER_RUN}
    for update of a skip locked`);
  if (rows.length === 0) return 0;

  const told = rows.filter((r) => r.email);
  const messages = told.map((r) => {
    const locale = isLocale(r.locale) ? r.locale : null;
    const payload: StockMessagePayload & { alertId: string } = {
      alertId: r.id,
      locale,
      firstName: r.firstName,
      product: r.product,
      variant: r.variant,
      sku: r.sku,
      productUrl: r.productUrl,
      store:
        r.locationId && r.storeName !== null
          ? {
              code: r.storeCode ?? undefined,
              name: localName({ name: r.storeName, names: r.storeNames ?? {} }, locale ?? undefined),
              address: r.address ?? '',
              city: r.city ?? '',
              timeZone: r.timeZone ?? 'UTC',
              openingHours: r.openingHours ?? {},
            }
          : null,
    };
    return { kind: 'stock.available', channel: 'email' as const, recipient: r.email!, payload };
  });
  const written = messages.length
    ? await tx
        .insert(notificationOutbox)
        .values(messages)
        .returning({ id: notificationOutbox.id, alertId: sql<string>`${notificationOutbox.payload} ->> 'alertId'` })
    : [];
  if (written.length > 0) {
    const pairs = sql.join(
      written.map((w) => sql`(${w.alertId}::uuid, ${w.id}::bigint)`),
      sql`, `,
    );
    await tx.execute(sql`
      update stock_alerts a set status = 'notified', notified_at = ${now}, message_id = v.message_id
      from (values ${pairs}) as v(id, message_id) where a.id = v.id`);
  }
  const unreachable = rows.filter((r) => !r.email).map((r) => sql`${r.id}::uuid`);
  if (unreachable.length > 0) {
    await tx.execute(sql`
      update stock_alerts set status = 'cancelled', cancelled_at = ${now}
      where id in (${sql.join(unreachable, sql`, `)})`);
  }
  return written.length;
}

/**
 * The 'stock-alerts' job: what the stock changes did not announce themselves (stock freed by the
 * set-based writers, such as expired pickups' releases) is told within a minute, in batches.
 */
export async function sweepStockAlerts(db: Db, { now }: { now: Date }): Promise<{ notified: number }> {
  let notified = 0;
  for (;;) {
    const n = await db.transaction((tx) => notifyStockAlerts(tx, { variantIds: null, now }));
    notified += n;
    if (n < STOCK_ALERTS_PER_RUN) return { notified };
  }
}
