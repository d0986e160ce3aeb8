import type { InventoryListQuery } from '@/lib/inventory/schemas';

export type InventoryListParams = Partial<Omit<InventoryListQuery, 'loc'>> & { loc?: readonly string[] };

/** The URL of a /inventory view; defaults are left out so shared links stay short. */
export function inventoryListHref(
  query: InventoryListParams,
  patch: InventoryListParams = {},
  base = '/inventory',
): string {
  const q = { ...query, ...patch };
  const params = new URLSearchParams();
  if (q.loc && q.loc.length > 0) params.set('loc', q.loc.join(','));
  if (q.q) params.set('q', q.q);
  if (q.category) params.set('category', q.category);
  if (q.brand) params.set('brand', q.brand);
  if (q.status) params.set('status', q.status);
  if (q.sort && q.sort !== 'name') params.set('sort', q.sort);
  if (q.dir && q.dir !== 'asc') params.set('dir', q.dir);
  if (q.page && q.page > 1) params.set('page', String(q.page));
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}
