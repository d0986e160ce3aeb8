import { and, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { inventoryCountLines, inventoryCounts, inventoryLevels, locations, products, variants } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError, Forbidden, IllegalTransition, NotFound } from '@/lib/errors';
import { cursorTimeOf, decodeCreatedCursor, encodeCreatedCursor, olderThan } from './cursor';
import { changeStock, lockLevel } from './ledger';
import type { RecordCountInput, StartCountInput } from './schemas';

type CountRow = typeof inventoryCounts.$inferSelect;

async function lockCount(tx: DbOrTx, actor: Actor, countId: string): Promise<CountRow> {
  const [count] = await tx.select().from(inventoryCounts).where(eq(inventoryCounts.id, countId)).for('update');
  if (!count) throw new NotFound('Count');
  if (!can(actor, 'inventory.adjust', count.locationId)) throw new Forbidden('You cannot count stock at this location.');
  return count;
}

function assertOpen(count: CountRow, to: 'applied' | 'discarded' | 'open') {
  if (count.status !== 'open') throw new IllegalTransition(count.status, to);
}

/** Opens a cycle count with a snapshot of the expected quantities of the SKUs in scope. */
export async function startCount(db: Db, actor: Actor, input: StartCountInput): Promise<{ id: string; number: string; lines: number }> {
  if (!can(actor, 'inventory.adjust', input.locationId)) throw new Forbidden('You cannot count stock at this location.');
  return db.transaction(async (tx) => {
    const scopeLabel =
      input.scope.kind === 'all' ? 'all' : input.scope.kind === 'category' ? `category:${input.scope.category}` : `list:${input.scope.skus.length}`;
    const [count] = await tx
      .insert(inventoryCounts)
      .values({
        number: sql`'CC-' || nextval('count_number_seq')`,
        locationId: input.locationId,
        scope: scopeLabel,
        createdById: actor.userId,
      })
      .returning({ id: inventoryCounts.id, number: inventoryCounts.number });
    const scopeFilter =
      input.scope.kind === 'all'
        ? sql`true`
        : input.scope.kind === 'category'
          ? sql`p.category = ${input.scope.category}`
          : sql`v.sku in (${sql.join(
              input.scope.skus.map((s) => sql`${s.toUpperCase()}`),
              sql`, `,
            )})`;
    const inserted = await tx.execute(sql`
      insert into inventory_count_lines (count_id, variant_id, expected)
      select ${count.id}, v.id, coalesce(l.on_hand, 0)
      from variants v
      join products p on p.id = v.product_id
      left join inventory_levels l on l.variant_id = v.id and l.location_id = ${input.locationId}
      where ${scopeFilter} and (${input.scope.kind !== 'all'} or l.variant_id is not null)`);
    const lines = inserted.rowCount ?? 0;
    if (lines === 0) throw new DomainError('unprocessable', 'No SKU matches this count.');
    await writeAudit(tx, { actorId: actor.userId, action: 'count.start', entityType: 'count', entityId: count.id, data: { scope: scopeLabel, lines } });
    return { ...count, lines };
  });
}

/** Records counted quantities by SKU or barcode; unknown codes are reported, nothing is applied to stock yet. */
export async function recordCount(db: Db, actor: Actor, input: RecordCountInput): Promise<{ recorded: number; unknown: string[] }> {
  return db.transaction(async (tx) => {
    const count = await lockCount(tx, actor, input.countId);
    assertOpen(count, 'open');
    const codes = [...new Set(input.lines.map((l) => l.code))];
    const found = await tx
      .select({ id: variants.id, sku: variants.sku, barcode: variants.barcode })
      .from(variants)
      .where(or(inArray(variants.sku, codes.map((c) => c.toUpperCase())), inArray(variants.barcode, codes)));
    const byCode = new Map<string, string>();
    for (const v of found) {
      byCode.set(v.sku, v.id);
      if (v.barcode) byCode.set(v.barcode, v.id);
    }
    const unknown: string[] = [];
    let recorded = 0;
    for (const line of input.lines) {
      const variantId = byCode.get(line.code) ?? byCode.get(line.code.toUpperCase());
      if (!variantId) {
        unknown.push(line.code);
        continue;
      }
      // A SKU outside the count's scope found on the shelf joins the count (expected = on hand).
      await tx.execute(sql`
        insert into inventory_count_lines (count_id, variant_id, expected, counted)
        values (${count.id}, ${variantId},
          coalesce((select on_hand from inventory_levels where variant_id = ${variantId} and location_id = ${count.locationId}), 0),
          ${line.counted})
        on conflict (count_id, variant_id) do update set counted = ${
          line.mode === 'add' ? sql`coalesce(inventory_count_lines.counted, 0) + excluded.counted` : sql`excluded.counted`
        }`);
      recorded += 1;
    }
    return { recorded, unknown };
  });
}

export type CountDifference = {
  variantId: string;
  sku: string;
  productName: string;
  expected: number;
  counted: number | null;
  onHand: number;
  difference: number;
  valueCents: number;
};

