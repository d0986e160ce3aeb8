import { createSerializer, parseAsString, parseAsStringLiteral } from 'nuqs/server';
import { FULFILMENT_TYPES, ORDER_STATUSES, ORDER_VIEWS } from '@/lib/orders/constants';
import type { OrderListQuery } from '@/lib/orders/schemas';

export type OrderListParams = Partial<OrderListQuery>;

/**
 * The /orders view's URL keys, as nuqs reads and writes them: the filter bar binds to these, and
 * the pages build their links with the same serializer. The page itself still reads the URL with
 * ZOrderListQuery, which drops what is malformed.
 */
export const orderListParsers = {
  view: parseAsStringLiteral(ORDER_VIEWS),
  q: parseAsString,
  tag: parseAsString,
  channel: parseAsString,
  status: parseAsStringLiteral(ORDER_STATUSES),
  fulfilment: parseAsStringLiteral(FULFILMENT_TYPES),
  location: parseAsString,
  customer: parseAsString,
  from: parseAsString,
  to: parseAsString,
  dir: parseAsStringLiteral(['desc', 'asc'] as const).withDefault('desc'),
  after: parseAsString,
};

const serialize = createSerializer(orderListParsers);

/** The URL of an orders view; defaults and empty values are left out so shared links stay short. */
export function ordersHref(query: OrderListParams, patch: OrderListParams = {}, base = '/orders'): string {
  const merged: OrderListParams = { ...query, ...patch };
  const values = Object.fromEntries(Object.entries(merged).map(([key, value]) => [key, value || null]));
  return serialize(base, values);
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
