import { and, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { inventoryCountLines, inventoryCounts, inventoryLevels, locations, products, variants } from '@/db/schema';
import { can, scopeOf, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError, Forbidden, IllegalTransition, NotFound } from '@/lib/errors';
import { cursorTimeOf, decodeCursor, encodeCursor, olderThan } from '@/lib/http/cursor';
import type { Locale } from '@/lib/i18n/config';
import { localNameSql } from '@/lib/i18n/local-name';
import { changeStock, lockLevel } from './ledger';
import { findVariantsByCodes } from './queries/codes';
import type { RecordCountInput, StartCountInput } from './schemas';

type CountRow = typeof inventoryCounts.$inferSelect;

async function lockCount(tx: DbOrTx, actor: Actor, countId: string): Promise<CountRow> {
  const [count] = await tx.select().from(inventoryCounts).where(eq(inventoryCounts.id, countId)).for('update');
  if (!count) throw new NotFound('Count');
  if (!can(actor, 'inventory.adjust', count.locationId))
    throw new Forbidden('You cannot count stock at this location.');
  return count;
}

function assertOpen(count: CountRow, to: 'applied' | 'discarded' | 'open') {
  if (count.status !== 'open') throw new IllegalTransition(count.status, to);
}

/**
 * Serialises, per location, what can put a SKU into an open count (starting one, a SKU joining
 * one), so two concurrent starts cannot both find no other open count on the same SKUs.
 */
export async function lockCountsAt(tx: DbOrTx, locationId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`inventory_count:${locationId}`}, 0))`);
}

/**
 * Two counts of one SKU at one location would each book their difference: refused while another
 * count open there holds any SKU of count `countId` (its lines already written). Call it under
 * lockCountsAt, so that two concurrent counts cannot both find the other missing.
 */
export async function refuseOpenCountClash(tx: DbOrTx, locationId: string, countId: string): Promise<void> {
  const { rows: clash } = await tx.execute<{ id: string; number: string; skus: number }>(sql`
    select c.id, c.number, count(*)::int as skus
    from inventory_counts c
    join inventory_count_lines other on other.count_id = c.id
    join inventory_count_lines mine on mine.count_id = ${countId} and mine.variant_id = other.variant_id
    where c.location_id = ${locationId} and c.status = 'open' and c.id <> ${countId}
    group by c.id, c.number, c.created_at
    order by c.created_at
    limit 1`);
  if (clash[0]) {
    const { id, number, skus } = clash[0];
    throw new DomainError(
      'conflict',
      `Count ${number} is still open at this location for ${skus} of these SKUs: apply or discard it first.`,
      {
        countId: id,
        number,
        skus: Number(skus),
      },
    );
  }
}

/** Opens a cycle count with a snapshot of the expected quantities of the SKUs in scope; refused while another open count at the location holds any of them. */
export async function startCount(
  db: Db,
  actor: Actor,
  input: StartCountInput,
): Promise<{ id: string; number: string; lines: number }> {
  if (!can(actor, 'inventory.adjust', input.locationId))
    throw new Forbidden('You cannot count stock at this location.');
  return db.transaction(async (tx) => {
    await lockCountsAt(tx, input.locationId);
    const scopeLabel =
      input.scope.kind === 'all'
        ? 'all'
        : input.scope.kind === 'category'
          ? `category:${input.scope.category}`
          : `list:${input.scope.skus.length}`;
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
    await refuseOpenCountClash(tx, input.locationId, count.id);
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'count.start',
      entityType: 'count',
      entityId: count.id,
      data: { scope: scopeLabel, lines },
    });
    return { ...count, lines };
  });
}

export type RecordCountResult = {
  recorded: number;
  unknown: string[];
  /** Codes of SKUs outside this count that another open count at the location holds: count them there. */
  elsewhere: { code: string; number: string }[];
};

/**
 * Records counted quantities by SKU or barcode, each with the on hand the system expected at
 * that moment (what applying will compare against); unknown codes are reported, nothing is
 * applied to stock yet.
 */
export async function recordCount(db: Db, actor: Actor, input: RecordCountInput): Promise<RecordCountResult> {
  return db.transaction(async (tx) => {
    const count = await lockCount(tx, actor, input.countId);
    assertOpen(count, 'open');
    const byCode = await findVariantsByCodes(
      tx,
      input.lines.map((l) => l.code),
    );
    const variantIds = [...new Set([...byCode.values()].map((v) => v.id))];
    // A SKU outside the count's scope found on the shelf joins the count, unless another open count has it.
    const inCount = new Set(
      variantIds.length === 0
        ? []
        : (
            await tx
              .select({ variantId: inventoryCountLines.variantId })
              .from(inventoryCountLines)
              .where(and(eq(inventoryCountLines.countId, count.id), inArray(inventoryCountLines.variantId, variantIds)))
          ).map((r) => r.variantId),
    );
    const joining = variantIds.filter((v) => !inCount.has(v));
    const takenBy = new Map<string, string>();
    if (joining.length > 0) {
      await lockCountsAt(tx, count.locationId);
      const taken = await tx
        .select({ variantId: inventoryCountLines.variantId, number: inventoryCounts.number })
        .from(inventoryCounts)
        .innerJoin(inventoryCountLines, eq(inventoryCountLines.countId, inventoryCounts.id))
        .where(
          and(
            eq(inventoryCounts.locationId, count.locationId),
            eq(inventoryCounts.status, 'open'),
            ne(inventoryCounts.id, count.id),
            inArray(inventoryCountLines.variantId, joining),
          ),
        );
      for (const t of taken) takenBy.set(t.variantId, t.number);
    }
    const unknown: string[] = [];
    const elsewhere: RecordCountResult['elsewhere'] = [];
    let recorded = 0;
    for (const line of input.lines) {
      const variantId = byCode.get(line.code)?.id;
      if (!variantId) {
        unknown.push(line.code);
        continue;
      }
      const other = takenBy.get(variantId);
      if (other) {
        elsewhere.push({ code: line.code, number: other });
        continue;
      }
      await tx.execute(sql`
        insert into inventory_count_lines (count_id, variant_id, expected, counted, counted_at)
        values (${count.id}, ${variantId},
          coalesce((select on_hand from inventory_levels where variant_id = ${variantId} and location_id = ${count.locationId}), 0),
          ${line.counted}, now())
        on conflict (count_id, variant_id) do update set
          counted = ${line.mode === 'add' ? sql`coalesce(inventory_count_lines.counted, 0) + excluded.counted` : sql`excluded.counted`},
          expected = excluded.expected,
          counted_at = excluded.counted_at`);
      recorded += 1;
    }
    return { recorded, unknown, elsewhere };
  });
}

export type CountLineView = {
  variantId: string;
  sku: string;
  productName: string;
  /**
   * What the system expected: on hand when the line was counted; for a line of an open count not
   * counted yet, on hand now (what counting it will compare against).
   */
  expected: number;
  counted: number | null;
  countedAt: Date | null;
  /** Open counts: on hand now, when it moved since the line was counted (sales, receipts: kept on apply). */
  onHandNow: number | null;
  /** counted − expected; for an applied count, what was booked. Null when not counted. */
  difference: number | null;
  /** The difference at cost (at apply time for an applied count); null when not counted or when the viewer may not see costs. */
  valueCents: number | null;
};

export type CountReview = {
  id: string;
  number: string;
  status: 'open' | 'applied' | 'discarded';
  scope: string;
  locationId: string;
  locationName: string;
  /** The count's location's zone: its times are shown there. */
  timeZone: string;
  createdAt: Date;
  closedAt: Date | null;
  lines: CountLineView[];
  counted: number;
  changed: number;
  /** Whether the viewer may see cost values ('inventory.cost.view' at the count's location). */
  showCost: boolean;
  netValueCents: number | null;
};

async function findCountHeader(db: DbOrTx, countId: string, locale?: Locale) {
  const [count] = await db
    .select({
      id: inventoryCounts.id,
      number: inventoryCounts.number,
      status: inventoryCounts.status,
      scope: inventoryCounts.scope,
      locationId: inventoryCounts.locationId,
      locationName: localNameSql(locations, locale),
      timeZone: locations.timeZone,
      createdAt: inventoryCounts.createdAt,
      closedAt: inventoryCounts.closedAt,
    })
    .from(inventoryCounts)
    .innerJoin(locations, eq(locations.id, inventoryCounts.locationId))
    .where(eq(inventoryCounts.id, countId));
  return count ?? null;
}

/** A count's number for its page title: null when it does not exist or the actor may not read it. */
export async function findCountNumber(db: DbOrTx, actor: Actor, countId: string): Promise<string | null> {
  if (!can(actor, 'inventory.counts.view')) return null;
  const [count] = await db
    .select({ number: inventoryCounts.number, locationId: inventoryCounts.locationId })
    .from(inventoryCounts)
    .where(eq(inventoryCounts.id, countId));
  return count && can(actor, 'inventory.counts.view', count.locationId) ? count.number : null;
}

/**
 * The review of a count the actor may read ('inventory.counts.view' at its location): per line
 * what was expected when counted, what was counted, the difference and its value at cost (what
 * was booked, at the cost of the day, once applied); its location by the name shown in `locale`.
 * Throws NotFound or Forbidden.
 */
export async function getCountReview(db: DbOrTx, actor: Actor, countId: string, locale?: Locale): Promise<CountReview> {
  if (!can(actor, 'inventory.counts.view')) throw new Forbidden('You cannot see cycle counts.');
  const count = await findCountHeader(db, countId, locale);
  if (!count) throw new NotFound('Count');
  if (!can(actor, 'inventory.counts.view', count.locationId))
    throw new Forbidden('You cannot see the counts of this location.');
  const showCost = can(actor, 'inventory.cost.view', count.locationId);
  const rows = await db
    .select({
      variantId: inventoryCountLines.variantId,
      sku: variants.sku,
      productName: products.name,
      expected: inventoryCountLines.expected,
      counted: inventoryCountLines.counted,
      countedAt: inventoryCountLines.countedAt,
      appliedDifference: inventoryCountLines.appliedDifference,
      unitCostCents: inventoryCountLines.unitCostCents,
      onHand: sql<number>`coalesce(${inventoryLevels.onHand}, 0)`,
      costCents: variants.costCents,
    })
    .from(inventoryCountLines)
    .innerJoin(variants, eq(variants.id, inventoryCountLines.variantId))
    .innerJoin(products, eq(products.id, variants.productId))
    .leftJoin(
      inventoryLevels,
      and(
        eq(inventoryLevels.variantId, inventoryCountLines.variantId),
        eq(inventoryLevels.locationId, count.locationId),
      ),
    )
    .where(eq(inventoryCountLines.countId, countId))
    .orderBy(variants.sku);
  const open = count.status === 'open';
  const applied = count.status === 'applied';
  const lines: CountLineView[] = rows.map((r) => {
    const onHand = Number(r.onHand);
    const counted = r.counted;
    // Counts applied before lines kept what was booked fall back to counted − expected.
    const difference =
      counted === null ? null : applied && r.appliedDifference !== null ? r.appliedDifference : counted - r.expected;
    const unitCost = applied ? (r.unitCostCents ?? r.costCents) : r.costCents;
    return {
      variantId: r.variantId,
      sku: r.sku,
      productName: r.productName,
      expected: counted === null && open ? onHand : r.expected,
      counted,
      countedAt: r.countedAt,
      onHandNow: open && counted !== null && onHand !== r.expected ? onHand : null,
      difference,
      valueCents: showCost && difference !== null ? difference * unitCost : null,
    };
  });
  const changed = lines.filter((l) => l.difference !== null && l.difference !== 0);
  return {
    ...count,
    lines,
    counted: lines.filter((l) => l.counted !== null).length,
    changed: changed.length,
    showCost,
    netValueCents: showCost ? changed.reduce((a, l) => a + (l.valueCents ?? 0), 0) : null,
  };
}

export type CountedLine = { variantId: string; expected: number; counted: number; label: string };

/**
 * Books the counted lines of a count (already written, with their expected on hand) at its
 * location, the one rule of applying a count whatever it came from: per line a ledger entry
 * (reason count) of counted − expected, then each line keeps the difference booked and the unit
 * cost of the day. When a line would take stock below zero or below what is reserved, nothing
 * more is booked and the labels of such lines are returned: the caller refuses the count,
 * rolling the transaction back.
 */
export async function bookCountedLines(
  tx: DbOrTx,
  count: { id: string; locationId: string; actorId: string },
  lines: readonly CountedLine[],
): Promise<{ changed: number; short: string[] }> {
  let changed = 0;
  const short: string[] = [];
  // Rows are locked in variant order, as everywhere stock of several SKUs changes.
  for (const line of [...lines].sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0))) {
    const delta = line.counted - line.expected;
    if (delta === 0) continue;
    const level = await lockLevel(tx, line.variantId, count.locationId);
    if ((level?.onHand ?? 0) + delta < (level?.reserved ?? 0)) {
      short.push(line.label);
      continue;
    }
    if (short.length > 0) continue; // the whole count is refused: no need to book the rest
    await changeStock(tx, {
      variantId: line.variantId,
      locationId: count.locationId,
      deltaOnHand: delta,
      reason: 'count',
      referenceType: 'count',
      referenceId: count.id,
      actorId: count.actorId,
    });
    changed += 1;
  }
  if (short.length > 0) return { changed: 0, short };
  await tx.execute(sql`
    update inventory_count_lines cl
    set applied_difference = cl.counted - cl.expected, unit_cost_cents = v.cost_cents
    from variants v
    where cl.count_id = ${count.id} and cl.counted is not null and v.id = cl.variant_id`);
  return { changed, short };
}

/**
 * Applies a count in one transaction: for each counted SKU, one ledger entry (reason count) of
 * counted − expected at the moment it was counted, so sales and receipts since then are kept;
 * each line keeps what was booked and its unit cost. Refused, with nothing written, when a line
 * would take stock below zero or below what is reserved. Applying again changes nothing.
 */
export async function applyCount(db: Db, actor: Actor, countId: string): Promise<{ changed: number }> {
  return db.transaction(async (tx) => {
    const count = await lockCount(tx, actor, countId);
    if (count.status === 'applied') return { changed: 0 };
    assertOpen(count, 'applied');
    const lines = await tx
      .select({
        variantId: inventoryCountLines.variantId,
        counted: inventoryCountLines.counted,
        expected: inventoryCountLines.expected,
        sku: variants.sku,
      })
      .from(inventoryCountLines)
      .innerJoin(variants, eq(variants.id, inventoryCountLines.variantId))
      .where(and(eq(inventoryCountLines.countId, countId), isNotNull(inventoryCountLines.counted)))
      .orderBy(inventoryCountLines.variantId);
    const { changed, short } = await bookCountedLines(
      tx,
      { id: count.id, locationId: count.locationId, actorId: actor.userId },
      lines.map((l) => ({ variantId: l.variantId, expected: l.expected, counted: l.counted ?? 0, label: l.sku })),
    );
    if (short.length > 0) {
      throw new DomainError(
        'stock_conflict',
        `Applying would take stock below zero or below what is reserved for orders: ${short.join(', ')}. Count those SKUs again, or release or fulfil those orders first.`,
        { skus: short },
      );
    }
    await tx
      .update(inventoryCounts)
      .set({ status: 'applied', closedAt: sql`now()` })
      .where(eq(inventoryCounts.id, countId));
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'count.apply',
      entityType: 'count',
      entityId: countId,
      data: { changed },
    });
    return { changed };
  });
}

export async function discardCount(db: Db, actor: Actor, countId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const count = await lockCount(tx, actor, countId);
    if (count.status === 'discarded') return;
    assertOpen(count, 'discarded');
    await tx
      .update(inventoryCounts)
      .set({ status: 'discarded', closedAt: sql`now()` })
      .where(eq(inventoryCounts.id, countId));
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
  /** The count's location's zone: its times are shown there. */
  timeZone: string;
  createdAt: Date;
  closedAt: Date | null;
  lines: number;
};

/**
 * The counts the actor may read ('inventory.counts.view': a manager's own locations), within
 * `locationIds` when given, newest first, one keyset page on (created_at, id) after `before`;
 * no count of the whole list. Locations by the name shown in `locale`.
 */
export async function listCounts(
  db: DbOrTx,
  actor: Actor,
  opts: { locationIds?: readonly string[]; before?: string | null; limit?: number; locale?: Locale } = {},
): Promise<{ counts: CountSummary[]; next: string | null }> {
  if (!can(actor, 'inventory.counts.view')) throw new Forbidden('You cannot see cycle counts.');
  const limit = opts.limit ?? COUNTS_PAGE_SIZE;
  const scope = scopeOf(actor, 'inventory.counts.view');
  const locationIds =
    scope && opts.locationIds ? opts.locationIds.filter((id) => scope.includes(id)) : (opts.locationIds ?? scope);
  if (locationIds && locationIds.length === 0) return { counts: [], next: null };
  const cursor = decodeCursor(opts.before);
  const rows = await db
    .select({
      id: inventoryCounts.id,
      number: inventoryCounts.number,
      status: inventoryCounts.status,
      scope: inventoryCounts.scope,
      locationName: localNameSql(locations, opts.locale),
      timeZone: locations.timeZone,
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
    next: rows.length > limit ? encodeCursor(page[page.length - 1]) : null,
  };
}
