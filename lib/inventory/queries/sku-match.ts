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
  /**
   * The source's rows come in product name order ('asc' or 'desc'; a product's SKUs in code
   * order), for a caller sorting by name then SKU with a limit: PostgreSQL then sorts the matching
   * products alone and reads the variants of the first few (an incremental sort), where sorting
   * every matching SKU cost most of the list's time ('Albane': 602 products, 2,408 SKUs).
   */
  byName?: 'asc' | 'desc';
};

/**
 * The one rule for finding SKUs from what someone typed, for the inventory list, the SKU search
 * (GET /inventory/sku-search) and the orders list's search: a FROM source defining `v` (id, sku,
 * barcode) and `p` (name, brand, category). Without a term, every variant. With one, the SKUs whose
 * SKU (in any case) or barcode starts with it, else — only when none does, so "PULL-M" does not
 * drown in names — those whose product name holds it, accents and case aside (search_fold,
 * migration 0018), else — only when none does — those whose name has words like it (trigram word
 * similarity: typos). Each branch reads its own index (variants_sku_prefix_idx,
 * variants_barcode_prefix_idx, products_name_fold_trgm_idx); a term of one or two letters has no
 * trigram, so it matches name starts.
 *
 * Names holding the term come first because the similarity is dear: its recheck makes the trigrams
 * of every candidate name (~5 µs each), where a LIKE compares bytes; a word typed right ('josephine':
 * 625 of the bench's 25,000 names) needs no guess, and one with a typo finds no name holding it.
 */
export function skuMatchSource(q: string | undefined, opts: SkuMatchOptions = {}): SQL {
  const term = q?.trim();
  if (!term) return sql`variants v join products p on p.id = v.product_id`;
  const escaped = term.replace(/[\\%_]/g, (c) => `\\${c}`);
  const prefix = `${escaped}%`;
  const name = sql`search_fold(pp.name)`;
  const folded = sql`search_fold(${term})`;
  const holds =
    term.length < 3 ? sql`${name} like search_fold(${prefix})` : sql`${name} like search_fold(${`%${escaped}%`})`;
  // A phrase ("pul marn") is compared with the whole name as well as with its words.
  const resembles = /\s/.test(term) ? sql`(${name} % ${folded} or ${folded} <% ${name})` : sql`${folded} <% ${name}`;
  const code = sql`id, sku, barcode, product_id`;
  const bySku =
    opts.codeLimit === undefined
      ? sql`select ${code} from variants where sku like upper(${prefix})`
      : sql`select ${code} from variants where sku = upper(${term})
          union (select ${code} from variants where sku like upper(${prefix}) order by sku using ~<~ limit ${opts.codeLimit})`;
  const byBarcode =
    opts.barcode === 'exact'
      ? sql`select ${code} from variants where barcode = ${term}`
      : sql`select ${code} from variants where barcode like ${prefix}`;
  const columns = sql`pp.id, pp.name, pp.brand, pp.category`;
  // Referenced twice, name_hits is computed once; the similarity branch runs only when it is empty.
  const named =
    term.length < 3
      ? sql`select * from name_hits`
      : sql`select * from name_hits
          union all
          select ${columns} from products pp
          where not exists (select 1 from code_hits) and not exists (select 1 from name_hits) and ${resembles}`;
  const namedProducts =
    opts.nameLimit === undefined
      ? named
      : sql`(select * from (${named}) pp order by word_similarity(${folded}, ${name}) desc, pp.name
          limit ${opts.nameLimit})`;
  const dir = opts.byName === 'desc' ? sql`desc` : sql`asc`;
  const productOrder = opts.byName ? sql`order by pp.name ${dir}` : sql``;
  const skuOrder = opts.byName ? sql`order by sku` : sql``;
  // One path, products then their variants: the products of the SKUs found by code, else the
  // products found by name; each product's variants by index (variants_product_idx), only those
  // found by code when a code matched. The fenced laterals keep the planner from scanning every
  // product or variant (a barcode prefix is guessed at ~1,000 SKUs, and made it merge-join the whole
  // variants key); each row carries its product's columns so `p` needs no second join.
  return sql`(
      with code_hits as (${bySku} union ${byBarcode}),
        name_hits as (select ${columns} from products pp where not exists (select 1 from code_hits) and ${holds})
      select vv.id, vv.sku, vv.barcode, pp.name, pp.brand, pp.category
      from (
        select * from (
          select ${columns} from (select distinct product_id from code_hits) c
            cross join lateral (select id, name, brand, category from products where id = c.product_id offset 0) pp
          union all
          ${namedProducts}) pp
        ${productOrder}) pp
        cross join lateral (
          select id, sku, barcode from variants
          where product_id = pp.id and (not exists (select 1 from code_hits) or id in (select id from code_hits))
          ${skuOrder} offset 0) vv
      ${productOrder}
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
