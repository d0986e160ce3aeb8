import Papa from 'papaparse';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { inventoryCounts } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError, Forbidden } from '@/lib/errors';
import { bookCountedLines, lockCountsAt, refuseOpenCountClash } from './counts';
import { changeStock } from './ledger';
import { findVariantsByCodes } from './queries/codes';
import type { InventoryRow } from './queries/list';

/**
 * A text cell a spreadsheet would run as a formula (OWASP CSV injection): = + - @, tab or CR first.
 * Papa's own default pattern misses a value with a line break after the formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 CSV of the current inventory view (one row per SKU, totals across the chosen locations).
 * Text cells that would start a formula get a leading single quote (a spreadsheet then shows them
 * as text); quantities are numbers and stay numbers, negative ones included.
 */
export function inventoryToCsv(rows: InventoryRow[], locationCodes: Map<string, string>): string {
  const locIds = rows[0]?.perLocation.map((l) => l.locationId) ?? [];
  const header = [
    'sku',
    'barcode',
    'product',
    'variant',
    'brand',
    'category',
    'on_hand',
    'reserved',
    'available',
    ...locIds.flatMap((id) => {
      const code = locationCodes.get(id) ?? id;
      return [`${code}_on_hand`, `${code}_available`];
    }),
  ];
  const data = rows.map((r) => [
    r.sku,
    r.barcode ?? '',
    r.productName,
    r.variantTitle,
    r.brand,
    r.category,
    r.onHand,
    r.reserved,
    r.available,
    ...r.perLocation.flatMap((l) => [l.onHand, l.available]),
  ]);
  return Papa.unparse({ fields: header, data }, { newline: '\r\n', escapeFormulae: FORMULA_START });
}

export type CsvImportKind = 'count' | 'receipt';
/** Stable per-row codes so the UI can translate; `message` stays in English for logs and the API. */
export const CSV_ROW_ERROR_CODES = [
  'parse_error',
  'missing_columns',
  'no_rows',
  'too_many_rows',
  'missing_sku',
  'unknown_code',
  'not_whole_number',
  'receipt_below_one',
  'count_negative',
  'too_large',
  'duplicate',
] as const;
export type CsvRowErrorCode = (typeof CSV_ROW_ERROR_CODES)[number];
export type CsvRowError = {
  row: number;
  code: CsvRowErrorCode;
  message: string;
  /** Values the message names (the code, the raw quantity, the first row of a duplicate…). */
  params?: Record<string, string | number>;
};
export type ParsedStockLine = { row: number; variantId: string; sku: string; quantity: number };

const MAX_ROWS = 5000;

/**
 * Parses and validates every row first: a SKU or barcode that exists, a whole quantity (≥ 1 for
 * receipts, ≥ 0 for counts), no SKU twice. Row numbers are the file's lines (header = 1).
 */
