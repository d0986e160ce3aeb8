import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { customerDuplicates, customerMerges, customers } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError, Forbidden, NotFound } from '@/lib/errors';
import { orderAmountColumns, sqlReturnedRefundCents } from '@/lib/orders/amounts';
import { ERASED_ACTION, erasedAt } from './privacy';
import {
  MERGE_FIELDS,
  ZMergeCustomersInput,
  ZUndoMergeInput,
  type MergeCustomersInput,
  type MergeField,
  type UndoMergeInput,
} from './schemas';

/**
 * Every (table, column) that points at a customer and follows them into a merge: the rows of the
 * merged customer move to the survivor, one update each, and the merge journal keeps their ids
 * (each table has an `id` primary key) so that an undo moves exactly those back. A table that
 * gains a customer reference (loyalty entries, stock alerts…) adds one line here — see
 * CONTRIBUTING.md. `customers.merged_into_id`: profiles merged earlier into the merged customer
 * redirect to the survivor from now on.
 */
export const CUSTOMER_REFERENCES = [
  { table: 'orders', column: 'customer_id' },
  { table: 'customer_identities', column: 'customer_id' },
  { table: 'customer_notes', column: 'customer_id' },
  { table: 'loyalty_entries', column: 'customer_id' },
  { table: 'stock_alerts', column: 'customer_id' },
  { table: 'customers', column: 'merged_into_id' },
] as const satisfies readonly { table: string; column: string }[];

const FIELD_COLUMNS = {
  firstName: customers.firstName,
  lastName: customers.lastName,
  email: customers.email,
  phone: customers.phone,
  locale: customers.locale,
} satisfies Record<MergeField, unknown>;

type Fields = Record<MergeField, string | null>;
type Summary = { orderCount: number; lifetimeValueCents: number; lastOrderAt: string | null };
type ProfileRow = Fields & Summary & { id: string; mergedIntoId: string | null };

/** What a merge journal holds beside the ids it moved. */
type MergeBefore = {
  survivor: Fields;
  merged: Fields & Summary;
  /** The suggestion of this pair and its status before the merge, if there was one. */
  suggestion: {
    id: string;
    status: 'open' | 'dismissed' | 'merged';
    decidedById: string | null;
    decidedAt: string | null;
  } | null;
};

export type MergeResult = { mergeId: string; survivorId: string; moved: Record<string, number> };

const PROFILE = {
  id: customers.id,
  mergedIntoId: customers.mergedIntoId,
  ...FIELD_COLUMNS,
  orderCount: customers.orderCount,
  lifetimeValueCents: customers.lifetimeValueCents,
  lastOrderAt: sql<string | null>`${customers.lastOrderAt}::text`,
};

