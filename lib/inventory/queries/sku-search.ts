import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { inventoryLevels } from '@/db/schema';
import { availableToPromiseSql } from '../rules';
import type { SkuLookup } from './sku-detail';
import { exactCodeSql, nameSimilaritySql, skuMatchSource } from './sku-match';

/** A SKU as search as you type offers it (GET /inventory/sku-search): the lookup's SKU without its stock per location. */
export type SkuSuggestion = Omit<SkuLookup, 'levels'>;

/** The answer of GET /inventory/sku-search. */
export type SkuSearchResponse = { results: SkuSuggestion[] };

/**
 * SKUs for what an agent types (the phone order's item field): the exact SKU or barcode first, then
 * SKUs by SKU prefix, else by product name (words, typos, accents aside) — skuMatchSource, the
 * inventory list's rule — closest names first; at most `limit`, none for a blank term.
 */
export async function searchSkus(db: DbOrTx, q: string, opts: { limit: number }): Promise<SkuSuggestion[]> {
  const term = q.trim();
  if (!term) return [];
  const l = alias(inventoryLevels, 'l');
  // Rank within the limit first, then read the few SKUs' prices and stock.
  const { rows } = await db.execute<{
    variant_id: string;
    sku: string;
    barcode: string | null;
    product_name: string;
    title: string;
    price_cents: number;
    currency: string;
    available: number;
  }>(sql`
    with hits as (
      select v.id, v.sku, p.name,
        ${exactCodeSql(term)} as exact,
        ${nameSimilaritySql(term)} as score
      from ${skuMatchSource(term, { barcode: 'exact', codeLimit: opts.limit, nameLimit: opts.limit })}
      order by exact desc, score desc, p.name, v.sku
      limit ${opts.limit})
    select h.id as variant_id, vv.sku, vv.barcode, h.name as product_name, vv.title, vv.price_cents, vv.currency,
      coalesce((select sum(${availableToPromiseSql(l)}) from inventory_levels l where l.variant_id = h.id), 0)::int
        as available
    from hits h join variants vv on vv.id = h.id
    order by h.exact desc, h.score desc, h.name, h.sku`);
  return rows.map((r) => ({
    variantId: r.variant_id,
    sku: r.sku,
    barcode: r.barcode,
    productName: r.product_name,
    title: r.title,
    priceCents: Number(r.price_cents),
    currency: r.currency,
    available: Number(r.available),
  }));
}
