import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { LIVE_CHANNEL, type LiveEventKind, type LiveTopic } from './topics';

/**
 * `pg_notify` of one announcement as a SQL expression, for a statement that announces what it
 * writes (order ingestion announces from a CTE over the rows it inserted). `topic` and `id` are
 * SQL so that they can come from those rows.
 */
export function announceSql(topic: SQL, kind: LiveEventKind, id: SQL): SQL {
  return sql`pg_notify(${LIVE_CHANNEL}, json_build_object('topic', ${topic}::text, 'kind', ${kind}::text, 'id', ${id}::text, 'at', now())::text)`;
}

/**
 * Tells every listening app instance that `id` changed on `topic`. Called inside the writer's
 * transaction, the announcement goes out when it commits and never if it rolls back (NOTIFY is
 * transactional); subscribers then refetch, so it carries no data beyond what changed.
 */
export async function announce(
  tx: DbOrTx,
  topic: LiveTopic,
  event: { kind: LiveEventKind; id: string },
): Promise<void> {
  await tx.execute(sql`select ${announceSql(sql`${topic}`, event.kind, sql`${event.id}`)}`);
}
