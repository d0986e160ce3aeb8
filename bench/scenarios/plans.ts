import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

/**
 * The same read with the planner denied every index, in a transaction of its own: the question
 * answered by scanning, the baseline of the read scenarios (read only, nothing to undo).
 */
export async function withoutIndexes<T>(db: Db, read: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_indexscan = off`);
    await tx.execute(sql`set local enable_bitmapscan = off`);
    await tx.execute(sql`set local enable_indexonlyscan = off`);
    return read(tx);
  });
}
