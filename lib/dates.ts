/**
 * Dates and instants that came from outside (a URL, a cursor, a channel's order) are checked to
 * be real before a query sees them: PostgreSQL refuses 2024-13-45 or year 0 with an error, which
 * would surface as a 500. Checked by round trip through Date, not by shape alone.
 */

/** Years any date from outside may have: PostgreSQL takes far more, nobody means them. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

/** A calendar day, YYYY-MM-DD, that exists (2024-02-29 does, 2023-02-29 does not). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A UTC instant as page cursors write it (lib/http/cursor.ts) — YYYY-MM-DDTHH:MM:SS.ffffffZ, to
 * the microsecond as PostgreSQL keeps it — whose every field is in range.
 */
export function isUtcInstant(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value) || !isCalendarDate(value.slice(0, 10))) return false;
  const milliseconds = `${value.slice(0, 23)}Z`;
  const date = new Date(milliseconds);
  return !Number.isNaN(date.getTime()) && date.toISOString() === milliseconds;
}
