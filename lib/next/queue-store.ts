import 'server-only';
import { getDb } from '@/db/client';
import { getI18n } from '@/lib/next/i18n';
import type { SessionContext } from '@/lib/next/session';
import { listQueueStores, type QueueStore } from '@/lib/pickups/queries';

/** A page's search parameters, once awaited. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a search parameter. */
export const firstParam = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/**
 * The click-and-collect store a page shows, read once for every page with a StoreChooser: the
 * stores the actor may open (a manager's own, any for an owner, by code, in the page's language)
 * and the one the URL names under `param` among them — never a store id trusted from the URL —,
 * else the first (`orFirst`, the queue and the counter) or none (the home page, where no store is a
 * choice of its own).
 */
export async function chooseQueueStore(
  ctx: SessionContext,
  searchParams: SearchParams,
  { param = 'location', orFirst = true }: { param?: string; orFirst?: boolean } = {},
): Promise<{ stores: QueueStore[]; store: QueueStore | undefined }> {
  const [db, { locale }] = await Promise.all([getDb(), getI18n()]);
  const stores = await listQueueStores(db, ctx, locale);
  const wanted = firstParam(searchParams[param]);
  return { stores, store: stores.find((s) => s.id === wanted) ?? (orFirst ? stores[0] : undefined) };
}
