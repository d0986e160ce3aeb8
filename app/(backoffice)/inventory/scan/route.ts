import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/next/session';
import { apiError, apiErrorFrom } from '@/lib/http/api';
import { findVariantByCode } from '@/lib/inventory/queries/sku-detail';

const ZScan = z.object({ code: z.string().trim().min(1).max(64) });

/** GET /inventory/scan?code=… — the barcode field without JavaScript: opens the SKU, or the list saying it was not found. */
export async function GET(request: Request) {
  try {
    await requireActor('inventory.view');
    const parsed = ZScan.safeParse({ code: new URL(request.url).searchParams.get('code') ?? '' });
    if (!parsed.success) return apiError('validation_failed', 'Give a barcode or SKU as ?code=.');
    const found = await findVariantByCode(await getDb(), parsed.data.code);
    const location = found
      ? `/inventory/${found.id}`
      : `/inventory?scan=notfound&code=${encodeURIComponent(parsed.data.code)}`;
    return new Response(null, { status: 303, headers: { Location: location } });
  } catch (error) {
    return apiErrorFrom(error);
  }
}
