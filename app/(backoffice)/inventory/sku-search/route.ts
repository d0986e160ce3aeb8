import { guardedRoute } from '@/lib/next/guarded-route';
import { ZSkuSearchQuery } from '@/lib/inventory/schemas';
import { searchSkus, type SkuSearchResponse } from '@/lib/inventory/queries/sku-search';

/**
 * GET /inventory/sku-search?q=…&limit=… — SKUs for what was typed: an exact SKU or barcode, a SKU
 * prefix or words of the product's name (searchSkus), each with its options, price and what is
 * available in total: `{ results: SkuSuggestion[] }`. For the phone order's item field.
 */
export const GET = guardedRoute({
  permission: 'inventory.view',
  query: (params) => ZSkuSearchQuery.parse({ q: params.get('q') ?? '', limit: params.get('limit') ?? undefined }),
  invalidQuery: 'Give what to look for as ?q=<text> (1 to 100 characters) and, optionally, ?limit=<1 to 20>.',
  run: async ({ db }, { q, limit }) => {
    const body: SkuSearchResponse = { results: await searchSkus(db, q, { limit }) };
    return Response.json(body, { headers: { 'Cache-Control': 'private, no-store' } });
  },
});
