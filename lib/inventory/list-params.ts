import { cleanSearchParams, firstParam, searchParamsOf, type SearchParams } from '@/lib/http/search-params';
import { decodeCursor } from '@/lib/http/cursor';
import { ZInventoryListQuery, type InventoryListQuery } from './schemas';

/**
 * The /inventory view from its URL. Bad location ids in a shared link fall back to the default
 * view, every other malformed filter to "no filter", rather than an error page.
 */
export function parseInventoryListParams(sp: SearchParams): InventoryListQuery {
  const clean = cleanSearchParams(sp);
  const parsed = ZInventoryListQuery.safeParse(clean);
  return parsed.success ? parsed.data : ZInventoryListQuery.parse({ ...clean, loc: undefined });
}

/** The CSV export of the /inventory view, from its URL: the page's own parsing, every page. */
export function parseInventoryExportParams(params: URLSearchParams): InventoryListQuery {
  return { ...parseInventoryListParams(searchParamsOf(params)), page: 1 };
}

/** A page cursor of the transfer or count lists: kept when it decodes, dropped (first page) when forged. */
export function createdCursorParam(value: string | string[] | undefined): string | undefined {
  const cursor = firstParam(value);
  return decodeCursor(cursor) ? cursor : undefined;
}

/** The replenishment page number: 1 unless the URL says a whole page from 1 to 10,000. */
export function replenishmentPageParam(value: string | string[] | undefined): number {
  const page = Number(firstParam(value));
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}
