import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/next/session';
import { apiError, apiErrorFrom } from '@/lib/http/api';
import { findSkuByCode, type SkuLookup } from '@/lib/inventory/queries/sku-detail';

const ZLookup = z.object({ code: z.string().trim().min(1).max(64) });

/**
 * GET /inventory/lookup?code=… — a scanned or typed SKU/barcode → the SKU, its price and its
 * stock per location (SkuLookup), for the line editors, the scan field and the phone order form.
 */
export async function GET(request: Request) {
  try {
    await requireActor('inventory.view');
    const parsed = ZLookup.safeParse({ code: new URL(request.url).searchParams.get('code') ?? '' });
    if (!parsed.success) return apiError('validation_failed', 'Give a barcode or SKU as ?code=.');
    const found: SkuLookup | null = await findSkuByCode(await getDb(), parsed.data.code);
    if (!found) return apiError('not_found', `No SKU has the code "${parsed.data.code}".`);
    return Response.json(found, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    return apiErrorFrom(error);
  }
}
