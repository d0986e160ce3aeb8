import type { DbHandle } from '@/db/client';
import { isDatabaseEmpty, seedDemo } from '@/lib/seed';

/**
 * The demo seed of a start (scripts/setup-db.ts, after migrating): only on the embedded engine's
 * first start, an empty PGlite folder. A PostgreSQL server is a real install: an empty one stays
 * empty (`npm run db:seed` seeds it when asked), and the start log says how to create the first
 * owner instead. Returns whether it seeded.
 */
export async function seedOnFirstStart(
  handle: DbHandle,
  opts: { log?: (line: string) => void; scale?: number } = {},
): Promise<boolean> {
  if (handle.engine !== 'pglite' || !(await isDatabaseEmpty(handle))) return false;
  const log = opts.log ?? (() => {});
  log('Seeding the demo store… (first start of the embedded database only)');
  const t0 = performance.now();
  await seedDemo(handle, { scale: opts.scale });
  log(`Demo store ready in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
  return true;
}
