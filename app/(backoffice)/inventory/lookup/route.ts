import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/next/session';
import { apiError, apiErrorFrom } from '@/lib/http/api';
import { findSkuDetail, findVariantByCode } from '@/lib/inventory/queries/sku-detail';

const ZLookup = z.object({ code: z.string().trim().min(1).max(64) });

/** GET /inventory/lookup?code=… — a scanned or typed SKU/barcode → the SKU with its stock per location (line editors, scan field). */
export async function GET(request: Request) {
  try {
    await requireActor('inventory.view');
    const parsed = ZLookup.safeParse({ code: new URL(request.url).searchParams.get('code') ?? '' });
    if (!parsed.success) return apiError('validation_failed', 'Give a barcode or SKU as ?code=.');
    const db = await getDb();
    const found = await findVariantByCode(db, parsed.data.code);
    const detail = found ? await findSkuDetail(db, found.id) : null;
    if (!detail) return apiError('not_found', `No SKU has the code "${parsed.data.code}".`);
    return Response.json(
      {
        variantId: detail.variantId,
        sku: detail.sku,
        barcode: detail.barcode,
        productName: detail.productName,
        title: detail.title,
        levels: detail.levels.map((l) => ({
          locationId: l.locationId,
          code: l.code,
          onHand: l.onHand,
          available: l.available,
        })),
      },
      { headers: { 'Cache-Control': 'private, no-store' } },
    );
  } catch (error) {
    return apiErrorFrom(error);
  }
}
