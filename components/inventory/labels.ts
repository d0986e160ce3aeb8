import type { BadgeVariant } from '@/components/ui/badge';
import type { MessageKey, Translate } from '@/lib/next/i18n';

/**
 * Labels for values that come from the database (ledger reasons, statuses, error codes): the
 * key is built from the value, so an unknown value falls back to itself instead of a raw key.
 */
export function tKey(t: Translate, key: string, fallback: string, vars?: Record<string, string | number>): string {
  // The key is only known at run time, hence the casts; t.has() keeps an unknown one from being shown raw.
  if (!t.has(key as MessageKey)) return fallback;
  return (t as (k: string, v?: Record<string, string | number>) => string)(key, vars);
}

export const reasonLabel = (t: Translate, reason: string) => tKey(t, `inventory.reason.${reason}`, reason);
export const detailLabel = (t: Translate, detail: string) => tKey(t, `inventory.detail.${detail}`, detail);

export type TransferStatus = 'draft' | 'in_transit' | 'received' | 'cancelled' | 'requested' | 'accepted' | 'declined';
export type CountStatus = 'open' | 'applied' | 'discarded';

/** Same colours everywhere: amber waiting, green done, grey closed. */
export const TRANSFER_BADGE: Record<TransferStatus, BadgeVariant> = {
  draft: 'waiting',
  requested: 'waiting',
  accepted: 'waiting',
  in_transit: 'info',
  received: 'done',
  cancelled: 'closed',
  declined: 'problem',
};
export const COUNT_BADGE: Record<CountStatus, BadgeVariant> = { open: 'waiting', applied: 'done', discarded: 'closed' };

export const transferStatusLabel = (t: Translate, status: string) =>
  tKey(t, `inventory.transferStatus.${status}`, status);
export const countStatusLabel = (t: Translate, status: string) => tKey(t, `inventory.countStatus.${status}`, status);

/** A count's stored scope ("all", "category:Knitwear", "list:12", "csv") in words. */
export function countScopeLabel(t: Translate, scope: string): string {
  if (scope === 'all') return t('inventory.counts.scope.all');
  if (scope === 'csv') return t('inventory.counts.scope.csv');
  if (scope.startsWith('category:'))
    return t('inventory.counts.scope.category', { category: scope.slice('category:'.length) });
  if (scope.startsWith('list:'))
    return t('inventory.counts.scope.list', { count: Number(scope.slice('list:'.length)) });
  return scope;
}

export type CsvRowErrorView = { row: number; code?: string; message: string; params?: Record<string, string | number> };

/** A CSV row error in the user's language; the English message when the code is unknown. */
export function csvRowMessage(t: Translate, error: CsvRowErrorView): string {
  if (!error.code) return error.message;
  const vars = { message: error.message, ...(error.params ?? {}) };
  return tKey(t, `inventory.csv.${error.code}`, error.message, vars);
}

/** Two letters for the image placeholder: "Pull marin" → "PM". */
export function initials(name: string): string {
  const words = name.split(/[\s'’-]+/).filter((w) => /\p{L}/u.test(w));
  return ((words[0]?.[0] ?? '') + (words[1]?.[0] ?? words[0]?.[1] ?? '')).toUpperCase();
}