async function lockProfiles(tx: Tx, ids: string[]): Promise<Map<string, ProfileRow>> {
  // Locked in id order: two merges of the same customers cannot deadlock.
  const rows = await tx
    .select(PROFILE)
    .from(customers)
    .where(
      sql`${customers.id} in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    )
    .orderBy(customers.id)
    .for('update');
  return new Map(rows.map((r) => [r.id, r as ProfileRow]));
}

/** Fields as the update sets them (first and last names are never null). */
const asColumns = (f: Partial<Fields>) =>
  ({
    ...f,
    ...(f.firstName !== undefined ? { firstName: f.firstName ?? '' } : {}),
    ...(f.lastName !== undefined ? { lastName: f.lastName ?? '' } : {}),
  }) as Partial<typeof customers.$inferInsert>;

const pick = (row: ProfileRow): Fields => Object.fromEntries(MERGE_FIELDS.map((f) => [f, row[f] ?? null])) as Fields;

/** What an order `o`'s returns refunded, from the value of its units back `r.cents` (as lib/seed/rollups.ts). */
const REFUNDED = sql.raw(sqlReturnedRefundCents(orderAmountColumns('o'), 'coalesce(r.cents, 0)'));

/** The summary of a customer's orders, as ingestion, cancellations and returns keep it. */
function summaryFromOrders(customerId: string) {
  return sql`(select count(*)::int, coalesce(sum(o.total_cents - ${REFUNDED}) filter (where o.status <> 'cancelled'), 0)::bigint,
      max(o.placed_at) from orders o
      left join lateral (select sum(l.quantity_returned::bigint * l.unit_price_cents) as cents
        from order_lines l where l.order_id = o.id and l.quantity_returned > 0) r on true
      where o.customer_id = ${customerId}::uuid)`;
}

async function recountSummary(tx: Tx, customerId: string) {
  await tx.execute(sql`update customers set (order_count, lifetime_value_cents, last_order_at) = ${summaryFromOrders(customerId)}
    where id = ${customerId}::uuid`);
}

/** The suggestion of a pair, whichever way round it is given. */
function pairIs(a: string, b: string) {
  return sql`${customerDuplicates.customerId} = least(${a}::uuid, ${b}::uuid) and ${customerDuplicates.otherCustomerId} = greatest(${a}::uuid, ${b}::uuid)`;
}

/**
 * Merges `mergedId` into `survivorId` (agents and owners: customers.merge), in one transaction:
 * every row of CUSTOMER_REFERENCES moves to the survivor, the survivor takes the merged
 * customer's value for each field chosen so, its summary counts both customers' orders, the merged
 * profile becomes a redirect to the survivor, the pair's suggestion is marked merged, and a journal
 * row (customer_merges) and an audit row record what moved and what was replaced. New orders for
 * the merged customer's identities land on the survivor: the identities are the survivor's now.
 * Refused (conflict) when either customer was merged already or had their data erased.
 */
export async function mergeCustomers(db: Db, actor: Actor, raw: MergeCustomersInput): Promise<MergeResult> {
  if (!can(actor, 'customers.merge')) throw new Forbidden('Only an agent or an owner can merge customers.');
  const input = ZMergeCustomersInput.parse(raw);
  const { survivorId, mergedId } = input;
  return db.transaction(async (tx) => {
    const rows = await lockProfiles(tx, [survivorId, mergedId]);
    const survivor = rows.get(survivorId);
    const merged = rows.get(mergedId);
    if (!survivor || !merged) throw new NotFound('Customer');
    for (const c of [survivor, merged])
      if (c.mergedIntoId)
        throw new DomainError('conflict', 'This customer was already merged into another one.', { customerId: c.id });
    for (const c of [survivor, merged])
      if (await erasedAt(tx, c.id))
        throw new DomainError('conflict', 'This customer’s data was erased: it cannot be merged.', {
          reason: 'erased',
          customerId: c.id,
        });

    const [suggestion] = await tx
      .select({
        id: customerDuplicates.id,
        status: customerDuplicates.status,
        decidedById: customerDuplicates.decidedById,
        decidedAt: sql<string | null>`${customerDuplicates.decidedAt}::text`,
      })
      .from(customerDuplicates)
      .where(pairIs(survivorId, mergedId))
      .for('update');

    const moved: Record<string, string[]> = {};
    // Both waiting for the same SKU at the same place: the survivor's wish stands, the merged one's
    // is cancelled (one waiting alert per customer, SKU and place; it would not move otherwise).
    await tx.execute(sql`
      update stock_alerts m set status = 'cancelled', cancelled_at = now()
      where m.customer_id = ${mergedId}::uuid and m.status = 'waiting' and exists (
        select 1 from stock_alerts s where s.customer_id = ${survivorId}::uuid and s.status = 'waiting'
          and s.variant_id = m.variant_id and s.location_id is not distinct from m.location_id)`);
    for (const ref of CUSTOMER_REFERENCES) {
      const table = sql.identifier(ref.table);
      const column = sql.identifier(ref.column);
      const { rows: ids } = await tx.execute<{ id: string }>(
        sql`update ${table} set ${column} = ${survivorId}::uuid where ${column} = ${mergedId}::uuid returning id`,
      );
      moved[`${ref.table}.${ref.column}`] = ids.map((r) => r.id).sort();
    }

    const taken = Object.fromEntries(
      MERGE_FIELDS.filter((f) => input.fields[f] === 'merged').map((f) => [f, merged[f] ?? null]),
    ) as Partial<Fields>;
    await tx
      .update(customers)
      .set({ mergedIntoId: survivorId, mergedAt: sql`now()`, orderCount: 0, lifetimeValueCents: 0, lastOrderAt: null })
      .where(eq(customers.id, mergedId));
    if (Object.keys(taken).length) await tx.update(customers).set(asColumns(taken)).where(eq(customers.id, survivorId));
    await recountSummary(tx, survivorId);
    const [after] = await tx.select(PROFILE).from(customers).where(eq(customers.id, survivorId));

    if (suggestion)
      await tx
        .update(customerDuplicates)
        .set({ status: 'merged', decidedById: actor.userId, decidedAt: sql`now()` })
        .where(eq(customerDuplicates.id, suggestion.id));

    const before: MergeBefore = {
      survivor: pick(survivor),
      merged: {
        ...pick(merged),
        orderCount: merged.orderCount,
        lifetimeValueCents: merged.lifetimeValueCents,
        lastOrderAt: merged.lastOrderAt,
      },
      suggestion: suggestion ?? null,
    };
    const [journal] = await tx
      .insert(customerMerges)
      .values({ survivorId, mergedId, actorId: actor.userId, moved, before, after: pick(after as ProfileRow) })
      .returning({ id: customerMerges.id });
    const counts = Object.fromEntries(Object.entries(moved).map(([k, ids]) => [k, ids.length]));
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'customer.merge',
      entityType: 'customer',
      entityId: survivorId,
      data: {
        mergeId: journal.id,
        survivorId,
        mergedId,
        moved: counts,
        replaced: Object.fromEntries(
          Object.keys(taken).map((f) => [f, { before: survivor[f as MergeField], after: taken[f as MergeField] }]),
        ),
      },
    });
    return { mergeId: journal.id, survivorId, moved: counts };
  });
}

export type UndoResult = { survivorId: string; mergedId: string };

/**
 * Undoes a merge from its journal (customers.merge), in one transaction: the rows it moved go
 * back to the merged customer, the survivor's replaced fields get their values back, both
 * summaries are counted again from their orders (an order placed on the survivor since stays
 * there), the merged profile is a profile again and the pair's suggestion gets its status back;
 * the journal row is marked undone and an audit row says so.
 *
 * Refused (conflict, saying why) when undoing would lose or overwrite something done since:
 * the merge was undone already; either customer has since been merged into another one; the
 * survivor's contact details or name were edited after the merge (the fields named); the survivor's
 * data was erased since (the journal no longer holds what to put back); or a row the merge moved
 * no longer belongs to the survivor (moved by a later merge, or deleted).
 */
export async function undoMerge(db: Db, actor: Actor, raw: UndoMergeInput): Promise<UndoResult> {
  if (!can(actor, 'customers.merge')) throw new Forbidden('Only an agent or an owner can undo a merge.');
  const { mergeId } = ZUndoMergeInput.parse(raw);
  return db.transaction(async (tx) => {
    const [journal] = await tx.select().from(customerMerges).where(eq(customerMerges.id, mergeId)).for('update');
    if (!journal) throw new NotFound('Merge');
    if (journal.undoneAt) throw new DomainError('conflict', 'This merge was undone already.', { reason: 'undone' });
    const { survivorId, mergedId } = journal;
    const rows = await lockProfiles(tx, [survivorId, mergedId]);
    const survivor = rows.get(survivorId)!;
    const merged = rows.get(mergedId)!;
    if (survivor.mergedIntoId)
      throw new DomainError(
        'conflict',
        'The survivor has since been merged into another customer: undo that merge first.',
        {
          reason: 'survivor_merged',
          customerId: survivor.mergedIntoId,
        },
      );
    if (merged.mergedIntoId !== survivorId)
      throw new DomainError('conflict', 'The merged customer no longer redirects to the survivor.', {
        reason: 'redirect_changed',
      });
    // The erasure emptied the journal's copies of the person's details: there is nothing to put back.
    if (await erasedAt(tx, survivorId))
      throw new DomainError('conflict', 'This customer’s data was erased: the merge cannot be undone.', {
        reason: 'erased',
      });
    const after = journal.after as Fields;
    const edited = MERGE_FIELDS.filter((f) => (survivor[f] ?? null) !== (after[f] ?? null));
    if (edited.length)
      throw new DomainError(
        'conflict',
        `The survivor's ${edited.join(', ')} changed after the merge: undoing it would overwrite the change.`,
        { reason: 'survivor_edited', fields: edited },
      );

    const moved = journal.moved as Record<string, string[]>;
    const refs = new Map<string, { table: string; column: string }>(
      CUSTOMER_REFERENCES.map((r) => [`${r.table}.${r.column}`, r]),
    );
    for (const [key, ids] of Object.entries(moved)) {
      if (ids.length === 0) continue;
      const ref = refs.get(key);
      if (!ref)
        throw new DomainError('conflict', `The merge moved rows of ${key}, which merges no longer know.`, {
          reason: 'unknown_reference',
        });
      const { rows: back } = await tx.execute<{ id: string }>(
        sql`update ${sql.identifier(ref.table)} set ${sql.identifier(ref.column)} = ${mergedId}::uuid
          where id in (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}) and ${sql.identifier(ref.column)} = ${survivorId}::uuid returning id`,
      );
      if (back.length !== ids.length)
        throw new DomainError(
          'conflict',
          `${ids.length - back.length} of the ${key.split('.')[0]} rows the merge moved no longer belong to the survivor.`,
          { reason: 'rows_moved', table: key },
        );
    }

    const before = journal.before as MergeBefore;
    await tx.update(customers).set(asColumns(before.survivor)).where(eq(customers.id, survivorId));
    await tx.update(customers).set({ mergedIntoId: null, mergedAt: null }).where(eq(customers.id, mergedId));
    await recountSummary(tx, survivorId);
    await recountSummary(tx, mergedId);
    if (before.suggestion) {
      const { id, status, decidedById, decidedAt } = before.suggestion;
      await tx
        .update(customerDuplicates)
        .set({ status, decidedById, decidedAt: sql`${decidedAt}::timestamptz` })
        .where(eq(customerDuplicates.id, id));
    }
    await tx
      .update(customerMerges)
      .set({ undoneAt: sql`now()`, undoneById: actor.userId })
      .where(eq(customerMerges.id, mergeId));
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'customer.merge_undo',
      entityType: 'customer',
      entityId: survivorId,
      data: {
        mergeId,
        survivorId,
        mergedId,
        moved: Object.fromEntries(Object.entries(moved).map(([k, ids]) => [k, ids.length])),
      },
    });
    return { survivorId, mergedId };
  });
}

/**
 * The latest merge into a customer that is not undone, with the merged profile's name, for the
 * profile's 'Undo merge'; none once the customer's data was erased (undoMerge refuses it).
 */
export async function latestUndoableMerge(db: Db, survivorId: string) {
  const [row] = await db
    .select({
      id: customerMerges.id,
      mergedId: customerMerges.mergedId,
      mergedAt: customerMerges.mergedAt,
      mergedFirstName: customers.firstName,
      mergedLastName: customers.lastName,
      mergedEmail: customers.email,
    })
    .from(customerMerges)
    .innerJoin(customers, eq(customers.id, customerMerges.mergedId))
    .where(
      and(
        eq(customerMerges.survivorId, survivorId),
        sql`${customerMerges.undoneAt} is null`,
        sql`not exists (select 1 from audit_log e where e.entity_type = 'customer' and e.entity_id = ${survivorId}
          and e.action = ${ERASED_ACTION})`,
      ),
    )
    .orderBy(sql`${customerMerges.mergedAt} desc`)
    .limit(1);
  return row ?? null;
}
