import { queryHref } from '@/lib/http/query-href';
import type { InventoryListQuery } from '@/lib/inventory/schemas';

export type InventoryListParams = Partial<Omit<InventoryListQuery, 'loc'>> & { loc?: readonly string[] };

/**
 * The URL of a /inventory view; empty values and defaults are left out so shared links stay
 * short. The page's links and the filters (from their form's fields) write it; the page reads it
 * with ZInventoryListQuery, which drops what is malformed.
 */
export function inventoryListHref(
  query: InventoryListParams,
  patch: InventoryListParams = {},
  base = '/inventory',
): string {
  const q = { ...query, ...patch };
  return queryHref(
    base,
    {
      loc: q.loc,
      q: q.q,
      category: q.category,
      brand: q.brand,
      status: q.status,
      sort: q.sort,
      dir: q.dir,
      page: q.page,
    },
    { sort: 'name', dir: 'asc', page: 1 },
  );
}
