'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '@/lib/next/i18n-client';
import type { OnHandPoint } from './on-hand-chart';

/** Distinct, AA-legible line colours; a series keeps its colour by position. */
const COLOURS = [
  '#4f46e5',
  '#17663a',
  '#c2410c',
  '#0e7490',
  '#a21caf',
  '#835400',
  '#be123c',
  '#4a4f57',
  '#1d4ed8',
  '#15803d',
];

/**
 * The Recharts drawing behind OnHandChart, in a module of its own so that Recharts (about
 * 100 KB of compressed JavaScript) is a chunk loaded by the chart alone: import OnHandChart.
 */
export function OnHandLineChart({ data, series }: { data: OnHandPoint[]; series: { key: string; name: string }[] }) {
  const { formatDate, formatNumber } = useI18n();
  const short = (day: string) => formatDate(`${day}T12:00:00Z`, 'UTC', 'medium').replace(/\s\d{4}$/, '');
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#e1e3e8" strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="day"
          tickFormatter={short}
          tick={{ fontSize: 12, fill: '#565b64' }}
          tickLine={false}
          axisLine={{ stroke: '#e1e3e8' }}
          minTickGap={28}
        />
        <YAxis
          allowDecimals={false}
          width={44}
          tick={{ fontSize: 12, fill: '#565b64' }}
          tickLine={false}
          axisLine={false}
          tickFormatter={(v: number) => formatNumber(v)}
        />
        <Tooltip
          // The label is the point's `day`, a calendar date (YYYY-MM-DD).
          labelFormatter={(day) => (typeof day === 'string' ? formatDate(`${day}T12:00:00Z`, 'UTC', 'medium') : day)}
          formatter={(value) => formatNumber(Number(value))}
          contentStyle={{ borderRadius: 8, borderColor: '#e1e3e8', fontSize: 12 }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} iconType="plainline" />
        {series.map((s, i) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            type="stepAfter"
            stroke={COLOURS[i % COLOURS.length]}
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
