import type { OpeningHours } from '@/db/schema/locations';

/** What the promise needs to know of a store (columns of `locations`). */
export type PromiseStore = {
  timeZone: string;
  openingHours: OpeningHours;
  preparationMinutes: number;
};

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** How far ahead the walk looks for enough opening time: a store open an hour a week still gets a promise. */
const MAX_DAYS = 3 * 366;

/**
 * When the store promised a pickup placed at `placedAt` would be ready: once its preparation
 * minutes of opening time have passed, counted in the store's own zone and opening hours. An
 * order placed at night is promised the preparation time after the next opening; a closed day
 * counts nothing. Opening hours with no interval at all mean the store never said: always open.
 * A wall time that a DST change skips opens at the first instant after the gap; one it repeats,
 * at the first of the two. Overlapping intervals count once.
 */
export function promisedReadyAt(placedAt: Date, store: PromiseStore): Date {
  const promise = promiseWithin(placedAt.getTime(), store);
  if (promise === null)
    throw new Error('No opening time found within three years for the preparation time of this store.');
  return new Date(promise);
}

/** promisedReadyAt as an instant, or null when the store's opening hours do not reach it within MAX_DAYS. */
function promiseWithin(start: number, store: PromiseStore): number | null {
  let remaining = store.preparationMinutes * MINUTE_MS;
  if (!hasAnyInterval(store.openingHours)) return start + remaining;
  const tz = store.timeZone;
  // The day before too: an interval that crosses midnight may still be open at placedAt.
  const first = localDate(start, tz);
  // Time before `counted` is already counted: overlapping intervals (or one crossing midnight into
  // the next day's) count once.
  let counted = start;
  for (let d = -1; d < MAX_DAYS; d++) {
    const day = addDays(first, d);
    for (const [open, close] of intervalsOn(day, tz, store.openingHours)) {
      const from = Math.max(open, counted);
      if (from >= close) continue;
      if (remaining <= close - from) return from + remaining;
      remaining -= close - from;
      counted = close;
    }
  }
  return null;
}

/** The promise of an order placed at `t`; beyond the walk's horizon, never (so never late). */
function promiseOrNever(t: number, store: PromiseStore): number {
  return promiseWithin(t, store) ?? Number.POSITIVE_INFINITY;
}

/**
 * The latest time of placing (to the millisecond) whose promise is already past at `now`: a
 * pickup still not ready is late exactly when it was placed at or before it (the promise never
 * moves back when an order comes later). Null when no order of the last three years is late yet.
 * The queue counts late pickups in SQL with it, so the rule stays the one above.
 */
export function latePlacedUpTo(now: Date, store: PromiseStore): Date | null {
  const t = now.getTime();
  let lo = t - MAX_DAYS * DAY_MS; // late if anything is
  // A promise beyond the walk's horizon (a store open minutes a week with days of preparation) is
  // further than `now`: not late, here as in isLate.
  if (promiseOrNever(lo, store) >= t) return null;
  let hi = t; // never late: the promise is at or after placing
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (promiseOrNever(mid, store) < t) lo = mid;
    else hi = mid;
  }
  return new Date(lo);
}

/** Whether a pickup placed at `placedAt` and still not ready is late at `now`. */
export function isLate(placedAt: Date, now: Date, store: PromiseStore): boolean {
  return promiseOrNever(placedAt.getTime(), store) < now.getTime();
}

function hasAnyInterval(hours: OpeningHours): boolean {
  return Object.values(hours).some((list) => Array.isArray(list) && list.length > 0);
}

type LocalDate = { y: number; m: number; d: number };

function addDays({ y, m, d }: LocalDate, n: number): LocalDate {
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
function isoWeekday({ y, m, d }: LocalDate): number {
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The opening intervals of a local day as UTC instants, in order; one that closes before it opens ends the next day. */
function intervalsOn(day: LocalDate, tz: string, hours: OpeningHours): [number, number][] {
  const list = hours[String(isoWeekday(day)) as keyof OpeningHours] ?? [];
  const out: [number, number][] = [];
  for (const [opens, closes] of list) {
    const o = parseClock(opens);
    let c = parseClock(closes);
    if (o === null || c === null) continue;
    if (c <= o) c += 24 * 60;
    const open = wallToInstant(day, o, tz);
    const close = wallToInstant(day, c, tz);
    if (close > open) out.push([open, close]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** 'HH:MM' (24:00 allowed) as minutes after midnight, or null if it is not a time. */
function parseClock(value: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 24 * 60 ? minutes : null;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(tz: string): Intl.DateTimeFormat {
  let f = partsFormats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormats.set(tz, f);
  }
  return f;
}

/** The wall clock of `tz` at instant `t`, as if it were UTC (ms). */
function wallClock(t: number, tz: string): number {
  const p: Record<string, number> = {};
  for (const part of partsFormat(tz).formatToParts(new Date(t))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) + (((t % 1000) + 1000) % 1000);
}

function localDate(t: number, tz: string): LocalDate {
  const w = new Date(wallClock(t, tz));
  return { y: w.getUTCFullYear(), m: w.getUTCMonth() + 1, d: w.getUTCDate() };
}

/**
 * The instant at which `tz`'s clocks show `minutes` after midnight of `day`. In a gap (spring
 * forward) the offset from before the gap applies, which lands just after it; in an overlap
 * (fall back) the earlier instant wins.
 */
function wallToInstant(day: LocalDate, minutes: number, tz: string): number {
  const wall = Date.UTC(day.y, day.m - 1, day.d) + minutes * MINUTE_MS;
  const offsetBefore = wallClock(wall - DAY_MS, tz) - (wall - DAY_MS);
  const offsetAfter = wallClock(wall + DAY_MS, tz) - (wall + DAY_MS);
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter((t) => wallClock(t, tz) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: the instant the clocks jump, the first whose wall time is past `wall`.
  let lo = Math.min(wall - offsetBefore, wall - offsetAfter);
  let hi = Math.max(wall - offsetBefore, wall - offsetAfter);
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (wallClock(mid, tz) < wall) lo = mid;
    else hi = mid;
  }
  return hi;
}
