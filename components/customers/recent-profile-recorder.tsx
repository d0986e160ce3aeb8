'use client';

import { useEffect } from 'react';
import { RECENT_CUSTOMERS_COOKIE, withRecent } from '@/lib/customers/recent-cookie';

/**
 * Notes that this profile was opened, in a cookie of ids only (never a name), so the agent's home
 * lists the profiles they opened last in this browser. Renders nothing.
 */
export function RecentProfileRecorder({ userId, customerId }: { userId: string; customerId: string }) {
  useEffect(() => {
    const current = document.cookie
      .split('; ')
      .find((c) => c.startsWith(`${RECENT_CUSTOMERS_COOKIE}=`))
      ?.slice(RECENT_CUSTOMERS_COOKIE.length + 1);
    const next = encodeURIComponent(withRecent(current, userId, customerId));
    document.cookie = `${RECENT_CUSTOMERS_COOKIE}=${next}; path=/; max-age=${60 * 60 * 24 * 30}; samesite=lax`;
  }, [userId, customerId]);
  return null;
}