export async function parseStockCsv(
  db: DbOrTx,
  kind: CsvImportKind,
  text: string,
): Promise<{ lines: ParsedStockLine[]; errors: CsvRowError[] }> {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const errors: CsvRowError[] = parsed.errors.map((e) => ({
    row: (e.row ?? 0) + 2,
    code: 'parse_error',
    message: e.message,
  }));
  const fields = parsed.meta.fields ?? [];
  const codeField = fields.find((f) => ['sku', 'barcode', 'ean'].includes(f));
  const qtyField = fields.find((f) => ['quantity', 'qty', 'counted', 'quantite', 'quantité'].includes(f));
  if (!codeField || !qtyField) {
    return {
      lines: [],
      errors: [
        {
          row: 1,
          code: 'missing_columns',
          message: 'The header must name a "sku" (or "barcode") column and a "quantity" column.',
        },
      ],
    };
  }
  if (parsed.data.length === 0)
    return { lines: [], errors: [{ row: 2, code: 'no_rows', message: 'The file has no rows.' }] };
  if (parsed.data.length > MAX_ROWS) {
    return {
      lines: [],
      errors: [
        {
          row: MAX_ROWS + 2,
          code: 'too_many_rows',
          message: `At most ${MAX_ROWS} rows per file.`,
          params: { max: MAX_ROWS },
        },
      ],
    };
  }

  // An exported cell neutralised against formulas ('=…) reads back as the code it was.
  const codeOf = (record: Record<string, string>) => (record[codeField] ?? '').trim().replace(/^'(?=[=+\-@\t\r])/, '');
  const byCode = await findVariantsByCodes(db, parsed.data.map(codeOf));

  const lines: ParsedStockLine[] = [];
  const seen = new Map<string, number>();
  parsed.data.forEach((record, i) => {
    const row = i + 2;
    const code = codeOf(record);
    const raw = (record[qtyField] ?? '').trim();
    const variant = byCode.get(code);
    const quantity = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
    if (!code) return errors.push({ row, code: 'missing_sku', message: 'SKU is missing.' });
    if (!variant)
      return errors.push({ row, code: 'unknown_code', message: `Unknown SKU or barcode "${code}".`, params: { code } });
    if (!Number.isSafeInteger(quantity)) {
      return errors.push({
        row,
        code: 'not_whole_number',
        message: `Quantity "${raw}" is not a whole number.`,
        params: { value: raw },
      });
    }
    if (quantity < (kind === 'receipt' ? 1 : 0)) {
      return errors.push(
        kind === 'receipt'
          ? { row, code: 'receipt_below_one', message: 'A received quantity must be at least 1.' }
          : { row, code: 'count_negative', message: 'A count cannot be negative.' },
      );
    }
    if (quantity > 1_000_000) return errors.push({ row, code: 'too_large', message: 'Quantity is too large.' });
    const dup = seen.get(variant.id);
    if (dup) {
      return errors.push({
        row,
        code: 'duplicate',
        message: `${variant.sku} already appears on row ${dup}.`,
        params: { sku: variant.sku, first: dup },
      });
    }
    seen.set(variant.id, row);
    lines.push({ row, variantId: variant.id, sku: variant.sku, quantity });
  });
  errors.sort((a, b) => a.row - b.row);
  return { lines, errors };
}

/**
 * Imports a counts or receipts file at one location: nothing is applied unless every row is
 * valid, then everything is applied in one transaction (counts as an applied cycle count).
 */
export async function importStockCsv(
  db: Db,
  actor: Actor,
  input: { locationId: string; kind: CsvImportKind; text: string; reference?: string },
): Promise<{ applied: number; changed: number }> {
  if (!can(actor, 'inventory.adjust', input.locationId))
    throw new Forbidden('You cannot change stock at this location.');
  const { lines, errors } = await parseStockCsv(db, input.kind, input.text);
  if (errors.length > 0) {
    throw new DomainError('validation_failed', `${errors.length} row(s) have errors; nothing was imported.`, {
      rows: errors,
    });
  }
  return db.transaction(async (tx) => {
    const sorted = [...lines].sort((a, b) => a.variantId.localeCompare(b.variantId));
    let changed = 0;
    if (input.kind === 'receipt') {
      const reference = input.reference?.trim() || 'CSV import';
      for (const line of sorted) {
        await changeStock(tx, {
          variantId: line.variantId,
          locationId: input.locationId,
          deltaOnHand: line.quantity,
          reason: 'receipt',
          referenceType: 'receipt',
          referenceId: reference,
          actorId: actor.userId,
        });
        changed += 1;
      }
    } else {
      await lockCountsAt(tx, input.locationId);
      const [count] = await tx
        .insert(inventoryCounts)
        .values({
          number: sql`'CC-' || nextval('count_number_seq')`,
          locationId: input.locationId,
          scope: 'csv',
          status: 'applied',
          createdById: actor.userId,
          closedAt: sql`now()`,
        })
        .returning({ id: inventoryCounts.id });
      // Each line expects the on hand of now; booking it goes through the rule of applyCount.
      const { rows: expected } = await tx.execute<{ variant_id: string; expected: number }>(sql`
        insert into inventory_count_lines (count_id, variant_id, expected, counted, counted_at)
        select ${count.id}, x.variant_id, coalesce(l.on_hand, 0), x.counted, now()
        from (values ${sql.join(
          sorted.map((l) => sql`(${l.variantId}::uuid, ${l.quantity}::int)`),
          sql`, `,
        )}) as x(variant_id, counted)
        left join inventory_levels l on l.variant_id = x.variant_id and l.location_id = ${input.locationId}
        returning variant_id, expected`);
      // A count still open on these SKUs would book its difference again when applied.
      await refuseOpenCountClash(tx, input.locationId, count.id);
      const expectedOf = new Map(expected.map((r) => [r.variant_id, Number(r.expected)]));
      const booked = await bookCountedLines(
        tx,
        { id: count.id, locationId: input.locationId, actorId: actor.userId },
        sorted.map((l) => ({
          variantId: l.variantId,
          expected: expectedOf.get(l.variantId) ?? 0,
          counted: l.quantity,
          label: `row ${l.row} (${l.sku})`,
        })),
      );
      if (booked.short.length > 0) {
        throw new DomainError(
          'stock_conflict',
          `Counted below what is reserved for orders: ${booked.short.join(', ')}. Nothing was imported.`,
        );
      }
      changed = booked.changed;
    }
    await writeAudit(tx, {
      actorId: actor.userId,
      action: `inventory.import_${input.kind}`,
      entityType: 'location',
      entityId: input.locationId,
      data: { rows: lines.length, changed },
    });
    return { applied: lines.length, changed };
  });
}
