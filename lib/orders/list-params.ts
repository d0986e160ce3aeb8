import { cleanSearchParams, firstParam, firstValues, type SearchParams } from '@/lib/http/search-params';
import { ZOrderListQuery, type OrderListQuery } from './schemas';

/** The /orders view from its URL: anything malformed falls back to "no filter", never an error. */
export function parseOrderListParams(sp: SearchParams): OrderListQuery {
  return ZOrderListQuery.parse(firstValues(sp));
}

/** A customer page's order history: the customer's orders, from the page cursor in the URL. */
export function parseCustomerOrdersParams(customerId: string, sp: SearchParams): OrderListQuery {
  return ZOrderListQuery.parse({ customer: customerId, after: firstParam(cleanSearchParams(sp).after) });
}
