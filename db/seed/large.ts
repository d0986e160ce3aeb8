import { sql } from 'drizzle-orm';
import type { DbHandle } from '../client';

export type SeedLargeOptions = { log?: (line: string) => void };
export const LARGE_SIZES = { variants: 100_000 } as const;

export async function isLargeSeedPresent(handle: DbHandle): Promise<boolean> {
  const res = await handle.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM variants`);
  return Number(res.rows[0].n) >= LARGE_SIZES.variants;
}

export async function seedLarge(handle: DbHandle, opts: SeedLargeOptions = {}): Promise<Record<string, number>> {
  void opts;
  if (handle.engine !== 'postgresql') throw new Error('The large seed needs PostgreSQL (set DATABASE_URL).');
  throw new Error('seedLarge: not implemented yet');
  return {};
}
