import type { OrderListQuery } from '@/lib/orders/schemas';

export type OrderListParams = Partial<OrderListQuery>;

const KEYS = ['q', 'channel', 'status', 'fulfilment', 'location', 'customer', 'from', 'to', 'dir', 'after'] as const;

/** The URL of an orders view; defaults and empty values are left out so shared links stay short. */
export function ordersHref(query: OrderListParams, patch: OrderListParams = {}, base = '/orders'): string {
  const merged: OrderListParams = { ...query, ...patch };
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = merged[key];
    if (!value || (key === 'dir' && value === 'desc')) continue;
    params.set(key, value);
  }
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}

/** Does the view narrow the list (anything but the sort and the page)? */
export function hasFilters(query: OrderListParams): boolean {
  return Boolean(
    query.q ||
    query.channel ||
    query.status ||
    query.fulfilment ||
    query.location ||
    query.customer ||
    query.from ||
    query.to,
  );
}
