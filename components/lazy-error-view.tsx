'use client';

import dynamic from 'next/dynamic';

/**
 * The view of an error.tsx boundary, in a chunk of its own: its buttons, empty state and icons
 * were in every page's first load, for a view most sessions never show. <Providers> fetches the
 * chunk once the page is idle, so it is there before an error (a lost connection included) needs it.
 */
export const loadErrorView = () => import('./error-view').then((m) => m.ErrorView);

export const LazyErrorView = dynamic(loadErrorView, { ssr: false, loading: () => null });
