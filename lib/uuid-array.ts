import { sql, type SQL } from 'drizzle-orm';
import { isUuid } from './uuid';

/**
 * A list of ids as one `uuid[]` parameter (`where id = any(${uuidArray(ids)})`): one bound value
 * however long the list, the same on both engines. Refuses anything that is not a UUID. (Apart
 * from lib/uuid.ts, which browser code imports without Drizzle.)
 */
export function uuidArray(ids: readonly string[]): SQL {
  for (const id of ids) if (!isUuid(id)) throw new Error(`Not a UUID: ${id}`);
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}
