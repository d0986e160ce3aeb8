import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { alias } from 'drizzle-orm/pg-core';
import { channels, channelStockCaps, inventoryLevels } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { Forbidden } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { localNameSql } from '@/lib/i18n/local-name';
import { availableToPromiseSql } from './rules';

/** The statements below read `inventory_levels l`. */
const l = alias(inventoryLevels, 'l');

export type Availability = { sku: string; total: number; locations: { code: string; available: number }[] };

/**
 * Available to promise per location for one SKU, as a channel sees it: a ring-fenced channel is
 * offered at most its cap minus what it already holds reserved, taken from the best locations.
 */
export async function getAvailability(
  db: DbOrTx,
  input: { sku: string; channelId?: string | null; locationCode?: string | null },
): Promise<Availability | null> {
  const { rows } = await db.execute<{ sku: string; code: string; available: number; allowance: number | null }>(sql`
    select v.sku, loc.code, ${availableToPromiseSql(l)}::int as available,
      (select ${capAllowance('c')}
       from channel_stock_caps c where c.variant_id = v.id and c.channel_id = ${input.channelId ?? null}) as allowance
    from variants v
    join inventory_levels l on l.variant_id = v.id
    join locations loc on loc.id = l.location_id and loc.active
    where v.sku = ${input.sku.trim().toUpperCase()}
    order by available desc, loc.code`);
  if (rows.length === 0) {
    const [exists] = (
      await db.execute<{ sku: string }>(sql`select sku from variants where sku = ${input.sku.trim().toUpperCase()}`)
    ).rows;
    return exists ? { sku: exists.sku, total: 0, locations: [] } : null;
  }
  let allowance = rows[0].allowance === null ? Infinity : Number(rows[0].allowance);
  const locations = rows.map((r) => {
    const available = Math.min(Number(r.available), allowance);
    allowance -= available;
    return { code: r.code, available };
  });
  const shown = input.locationCode ? locations.filter((l) => l.code === input.locationCode) : locations;
  return {
    sku: rows[0].sku,
    total: shown.reduce((a, l) => a + l.available, 0),
    locations: shown.sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/**
 * What the cap row aliased `c` (channel_stock_caps) still lets its channel reserve: the cap
 * minus the units that channel's active reservations hold of the SKU, never below 0.
 */
export function capAllowance(c: string): SQL {
  return sql.raw(`greatest(${c}.max_units - coalesce((
    select sum(r.quantity) from reservations r join orders o on o.id = r.order_id
    where r.variant_id = ${c}.variant_id and r.status = 'active' and o.channel_id = ${c}.channel_id), 0), 0)::int`);
}

/** Sets or removes (null) a channel's cap on a SKU. Owners only: it changes what every store may promise. */
export async function setChannelCap(
  db: Db,
  actor: Actor,
  input: { channelId: string; variantId: string; maxUnits: number | null },
): Promise<void> {
  if (!can(actor, 'settings.manage')) throw new Forbidden('Only owners can ring-fence stock for a channel.');
  await db.transaction(async (tx) => {
    if (input.maxUnits === null) {
      await tx
        .delete(channelStockCaps)
        .where(and(eq(channelStockCaps.channelId, input.channelId), eq(channelStockCaps.variantId, input.variantId)));
    } else {
      await tx
        .insert(channelStockCaps)
        .values({ channelId: input.channelId, variantId: input.variantId, maxUnits: input.maxUnits })
        .onConflictDoUpdate({
          target: [channelStockCaps.channelId, channelStockCaps.variantId],
          set: { maxUnits: input.maxUnits },
        });
    }
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'inventory.channel_cap',
      entityType: 'variant',
      entityId: input.variantId,
      data: { channelId: input.channelId, maxUnits: input.maxUnits },
    });
  });
}

export type ChannelLimit = {
  channelId: string;
  code: string;
  name: string;
  kind: 'web' | 'marketplace' | 'pos' | 'phone';
  /** The channel's cap on the SKU across all locations; null when it is not ring-fenced. */
  maxUnits: number | null;
  /** Units the channel's orders hold reserved of the SKU right now (active reservations). */
  reserved: number;
};

/** Every active channel with its cap on one SKU (or none) and what its orders hold reserved, by the name shown in `locale`. */
export async function listChannelLimits(db: DbOrTx, variantId: string, locale?: Locale): Promise<ChannelLimit[]> {
  const c = alias(channels, 'c');
  const name = localNameSql(c, locale);
  const { rows } = await db.execute<{
    channel_id: string;
    code: string;
    name: string;
    kind: ChannelLimit['kind'];
    max_units: number | null;
    reserved: number;
  }>(sql`
    select c.id as channel_id, c.code, ${name} as name, c.kind, cap.max_units,
      coalesce((select sum(r.quantity) from reservations r join orders o on o.id = r.order_id
                where r.variant_id = ${variantId} and r.status = 'active' and o.channel_id = c.id), 0)::int as reserved
    from channels c
    left join channel_stock_caps cap on cap.channel_id = c.id and cap.variant_id = ${variantId}
    where c.active
    order by ${name}, c.code`);
  return rows.map((r) => ({
    channelId: r.channel_id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    maxUnits: r.max_units === null ? null : Number(r.max_units),
    reserved: Number(r.reserved),
  }));
}

export type SkuFeedRow = {
  sku: string;
  barcode: string | null;
  name: string;
  priceCents: number;
  currency: string;
  available: number;
};

/**
 * The catalogue as a channel sees it, by SKU order (keyset on SKU): price and total available
 * to promise across active locations. For stock feeds and the channel simulator.
 */
export async function listSkuFeed(
  db: DbOrTx,
  opts: { after?: string | null; limit: number; inStockOnly?: boolean },
): Promise<{ skus: SkuFeedRow[]; next: string | null }> {
  const { rows } = await db.execute<{
    sku: string;
    barcode: string | null;
    name: string;
    price_cents: number;
    currency: string;
    available: number;
  }>(sql`
    select v.sku, v.barcode, p.name || ' — ' || v.title as name, v.price_cents, v.currency,
      coalesce((select sum(${availableToPromiseSql(l)})
                from inventory_levels l join locations loc on loc.id = l.location_id and loc.active
                where l.variant_id = v.id), 0)::int as available
    from variants v join products p on p.id = v.product_id
    where v.sku > ${opts.after ?? ''}
      ${opts.inStockOnly ? sql`and exists (select 1 from inventory_levels l where l.variant_id = v.id and ${availableToPromiseSql(l)} > 0)` : sql``}
    order by v.sku
    limit ${opts.limit + 1}`);
  const skus = rows.slice(0, opts.limit).map((r) => ({
    sku: r.sku,
    barcode: r.barcode,
    name: r.name,
    priceCents: Number(r.price_cents),
    currency: r.currency,
    available: Number(r.available),
  }));
  return { skus, next: rows.length > opts.limit ? skus[skus.length - 1].sku : null };
}
