'use client';

import { useDeferredValue } from 'react';
import dynamic from 'next/dynamic';
import { Skeleton } from '@/components/ui/skeleton';

export type OnHandPoint = { day: string } & Record<string, number | string | null>;

// Recharts loads in the browser after the page is shown, in its own chunk: no page pays for it
// in its first load, and the server does not render an SVG that only the browser can size.
const OnHandLineChart = dynamic(() => import('./on-hand-line-chart').then((m) => m.OnHandLineChart), {
  ssr: false,
  loading: () => <Skeleton className="size-full" />,
});

/**
 * On hand per location over time, one step line per location (closing stock changes only when
 * a movement happens). Fed a ready series: one point per day, one key per location code. The
 * box has its final size and name from the first paint, so nothing moves when the chart arrives.
 *
 * The drawing is rendered after the page has committed (useDeferredValue's initial value): once
 * Recharts is loaded it would otherwise render, measure and lay out its SVG inside the click's
 * own commit, ~50 ms of the SKU page's client navigation spent before the page could show.
 */
export function OnHandChart({
  data,
  series,
  label,
}: {
  data: OnHandPoint[];
  series: { key: string; name: string }[];
  label: string;
}) {
  const draw = useDeferredValue(true, false);
  return (
    <div role="img" aria-label={label} data-chart="on-hand" className="h-72 w-full">
      {draw ? <OnHandLineChart data={data} series={series} /> : null}
    </div>
  );
}
