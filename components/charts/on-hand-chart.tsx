'use client';

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
  return (
    <div role="img" aria-label={label} data-chart="on-hand" className="h-72 w-full">
      <OnHandLineChart data={data} series={series} />
    </div>
  );
}
