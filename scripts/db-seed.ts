/**
 * Seeds the database named by the environment (DATABASE_URL → PostgreSQL, else the embedded
 * PGlite folder, PGLITE_DIR or .data/pglite):
 *
 *   npm run db:seed                          the demo store (both engines)
 *   npm run db:seed -- --scale large         the large data set for benchmarks (PostgreSQL only)
 *   npm run db:seed -- --reset               wipe every table first (required if it has data)
 */
import { sql } from 'drizzle-orm';
import { defaultDataDir, migrateDatabase, openDatabase } from '../db/client';
import { isDatabaseEmpty, seedDemo, seedLarge, truncateAll } from '@/lib/seed';

const USAGE = 'Usage: tsx scripts/db-seed.ts [--scale demo|large] [--reset]';

function parseArgs(argv: string[]): { scale: 'demo' | 'large'; reset: boolean } {
  let scale = 'demo';
  let reset = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--reset') reset = true;
    else if (arg === '--scale') scale = argv[++i] ?? '';
    else if (arg.startsWith('--scale=')) scale = arg.slice('--scale='.length);
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`Unknown argument "${arg}".\n${USAGE}`);
      process.exit(2);
    }
  }
  if (scale !== 'demo' && scale !== 'large') {
    console.error(`--scale must be "demo" or "large", not "${scale}".\n${USAGE}`);
    process.exit(2);
  }
  return { scale, reset };
}

function describeTarget(): string {
  const url = process.env.DATABASE_URL;
  if (!url) return `embedded PGlite in ${defaultDataDir()}`;
  const u = new URL(url);
  u.password = '';
  return `PostgreSQL ${u.host}${u.pathname}`;
}

const { scale, reset } = parseArgs(process.argv.slice(2));
const started = performance.now();
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

console.log(`Database: ${describeTarget()}`);
const handle = await openDatabase({ statementTimeoutMs: 0 });
try {
  if (scale === 'large' && handle.engine !== 'postgresql') {
    console.error(
      'The large data set (millions of rows) needs PostgreSQL: set DATABASE_URL, e.g.\n' +
        '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/comptoir_bench npm run db:seed -- --scale large',
    );
    process.exitCode = 1;
  } else {
    const tMigrate = performance.now();
    await migrateDatabase(handle);
    console.log(`Migrations applied (${seconds(tMigrate)})`);
    if (!(await isDatabaseEmpty(handle))) {
      if (!reset) {
        console.error(
          'The database already has data; nothing was changed. Run with --reset to wipe every table and seed again.',
        );
        process.exitCode = 1;
      } else {
        const t0 = performance.now();
        await truncateAll(handle);
        console.log(`Reset: every table truncated (${seconds(t0)})`);
      }
    }
    if (!process.exitCode) {
      console.log(scale === 'large' ? 'Seeding the large data set…' : 'Seeding the demo store…');
      const log = (line: string) => console.log(line);
      const counts = scale === 'large' ? await seedLarge(handle, { log }) : await seedDemo(handle, { log });
      if (scale === 'large') {
        // Fresh bulk-loaded tables have no statistics and no visibility map yet.
        const t0 = performance.now();
        await handle.db.execute(sql`VACUUM ANALYZE`);
        console.log(`VACUUM ANALYZE ${seconds(t0)}`);
      }
      const width = Math.max(...Object.keys(counts).map((k) => k.length));
      for (const [table, n] of Object.entries(counts))
        console.log(`  ${table.padEnd(width)} ${n.toLocaleString('en-US').padStart(12)}`);
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      console.log(`Seeded ${total.toLocaleString('en-US')} rows in ${seconds(started)}.`);
    }
  }
} finally {
  await handle.close();
}
