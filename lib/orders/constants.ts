/**
 * The order enums' values (db/schema/order-enums.ts, the database's own) for browser code: the
 * orders filters and the list's URL import them from here rather than from schemas.ts, so zod
 * stays out of their first-load JavaScript. schemas.ts re-exports them for the server.
 */
export { FULFILMENT_TYPES, ORDER_STATUSES } from '@/db/schema/order-enums';
