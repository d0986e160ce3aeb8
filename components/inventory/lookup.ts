import type { SkuLookup } from '@/lib/inventory/queries/sku-detail';

/** Looks a SKU or barcode up (GET /inventory/lookup); null when no SKU has it. Throws on anything else (network, session). */
export async function lookupCode(code: string): Promise<SkuLookup | null> {
  const res = await fetch(`/inventory/lookup?code=${encodeURIComponent(code)}`, {
    headers: { accept: 'application/json' },
  });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`lookup failed: ${res.status}`);
  return (await res.json()) as SkuLookup;
}
