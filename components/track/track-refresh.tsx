'use client';

import { useEffect } from 'react';
import { useRouter } from 'next/navigation';

/**
 * Keeps the public tracking page current: every `seconds` while the tab is visible (and at once
 * when it becomes visible again) the server component renders anew — one indexed read by token,
 * no session, no stream held open per customer. The page stops rendering this once the pickup has
 * reached an end, so a finished order is never polled.
 */
export function TrackRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === 'visible') router.refresh();
    };
    const timer = window.setInterval(refresh, seconds * 1000);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [router, seconds]);
  return null;
}