/** The review: counted vs current on hand, with the value of each difference at cost. */
export async function reviewCount(db: DbOrTx, countId: string) {
  const [count] = await db
    .select({
      id: inventoryCounts.id,
      number: inventoryCounts.number,
      status: inventoryCounts.status,
      scope: inventoryCounts.scope,
      locationId: inventoryCounts.locationId,
      locationName: locations.name,
      createdAt: inventoryCounts.createdAt,
    })
    .from(inventoryCounts)
    .innerJoin(locations, eq(locations.id, inventoryCounts.locationId))
    .where(eq(inventoryCounts.id, countId));
  if (!count) return null;
  const rows = await db
    .select({
      variantId: inventoryCountLines.variantId,
      sku: variants.sku,
      productName: products.name,
      expected: inventoryCountLines.expected,
      counted: inventoryCountLines.counted,
      onHand: sql<number>`coalesce(${inventoryLevels.onHand}, 0)`,
      costCents: variants.costCents,
    })
    .from(inventoryCountLines)
    .innerJoin(variants, eq(variants.id, inventoryCountLines.variantId))
    .innerJoin(products, eq(products.id, variants.productId))
    .leftJoin(
      inventoryLevels,
      and(eq(inventoryLevels.variantId, inventoryCountLines.variantId), eq(inventoryLevels.locationId, count.locationId)),
    )
    .where(eq(inventoryCountLines.countId, countId))
    .orderBy(variants.sku);
  const lines: CountDifference[] = rows.map((r) => {
    const difference = r.counted === null ? 0 : r.counted - Number(r.onHand);
    return { ...r, onHand: Number(r.onHand), difference, valueCents: difference * r.costCents };
  });
  const changed = lines.filter((l) => l.difference !== 0);
  return {
    ...count,
    lines,
    counted: lines.filter((l) => l.counted !== null).length,
    changed: changed.length,
    netValueCents: changed.reduce((a, l) => a + l.valueCents, 0),
  };
}

/** Applies every counted difference in one transaction: one ledger entry (reason count) per changed SKU. */
export async function applyCount(db: Db, actor: Actor, countId: string): Promise<{ changed: number }> {
  return db.transaction(async (tx) => {
    const count = await lockCount(tx, actor, countId);
    if (count.status === 'applied') return { changed: 0 };
    assertOpen(count, 'applied');
    const lines = await tx
      .select({ variantId: inventoryCountLines.variantId, counted: inventoryCountLines.counted, sku: variants.sku })
      .from(inventoryCountLines)
      .innerJoin(variants, eq(variants.id, inventoryCountLines.variantId))
      .where(and(eq(inventoryCountLines.countId, countId), isNotNull(inventoryCountLines.counted)))
      .orderBy(inventoryCountLines.variantId);
    let changed = 0;
    const belowReserved: string[] = [];
    for (const line of lines) {
      const level = await lockLevel(tx, line.variantId, count.locationId);
      const onHand = level?.onHand ?? 0;
      const delta = (line.counted ?? 0) - onHand;
      if (delta === 0) continue;
      if ((level?.reserved ?? 0) > (line.counted ?? 0)) {
        belowReserved.push(line.sku);
        continue;
      }
      await changeStock(tx, {
        variantId: line.variantId,
        locationId: count.locationId,
        deltaOnHand: delta,
        reason: 'count',
        referenceType: 'count',
        referenceId: count.id,
        actorId: actor.userId,
      });
      changed += 1;
    }
    if (belowReserved.length > 0) {
      throw new DomainError(
        'stock_conflict',
        `Counted below what is reserved for orders: ${belowReserved.join(', ')}. Release or fulfil those orders first.`,
        { skus: belowReserved },
      );
    }
    await tx.update(inventoryCounts).set({ status: 'applied', closedAt: sql`now()` }).where(eq(inventoryCounts.id, countId));
    await writeAudit(tx, { actorId: actor.userId, action: 'count.apply', entityType: 'count', entityId: countId, data: { changed } });
    return { changed };
  });
}

export async function discardCount(db: Db, actor: Actor, countId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const count = await lockCount(tx, actor, countId);
    if (count.status === 'discarded') return;
    assertOpen(count, 'discarded');
    await tx.update(inventoryCounts).set({ status: 'discarded', closedAt: sql`now()` }).where(eq(inventoryCounts.id, countId));
    await writeAudit(tx, { actorId: actor.userId, action: 'count.discard', entityType: 'count', entityId: countId });
  });
}

export const COUNTS_PAGE_SIZE = 50;

export type CountSummary = {
  id: string;
  number: string;
  status: 'open' | 'applied' | 'discarded';
  scope: string;
  locationName: string;
  createdAt: Date;
  closedAt: Date | null;
  lines: number;
};

/**
 * Counts of the given locations (all when null), newest first, one keyset page on
 * (created_at, id) after `before`; no count of the whole list.
 */
export async function listCounts(
  db: DbOrTx,
  locationIds: readonly string[] | null,
  opts: { before?: string | null; limit?: number } = {},
): Promise<{ counts: CountSummary[]; next: string | null }> {
  const limit = opts.limit ?? COUNTS_PAGE_SIZE;
  if (locationIds && locationIds.length === 0) return { counts: [], next: null };
  const cursor = decodeCreatedCursor(opts.before);
  const rows = await db
    .select({
      id: inventoryCounts.id,
      number: inventoryCounts.number,
      status: inventoryCounts.status,
      scope: inventoryCounts.scope,
      locationName: locations.name,
      createdAt: inventoryCounts.createdAt,
      closedAt: inventoryCounts.closedAt,
      lines: sql<number>`(select count(*)::int from inventory_count_lines cl where cl.count_id = ${inventoryCounts.id})`,
      cursorTime: cursorTimeOf(inventoryCounts.createdAt),
    })
    .from(inventoryCounts)
    .innerJoin(locations, eq(locations.id, inventoryCounts.locationId))
    .where(
      and(
        locationIds ? inArray(inventoryCounts.locationId, [...locationIds]) : undefined,
        cursor ? olderThan(inventoryCounts.createdAt, inventoryCounts.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(inventoryCounts.createdAt), desc(inventoryCounts.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    counts: page.map(({ cursorTime: _, ...c }) => ({ ...c, lines: Number(c.lines) })),
    next: rows.length > limit ? encodeCreatedCursor(page[page.length - 1]) : null,
  };
}
