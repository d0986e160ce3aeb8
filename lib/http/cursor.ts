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

/** A cursor from the URL, or null when absent or forged (the list then starts at its first page). */
export function decodeCursor(value: string | null | undefined): KeysetCursor | null {
  if (!value || value.length > 200) return null;
  try {
    const c = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<KeysetCursor> | null;
    // A time that exists (not 2024-99-99): PostgreSQL would refuse it with an error, a 500.
    return typeof c?.t === 'string' && isUtcInstant(c.t) && typeof c.id === 'string' && isUuid(c.id)
      ? { t: c.t, id: c.id }
      : null;
  } catch {
    return null;
  }
}

/** `(time, id) < cursor`: the rows after the cursor in newest-first order. */
export function olderThan(time: AnyColumn | SQL, id: AnyColumn | SQL, cursor: KeysetCursor): SQL {
  return sql`(${time}, ${id}) < (${cursor.t}::timestamptz, ${cursor.id}::uuid)`;
}

/** `(time, id) > cursor`: the rows after the cursor in oldest-first order. */
export function newerThan(time: AnyColumn | SQL, id: AnyColumn | SQL, cursor: KeysetCursor): SQL {
  return sql`(${time}, ${id}) > (${cursor.t}::timestamptz, ${cursor.id}::uuid)`;
}
