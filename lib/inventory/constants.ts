/**
 * The inventory's fixed vocabularies, without zod: the schemas (schemas.ts, which re-exports
 * them) are built from these, and the browser pages that only list them (the stock filters, the
 * adjust dialog's reasons) import them from here, so zod stays out of their first-load JavaScript.
 */
export const ADJUSTMENT_REASONS = [
  'found',
  'returned',
  'damaged',
  'lost',
  'theft',
  'return_to_vendor',
  'count_correction',
] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** The longest note and reference an adjustment keeps on its ledger line. */
export const ADJUSTMENT_NOTE_MAX = 500;
/** A transfer request's decision reason (declined, or fewer units sent than asked). */
export const TRANSFER_REASON_MAX = 500;
export const ADJUSTMENT_REFERENCE_MAX = 100;

export const STOCK_STATUSES = ['out', 'low', 'over'] as const;
export const INVENTORY_SORTS = ['name', 'sku', 'onHand', 'reserved', 'available'] as const;

/** The most units one quantity may say (a stock movement, a count, a channel's cap). */
export const MAX_UNITS = 1_000_000;

/** The longest bin location ("A-12", "Réserve haute 3"): db/schema's inventory_bin_length check says the same. */
export const BIN_MAX = 24;
