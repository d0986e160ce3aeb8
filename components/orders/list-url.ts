import { queryHref } from '@/lib/http/query-href';
import type { OrderListQuery } from '@/lib/orders/schemas';

export type OrderListParams = Partial<OrderListQuery>;

/**
 * The URL of an orders view; empty values and the default sort are left out so shared links stay
 * short. The page's links and the filter bar (from its form's fields) write it; the page reads it
 * with ZOrderListQuery, which drops what is malformed.
 */
export function ordersHref(query: OrderListParams, patch: OrderListParams = {}, base = '/orders'): string {
  const q: OrderListParams = { ...query, ...patch };
  return queryHref(
    base,
    {
      view: q.view,
      q: q.q,
      tag: q.tag,
      channel: q.channel,
      status: q.status,
      fulfilment: q.fulfilment,
      location: q.location,
      customer: q.customer,
      from: q.from,
      to: q.to,
      dir: q.dir,
      after: q.after,
    },
    { dir: 'desc' },
  );
}

/** Does the view narrow the list (anything but the tab, the sort and the page)? */
export function hasFilters(query: OrderListParams): boolean {
  return Boolean(
    query.q ||
    query.tag ||
    query.channel ||
    query.status ||
    query.fulfilment ||
    query.location ||
    query.customer ||
    query.from ||
    query.to,
  );
}
