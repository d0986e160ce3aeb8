import { z } from 'zod';
import { apiError } from '@/lib/http/api';
import { guardedRoute } from '@/lib/next/guarded-route';
import { findSkuByCode, type SkuLookup } from '@/lib/inventory/queries/sku-detail';

const ZLookup = z.object({ code: z.string().trim().min(1).max(64) });

/**
 * GET /inventory/lookup?code=… — a scanned or typed SKU/barcode → the SKU, its price and its
 * stock per location (SkuLookup), for the line editors, the scan field and the phone order form.
 */
export const GET = guardedRoute({
  permission: 'inventory.view',
  query: (params) => ZLookup.parse({ code: params.get('code') ?? '' }),
  invalidQuery: 'Give a barcode or SKU as ?code=.',
  run: async ({ db }, { code }) => {
    const found: SkuLookup | null = await findSkuByCode(db, code);
    if (!found) return apiError('not_found', `No SKU has the code "${code}".`);
    return Response.json(found, { headers: { 'Cache-Control': 'private, no-store' } });
  },
});
