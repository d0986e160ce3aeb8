/**
 * The order enums' values (db/schema/order-enums.ts, the database's own) for browser code: the
 * orders filters and the list's URL import them from here rather than from schemas.ts, so zod
 * stays out of their first-load JavaScript. schemas.ts re-exports them for the server.
 */
export { FULFILMENT_TYPES, ORDER_STATUSES } from '@/db/schema/order-enums';

/**
 * The orders list's saved views (tabs), by the work they hold: confirm, ship, hand over at a store,
 * wait for stock, take back. Their conditions are orderViewSql (lib/orders/queries.ts).
 */
export const ORDER_VIEWS = ['to_confirm', 'to_ship', 'pickups', 'backordered', 'returns'] as const;
export type OrderView = (typeof ORDER_VIEWS)[number];

/** A tag as stored: lower-case, trimmed, inner spaces single, 1 to 40 characters (order_tags_tag_shape). */
export const ORDER_TAG_MAX = 40;
export function normalizeOrderTag(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** How many orders one bulk action or one print of packing slips takes: a page of the list. */
export const ORDER_BULK_MAX = 50;
