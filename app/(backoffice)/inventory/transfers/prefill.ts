import { z } from 'zod';
import { lineFromLookup, type EditorLine } from '@/components/inventory/lines';
import type { DbOrTx } from '@/db/client';
import { findSkuDetail, toSkuLookup } from '@/lib/inventory/queries/sku-detail';

/** What the replenishment view hands a new transfer or request: ?from=&to=&variant=&qty= (each ignored when not valid). */
const ZPrefill = z.object({
  from: z.uuid().optional().catch(undefined),
  to: z.uuid().optional().catch(undefined),
  variant: z.uuid().optional().catch(undefined),
  qty: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
});

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The pre-filled source, destination and line of /inventory/transfers/new and
 * /inventory/transfers/request; each page still checks the locations against what the user may do.
 */
export async function transferPrefill(
  db: DbOrTx,
  searchParams: SearchParams,
): Promise<{ from?: string; to?: string; lines: EditorLine[] }> {
  const { from, to, variant, qty } = ZPrefill.parse(
    Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const detail = variant ? await findSkuDetail(db, variant) : null;
  return { from, to, lines: detail ? [lineFromLookup(toSkuLookup(detail), qty ?? 1)] : [] };
}
