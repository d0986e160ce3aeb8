import { z } from 'zod';

/** The most a search answers at once (the route's `limit` and searchCustomers' cap). */
export const CUSTOMER_SEARCH_MAX_LIMIT = 50;

/** GET /api/backoffice/customers/search?q=…&limit=…: what an agent typed, and how many results. */
export const ZCustomerSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(CUSTOMER_SEARCH_MAX_LIMIT).default(10),
});
export type CustomerSearchQuery = z.infer<typeof ZCustomerSearchQuery>;
