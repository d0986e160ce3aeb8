/** What /inventory/lookup answers for a scanned or typed code. */
export type LookupResult = {
  variantId: string;
  sku: string;
  barcode: string | null;
  productName: string;
  title: string;
  levels: { locationId: string; code: string; onHand: number; available: number }[];
};

/** Looks a SKU or barcode up; null when no SKU has it. Throws on anything else (network, session). */
export async function lookupCode(code: string): Promise<LookupResult | null> {
  const res = await fetch(`/inventory/lookup?code=${encodeURIComponent(code)}`, {
    headers: { accept: 'application/json' },
  });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`lookup failed: ${res.status}`);
  return (await res.json()) as LookupResult;
}
