import type { SkuLookup } from '@/lib/inventory/queries/sku-detail';

/** One line of a receipt or transfer being entered (shared by the editor and the pages that pre-fill it). */
export type EditorLine = {
  variantId: string;
  sku: string;
  productName: string;
  title: string;
  /** As typed, so a half-typed number does not jump. */
  quantity: string;
  levels: SkuLookup['levels'];
};

export function lineFromLookup(found: SkuLookup, quantity = 1): EditorLine {
  return {
    variantId: found.variantId,
    sku: found.sku,
    productName: found.productName,
    title: found.title,
    quantity: String(quantity),
    levels: found.levels,
  };
}

export function parseQuantity(value: string): number | null {
  return /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
}

/** A change of stock as typed ("-2", "−2", "3"), for a preview; null while it is no whole number. */
export function signedQuantity(value: string): number | null {
  const v = value.trim().replace('−', '-');
  return /^-?\d+$/.test(v) ? Number(v) : null;
}
