/**
 * Europe/Paris wall-clock helpers (CET/CEST by the EU rule: summer time from the last Sunday
 * of March to the last Sunday of October, switching at 01:00 UTC). The seed places orders at
 * believable local hours and the business day of a KPI is the Paris date.
 */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const MINUTE = 60_000;

function lastSundayUtc(year: number, month: number): number {
  const d = new Date(Date.UTC(year, month + 1, 0, 1));
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  return d.getTime();
}

export function parisOffsetMs(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  return utcMs >= lastSundayUtc(year, 2) && utcMs < lastSundayUtc(year, 9) ? 2 * HOUR : HOUR;
}

/** Paris wall clock → UTC milliseconds. */
export function parisToUtc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const naive = Date.UTC(year, month, day, hour, minute, second);
  return naive - parisOffsetMs(naive - HOUR);
}

export type ParisDate = { year: number; month: number; day: number; weekday: number; hour: number; minute: number };

/** UTC milliseconds → Paris wall clock (month 0-based, weekday 0 = Sunday). */
export function toParis(utcMs: number): ParisDate {
  const d = new Date(utcMs + parisOffsetMs(utcMs));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/** The Paris calendar day `daysBack` days before the Paris day of `nowMs`. */
export function parisDayBefore(nowMs: number, daysBack: number): ParisDate {
  const p = toParis(nowMs);
  const d = new Date(Date.UTC(p.year, p.month, p.day - daysBack));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: 0,
    minute: 0,
  };
}
