import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { systemSettings } from '@/db/schema';

/**
 * A system_settings value by its key, as its owner wrote it (JSON), or null when there is none: the
 * demo seed's marker (lib/system/install.ts), the duplicates scan's cursor (lib/customers/duplicates.ts).
 */
export async function readSetting<T>(db: DbOrTx, key: string): Promise<T | null> {
  const [row] = await db
    .select({ value: systemSettings.value })
    .from(systemSettings)
    .where(eq(systemSettings.key, key));
  return row ? (row.value as T) : null;
}
