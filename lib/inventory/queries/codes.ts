import { inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { variants } from '@/db/schema';

export type CodedVariant = { id: string; sku: string };

/**
 * What a scanned or typed code names, the one rule for every place that takes codes (the scan field, the
 * lookup, counts, CSV imports): a variant's barcode exactly as given, or its SKU in any case (SKUs are
 * stored upper-case). Codes are trimmed; the map is keyed by each trimmed code, and a code that names
 * nothing is absent from it. One query for any number of codes.
 */
export async function findVariantsByCodes(db: DbOrTx, codes: Iterable<string>): Promise<Map<string, CodedVariant>> {
  const wanted = [...new Set([...codes].map((c) => c.trim()).filter(Boolean))];
  const byCode = new Map<string, CodedVariant>();
  if (wanted.length === 0) return byCode;
  const found = await db
    .select({ id: variants.id, sku: variants.sku, barcode: variants.barcode })
    .from(variants)
    .where(
      or(inArray(variants.barcode, wanted), inArray(variants.sku, [...new Set(wanted.map((c) => c.toUpperCase()))])),
    );
  const bySku = new Map(found.map((v) => [v.sku, v]));
  const byBarcode = new Map(found.filter((v) => v.barcode).map((v) => [v.barcode!, v]));
  for (const code of wanted) {
    // A barcode that happens to equal another variant's SKU names the barcode's variant.
    const v = byBarcode.get(code) ?? bySku.get(code.toUpperCase());
    if (v) byCode.set(code, { id: v.id, sku: v.sku });
  }
  return byCode;
}

/** One code → its variant, or null (see findVariantsByCodes). */
export async function findVariantByCode(db: DbOrTx, code: string): Promise<CodedVariant | null> {
  return (await findVariantsByCodes(db, [code])).get(code.trim()) ?? null;
}
