import { isUuid } from '@/lib/uuid';

/** The cookie holding the profiles this browser's staff member opened last: `<userId>:<id>.<id>…`, ids only. */
export const RECENT_CUSTOMERS_COOKIE = 'comptoir-recent-customers';
export const RECENT_CUSTOMERS_MAX = 8;

/** The ids the cookie lists for this user, most recent first (another user's list, or garbage, is none). */
export function recentIdsFrom(cookie: string | undefined, userId: string): string[] {
  if (!cookie) return [];
  const [owner, list = ''] = decodeURIComponent(cookie).split(':');
  if (owner !== userId) return [];
  return [...new Set(list.split('.').filter(isUuid))].slice(0, RECENT_CUSTOMERS_MAX);
}

/** The cookie's next value once `customerId` is opened: it goes first, the oldest falls off. */
export function withRecent(cookie: string | undefined, userId: string, customerId: string): string {
  const ids = [customerId, ...recentIdsFrom(cookie, userId).filter((id) => id !== customerId)];
  return `${userId}:${ids.slice(0, RECENT_CUSTOMERS_MAX).join('.')}`;
}
