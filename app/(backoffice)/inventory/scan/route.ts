import { z } from 'zod';
import { guardedRoute } from '@/lib/next/guarded-route';
import { findVariantByCode } from '@/lib/inventory/queries/codes';

const ZScan = z.object({ code: z.string().trim().min(1).max(64) });

/** GET /inventory/scan?code=… — the barcode field without JavaScript: opens the SKU, or the list saying it was not found. */
export const GET = guardedRoute({
  permission: 'inventory.view',
  query: (params) => ZScan.parse({ code: params.get('code') ?? '' }),
  invalidQuery: 'Give a barcode or SKU as ?code=.',
  run: async ({ db }, { code }) => {
    const found = await findVariantByCode(db, code);
    const location = found ? `/inventory/${found.id}` : `/inventory?scan=notfound&code=${encodeURIComponent(code)}`;
    return new Response(null, { status: 303, headers: { Location: location } });
  },
});
