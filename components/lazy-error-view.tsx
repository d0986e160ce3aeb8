'use client';

import dynamic from 'next/dynamic';
import { useI18n } from '@/lib/next/i18n-client';

/**
 * The view of an error.tsx boundary, in a chunk of its own: its buttons, empty state and icons
 * were in every page's first load, for a view most sessions never show. <Providers> fetches the
 * chunk once the page is idle, so it is there before an error (a lost connection included) needs it.
 */
export const loadErrorView = () => import('./error-view').then((m) => m.ErrorView);

/**
 * What shows until the view arrives (an error in a page's first moments, or one the server
 * rendered): what happened, in words, never a blank page, even if the chunk cannot come.
 */
function ErrorViewPending() {
  const { t } = useI18n();
  return (
    <div className="py-12 text-center">
      <h1 className="text-base font-semibold">{t('error.title')}</h1>
      <p className="mt-1 text-sm text-muted-foreground">{t('error.description')}</p>
    </div>
  );
}

export const LazyErrorView = dynamic(loadErrorView, { ssr: false, loading: ErrorViewPending });
