import { createSerializer, parseAsArrayOf, parseAsInteger, parseAsString, parseAsStringLiteral } from 'nuqs/server';
import { INVENTORY_SORTS, STOCK_STATUSES } from '@/lib/inventory/constants';
import type { InventoryListQuery } from '@/lib/inventory/schemas';

export type InventoryListParams = Partial<Omit<InventoryListQuery, 'loc'>> & { loc?: readonly string[] };

/**
 * The /inventory view's URL keys, as nuqs reads and writes them: the filters bind to these, and
 * the pages build their links with the same serializer. The page itself still reads the URL with
 * ZInventoryListQuery, which drops what is malformed.
 */
export const inventoryListParsers = {
  loc: parseAsArrayOf(parseAsString, ','),
  q: parseAsString,
  category: parseAsString,
  brand: parseAsString,
  status: parseAsStringLiteral(STOCK_STATUSES),
  sort: parseAsStringLiteral(INVENTORY_SORTS).withDefault('name'),
  dir: parseAsStringLiteral(['asc', 'desc'] as const).withDefault('asc'),
  page: parseAsInteger.withDefault(1),
};

const serialize = createSerializer(inventoryListParsers);

/** The URL of a /inventory view; defaults are left out so shared links stay short. */
export function inventoryListHref(
  query: InventoryListParams,
  patch: InventoryListParams = {},
  base = '/inventory',
): string {
  const q = { ...query, ...patch };
  return serialize(base, {
    loc: q.loc?.length ? [...q.loc] : null,
    q: q.q || null,
    category: q.category || null,
    brand: q.brand || null,
    status: q.status ?? null,
    sort: q.sort ?? null,
    dir: q.dir ?? null,
    page: q.page ?? null,
  });
}
