/**
 * The values of the order enums, once: the database types (pgEnum in ./orders.ts) and the zod
 * schemas of lib/orders are both built from them. A file without Drizzle, so the browser pages
 * that list statuses (the orders filters) do not download the table definitions with them.
 */
export const ORDER_STATUSES = [
  'placed',
  'confirmed',
  'backordered',
  'shipped',
  'completed',
  'cancelled',
  'returned',
] as const;

export const FULFILMENT_TYPES = ['ship', 'in_store', 'pickup'] as const;
