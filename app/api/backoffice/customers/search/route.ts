import { scopeOf } from '@/lib/auth/permissions';
import { formatPhone } from '@/lib/customers/normalize';
import { searchCustomers } from '@/lib/customers/search';
import { ZCustomerSearchQuery } from '@/lib/customers/schemas';
import { guardedRoute } from '@/lib/next/guarded-route';
import { getI18n } from '@/lib/next/i18n';

/**
 * GET /api/backoffice/customers/search?q=…&limit=… — customers found from any scrap (name, e-mail
 * or part of it, phone in any format, order number, a channel's order id, buyer or loyalty id),
 * ranked exact identities first, each with the reason it matched: `{ results: CustomerSearchHit[] }`,
 * phones as people read them (formatPhone), so the browser needs no phone library.
 * Read from the tables themselves, so a customer created by an order a second ago is found. Used by
 * /customers and the command palette (Ctrl/Cmd+K).
 */
export const GET = guardedRoute({
  permission: 'customers.view',
  query: (params) => ZCustomerSearchQuery.parse({ q: params.get('q') ?? '', limit: params.get('limit') ?? undefined }),
  invalidQuery: 'Give what to look for as ?q=<text> (1 to 200 characters) and, optionally, ?limit=<1 to 50>.',
  run: async ({ db, actor }, { q, limit }) => {
    // A manager finds only the customers who ordered at one of their stores.
    const locationIds = scopeOf(actor, 'customers.view') ?? undefined;
    const found = await searchCustomers(db, q, { limit, locale: (await getI18n()).locale, locationIds });
    const results = found.map((hit) => ({ ...hit, phone: hit.phone && formatPhone(hit.phone) }));
    return Response.json({ results }, { headers: { 'Cache-Control': 'private, no-store' } });
  },
});
