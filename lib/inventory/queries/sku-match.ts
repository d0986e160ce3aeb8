import { sql, type SQL } from 'drizzle-orm';

export type SkuMatchOptions = {
  /** 'prefix' (the list: a barcode's first digits narrow it) or 'exact' (search as you type: every barcode shares its first digits). */
  barcode?: 'prefix' | 'exact';
  /**
   * At most this many SKUs by SKU prefix, the first in code order (the exact SKU always among them):
   * search as you type shows a few, where "VF" begins thousands of SKUs. `~<~` is the order of
   * variants_sku_prefix_idx (text_pattern_ops), so the range stops after them. Without it, every
   * one (the list pages them).
   */
  codeLimit?: number;
  /**
   * At most this many products by name, the closest first (word similarity, then name): search as
   * you type reads the variants of a few products, where "pull" names hundreds. On the large
   * data set, 'pull' 60 → 15 ms, 'mariniere' 26 → 10 ms warm (the list pages them all).
   */
  nameLimit?: number;
};

/**
 * The one rule for finding SKUs from what someone typed, for the inventory list and the SKU search
 * (GET /inventory/sku-search): a FROM source defining `v` (id, sku, barcode) and `p` (name, brand,
 * category). Without a term, every variant. With one, the SKUs whose SKU (in any case) or barcode
 * starts with it, else — only when none does, so "PULL-M" does not drown in names — those whose
 * product name has a word like it, accents and case aside (search_fold, migration 0018): trigram
 * word similarity, typo-tolerant, or the term inside the name. Each branch reads its own index
 * (variants_sku_prefix_idx, variants_barcode_prefix_idx, products_name_fold_trgm_idx); a term of one
 * or two letters has no trigram, so it matches name starts.
 */
export function skuMatchSource(q: string | undefined, opts: SkuMatchOptions = {}): SQL {
  const term = q?.trim();
  if (!term) return sql`variants v join products p on p.id = v.product_id`;
  const escaped = term.replace(/[\\%_]/g, (c) => `\\${c}`);
  const prefix = `${escaped}%`;
  const name = sql`search_fold(pp.name)`;
  const folded = sql`search_fold(${term})`;
  const inside = sql`search_fold(${`%${escaped}%`})`;
  // A phrase ("pul marn") is compared with the whole name as well as with its words.
  const nameMatch =
    term.length < 3
      ? sql`${name} like search_fold(${prefix})`
      : /\s/.test(term)
        ? sql`(${name} % ${folded} or ${folded} <% ${name} or ${name} like ${inside})`
        : sql`(${folded} <% ${name} or ${name} like ${inside})`;
  const bySku =
    opts.codeLimit === undefined
      ? sql`select id from variants where sku like upper(${prefix})`
      : sql`select id from variants where sku = upper(${term})
          union (select id from variants where sku like upper(${prefix}) order by sku using ~<~ limit ${opts.codeLimit})`;
  const byBarcode =
    opts.barcode === 'exact'
      ? sql`select id from variants where barcode = ${term}`
      : sql`select id from variants where barcode like ${prefix}`;
  const namedProducts =
    opts.nameLimit === undefined
      ? sql`products pp`
      : sql`(select * from products pp where not exists (select 1 from code_hits) and ${nameMatch}
          order by word_similarity(${folded}, ${name}) desc, pp.name limit ${opts.nameLimit}) pp`;
  // Matching products lead to their variants by index (the fenced lateral keeps the planner from
  // scanning every variant), and carry their own columns so `p` needs no second join.
  return sql`(
      with code_hits as (${bySku} union ${byBarcode})
      select vv.id, vv.sku, vv.barcode, pp.name, pp.brand, pp.category
      from code_hits c join variants vv on vv.id = c.id join products pp on pp.id = vv.product_id
      union all
      select vv.id, vv.sku, vv.barcode, pp.name, pp.brand, pp.category
      from ${namedProducts}
        cross join lateral (select id, sku, barcode from variants where product_id = pp.id offset 0) vv
      where not exists (select 1 from code_hits) and ${nameMatch}
    ) v cross join lateral (select v.name, v.brand, v.category) p`;
}

/** Whether a SKU of the source (`v`) is exactly what was typed, as its SKU (in any case) or its barcode: shown first. */
export function exactCodeSql(q: string): SQL {
  const term = q.trim();
  return sql`(v.sku = upper(${term}) or v.barcode = ${term})`;
}

/** How closely a product name (`p.name` of the source) matches the term, accents and case aside: 0 to 1. */
export function nameSimilaritySql(q: string): SQL {
  return sql`word_similarity(search_fold(${q.trim()}), search_fold(p.name))`;
}
