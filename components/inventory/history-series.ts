import type { OnHandPoint } from '@/components/charts/on-hand-chart';

/**
 * Turns daily closing on hand (only the days with a movement, per location) into one point per
 * movement day plus today, each location carried forward from its last change. A location with
 * no movement in the window has been flat all along: its current on hand on every point.
 */
export function buildOnHandSeries(
  history: readonly { day: string; locationCode: string; onHand: number }[],
  current: readonly { code: string; onHand: number }[],
  today: string,
): { data: OnHandPoint[]; codes: string[] } {
  const days = [...new Set([...history.map((h) => h.day), today])].sort();
  const moved = new Set(history.map((h) => h.locationCode));
  const codes = current.map((c) => c.code).filter((c) => moved.has(c) || current.find((x) => x.code === c)!.onHand > 0);
  const byDay = new Map<string, Map<string, number>>();
  for (const h of history) {
    if (!byDay.has(h.day)) byDay.set(h.day, new Map());
    byDay.get(h.day)!.set(h.locationCode, h.onHand);
  }
  const last = new Map<string, number | null>(
    codes.map((c) => [c, moved.has(c) ? null : current.find((x) => x.code === c)!.onHand]),
  );
  const data = days.map((day) => {
    const point: OnHandPoint = { day };
    for (const code of codes) {
      const v = byDay.get(day)?.get(code);
      if (v !== undefined) last.set(code, v);
      point[code] = last.get(code) ?? null;
    }
    return point;
  });
  return { data: history.length === 0 ? [] : data, codes };
}
