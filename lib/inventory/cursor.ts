import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { isUtcInstant } from '@/lib/dates';

/**
 * Keyset cursor on (created_at, id), newest first, for the transfer and count lists. The time is
 * kept as Postgres prints it to the microsecond: a JavaScript Date keeps milliseconds only, and a
 * cursor rounded down would skip the rows created within the same millisecond.
 */
export type CreatedCursor = { t: string; id: string };

/** The exact creation time of a row as text (UTC, microseconds), for `encodeCreatedCursor`. */
export const cursorTimeOf = (column: AnyColumn | SQL) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function encodeCreatedCursor(row: { cursorTime: string; id: string }): string {
  return Buffer.from(JSON.stringify({ t: row.cursorTime, id: row.id })).toString('base64url');
}

/** A cursor from the URL, or null when absent or forged (the list then starts at its first page). */
export function decodeCreatedCursor(value: string | null | undefined): CreatedCursor | null {
  if (!value || value.length > 200) return null;
  try {
    const c = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<CreatedCursor> | null;
    // A time that exists (not 2024-99-99): PostgreSQL would refuse it with an error, a 500.
    return typeof c?.t === 'string' &&
      isUtcInstant(c.t, 6) &&
      typeof c.id === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(c.id)
      ? { t: c.t, id: c.id }
      : null;
  } catch {
    return null;
  }
}

/** `(created_at, id) < cursor`: the rows after the cursor in newest-first order. */
export function olderThan(createdAt: AnyColumn | SQL, id: AnyColumn | SQL, cursor: CreatedCursor): SQL {
  return sql`(${createdAt}, ${id}) < (${cursor.t}::timestamptz, ${cursor.id}::uuid)`;
}
