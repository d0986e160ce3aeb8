import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { kpiDaily } from '@/db/schema';
import type { KpiCounters } from './rollup';

const total = (column: AnyPgColumn) => sql<number>`coalesce(sum(${column}), 0)::bigint`.mapWith(Number);

/** A key's figures: the sum over its shards (db/schema/kpis.ts) of every counter, for the rows matching the key (a day, a channel, a location; null = ship orders). */
export async function readKpiTotals(
  db: DbOrTx,
  key: { day?: string; channelId?: string; locationId?: string | null },
): Promise<KpiCounters> {
  const conds: SQL[] = [];
  if (key.day) conds.push(eq(kpiDaily.day, key.day));
  if (key.channelId) conds.push(eq(kpiDaily.channelId, key.channelId));
  if (key.locationId !== undefined)
    conds.push(key.locationId === null ? isNull(kpiDaily.locationId) : eq(kpiDaily.locationId, key.locationId));
  const [row] = await db
    .select({
      orders: total(kpiDaily.orders),
      revenueCents: total(kpiDaily.revenueCents),
      units: total(kpiDaily.units),
      pickupOrders: total(kpiDaily.pickupOrders),
      pickupsReady: total(kpiDaily.pickupsReady),
      pickupLeadSeconds: total(kpiDaily.pickupLeadSeconds),
      pickupsCollected: total(kpiDaily.pickupsCollected),
      pickupsExpired: total(kpiDaily.pickupsExpired),
      cancelledOrders: total(kpiDaily.cancelledOrders),
      returns: total(kpiDaily.returns),
      returnedCents: total(kpiDaily.returnedCents),
    })
    .from(kpiDaily)
    .where(conds.length ? and(...conds) : undefined);
  return row;
}
