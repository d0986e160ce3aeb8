import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { isUtcInstant } from '@/lib/dates';
import { isUuid } from '@/lib/uuid';

/**
 * Keyset page cursor on (a timestamptz, id), the one codec of every list that pages by time
 * (orders, transfers, counts). The time is kept as Postgres prints it, to the microsecond: a
 * JavaScript Date keeps milliseconds only, and a cursor rounded to the millisecond skips (newest
 * first) or repeats (oldest first) the rows placed within the same millisecond as a page's last.
 */
export type KeysetCursor = { t: string; id: string };

/** The exact time of a row as text (UTC, microseconds): select it with the page, for `encodeCursor`. */
export const cursorTimeOf = (column: AnyColumn | SQL) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The cursor after a page's last row, for the URL. */
export function encodeCursor(row: { cursorTime: string; id: string }): string {
  return Buffer.from(JSON.stringify({ t: row.cursorTime, id: row.id })).toString('base64url');
}

type RawCursor = { t?: unknown; id?: unknown; r?: unknown };

/** A cursor from the URL, or null when absent or forged (the list then starts at its first page). */
export function decodeCursor(value: string | null | undefined): KeysetCursor | null {
  return checked(readCursor(value));
}

function readCursor(value: string | null | undefined): RawCursor | null {
  if (!value || value.length > 200) return null;
  try {
    const c: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    return typeof c === 'object' ? c : null;
  } catch {
    return null;
  }
}

function checked(c: RawCursor | null): KeysetCursor | null {
  // A time that exists (not 2024-99-99): PostgreSQL would refuse it with an error, a 500.
  return typeof c?.t === 'string' && isUtcInstant(c.t) && typeof c.id === 'string' && isUuid(c.id)
    ? { t: c.t, id: c.id }
    : null;
}

/**
 * The same cursor for a list ordered by a whole-number rank first, then time and id (the
 * duplicates, by score): `r` is the rank of the page's last row.
 */
export type RankedCursor = KeysetCursor & { r: number };

export function encodeRankedCursor(row: { rank: number; cursorTime: string; id: string }): string {
  return Buffer.from(JSON.stringify({ r: row.rank, t: row.cursorTime, id: row.id })).toString('base64url');
}

export function decodeRankedCursor(value: string | null | undefined): RankedCursor | null {
  const raw = readCursor(value);
  const cursor = checked(raw);
  return cursor && typeof raw?.r === 'number' && Number.isSafeInteger(raw.r) ? { ...cursor, r: raw.r } : null;
}

/** `(rank, time, id) < cursor`: the rows after the cursor when each goes from the highest down. */
export function rankedBelow(
  rank: AnyColumn | SQL,
  time: AnyColumn | SQL,
  id: AnyColumn | SQL,
  cursor: RankedCursor,
): SQL {
  return sql`(${rank}, ${time}, ${id}) < (${cursor.r}::int, ${cursor.t}::timestamptz, ${cursor.id}::uuid)`;
}

/** `(time, id) < cursor`: the rows after the cursor in newest-first order. */
export function olderThan(time: AnyColumn | SQL, id: AnyColumn | SQL, cursor: KeysetCursor): SQL {
  return sql`(${time}, ${id}) < (${cursor.t}::timestamptz, ${cursor.id}::uuid)`;
}

/** `(time, id) > cursor`: the rows after the cursor in oldest-first order. */
export function newerThan(time: AnyColumn | SQL, id: AnyColumn | SQL, cursor: KeysetCursor): SQL {
  return sql`(${time}, ${id}) > (${cursor.t}::timestamptz, ${cursor.id}::uuid)`;
}
