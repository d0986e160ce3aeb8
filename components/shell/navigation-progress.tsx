'use client';

import { useEffect, useState } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';
import { useI18n } from '@/lib/next/i18n-client';

/** A navigation answered sooner shows nothing: most pages arrive well within this. */
export const SHOW_AFTER_MS = 120;
/** Past this the bar gives up, in case a click was prevented by something other than a <Link>. */
const GIVE_UP_AFTER_MS = 20_000;

/**
 * The page a click sends the app router to, or null when the click starts no client navigation.
 * A <Link> prevents the browser's own navigation and navigates in a transition; a plain anchor
 * (the browser shows its own progress), a new tab, a download, another origin or the same page
 * (a hash, or the URL already shown: nothing to wait for) is not one.
 */
export function clientNavigationTarget(
  event: Pick<MouseEvent, 'defaultPrevented' | 'button' | 'metaKey' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'target'>,
  current: Pick<Location, 'origin' | 'pathname' | 'search'>,
): URL | null {
  if (!event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const target = event.target;
  const anchor = target instanceof Element ? target.closest('a[href]') : null;
  if (!(anchor instanceof HTMLAnchorElement)) return null;
  if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return null;
  const url = new URL(anchor.href);
  if (url.origin !== current.origin) return null;
  if (url.pathname === current.pathname && url.search === current.search) return null;
  return url;
}

/**
 * Feedback for a slow page, for every link of the back office in one place. There is no
 * loading.tsx (see app/(backoffice)/layout.tsx): after a click the current page stays until the
 * next one is ready, which for most pages is well under SHOW_AFTER_MS, so nothing shows. When a
 * page takes longer, a thin bar runs along the top of the window and a polite status says the
 * page is loading; both go when the new URL commits, together with the page.
 *
 * A click on any <Link> counts (sidebar, list rows, pagers, back links), found by a listener on
 * the window rather than by useLinkStatus, which answers only inside each Link's own subtree: the
 * rows of the lists are server components in many files.
 */
export function NavigationProgress() {
  const { t } = useI18n();
  const here = urlKey(usePathname(), useSearchParams().toString());
  // The click that started the navigation in flight, and the URL it left. Derived, not reset by
  // an effect: once the new URL commits (with its page), `from` is no longer here.
  const [started, setStarted] = useState<{ from: string; at: number } | null>(null);
  const [shownAt, setShownAt] = useState<number | null>(null);
  const pending = started !== null && started.from === here;
  const visible = pending && shownAt === started.at;

  useEffect(() => {
    function onClick(event: MouseEvent) {
      // The window's listener runs after React's (on the root), so a <Link> has already prevented the default.
      if (!clientNavigationTarget(event, window.location)) return;
      const { pathname, search } = window.location;
      setStarted({ from: urlKey(pathname, new URLSearchParams(search).toString()), at: event.timeStamp });
    }
    window.addEventListener('click', onClick);
    return () => window.removeEventListener('click', onClick);
  }, []);

  const at = pending ? started.at : null;
  useEffect(() => {
    if (at === null) return;
    const show = window.setTimeout(() => setShownAt(at), SHOW_AFTER_MS);
    const giveUp = window.setTimeout(() => setStarted(null), GIVE_UP_AFTER_MS);
    return () => {
      window.clearTimeout(show);
      window.clearTimeout(giveUp);
    };
  }, [at]);

  return (
    <>
      <div role="status" className="sr-only" data-testid="navigation-status">
        {visible ? t('shell.loadingPage') : null}
      </div>
      {visible ? (
        <div
          aria-hidden
          data-print="hide"
          data-testid="navigation-progress"
          className="pointer-events-none fixed inset-x-0 top-0 z-50 h-0.5 overflow-hidden bg-primary/20"
        >
          <div className="h-full w-1/3 animate-nav-progress bg-primary motion-reduce:w-full motion-reduce:animate-none motion-reduce:opacity-60" />
        </div>
      ) : null}
    </>
  );
}

function urlKey(pathname: string, search: string): string {
  return search ? `${pathname}?${search}` : pathname;
}
