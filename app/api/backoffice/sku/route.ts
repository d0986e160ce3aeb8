import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/next/session';
import { apiError, apiErrorFrom } from '@/lib/http/api';
import { findSkuDetail, findVariantByCode } from '@/lib/inventory/queries/sku-detail';

export const dynamic = 'force-dynamic';

const ZQuery = z.object({ code: z.string().trim().min(1).max(64) });

/**
 * GET /api/backoffice/sku?code=… — a SKU (or barcode) typed in the phone order form → its name,
 * catalogue price and available to promise, in total and per location.
 */
export async function GET(request: Request) {
  try {
    await requireActor('orders.create_phone');
    const query = ZQuery.parse({ code: new URL(request.url).searchParams.get('code') ?? '' });
    const db = await getDb();
    const found = await findVariantByCode(db, query.code);
    const detail = found ? await findSkuDetail(db, found.id) : null;
    if (!detail) return apiError('not_found', `No SKU has the code "${query.code}".`);
    return Response.json(
      {
        sku: detail.sku,
        name: `${detail.productName} — ${detail.title}`,
        priceCents: detail.priceCents,
        currency: detail.currency,
        available: detail.levels.reduce((sum, l) => sum + l.available, 0),
        locations: detail.levels.map((l) => ({ code: l.code, available: l.available })),
      },
      { headers: { 'Cache-Control': 'private, no-store' } },
    );
  } catch (error) {
    return apiErrorFrom(error);
  }
}
