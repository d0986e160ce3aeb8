import { guardedRoute } from '@/lib/next/guarded-route';
import { installTimeZone, todayIn } from '@/lib/system/time-zone';
import { inventoryToCsv } from '@/lib/inventory/csv';
import { parseInventoryExportParams } from '@/lib/inventory/list-params';
import { listInventory } from '@/lib/inventory/queries/list';
import { effectiveLocations, listLocations } from '@/lib/inventory/queries/locations';

/** The export is one query; past this many rows the file says it was cut (header X-Export-Truncated). */
const MAX_ROWS = 10_000;

/** GET /inventory/export?… — the /inventory view (same filters, every page) as an RFC 4180 CSV attachment. */
export const GET = guardedRoute({
  permission: 'inventory.view',
  // The page's parser: a malformed filter in a shared link exports the view it falls back to.
  query: parseInventoryExportParams,
  run: async ({ actor, db }, query) => {
    // No locale: the file's columns (location codes) keep the canonical order whoever exports.
    const locations = await listLocations(db);
    const locationIds = effectiveLocations(actor, query.loc, locations);
    const page = await listInventory(db, query, locationIds, { pageSize: MAX_ROWS });
    const csv = inventoryToCsv(page.rows, new Map(locations.map((l) => [l.id, l.code])));
    const day = todayIn(installTimeZone());
    return new Response(`\uFEFF${csv}\r\n`, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="inventory-${day}.csv"`,
        'Cache-Control': 'private, no-store',
        ...(page.hasNext ? { 'X-Export-Truncated': String(MAX_ROWS) } : {}),
      },
    });
  },
});
