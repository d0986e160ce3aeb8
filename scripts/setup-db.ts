/**
 * Runs before `next dev` / `next start`: applies migrations, seeds the demo store on the very
 * first start (an empty database), then says where the app is and how to sign in. On an
 * already seeded database it only migrates, so it stays quick.
 */
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase } from '../db/client';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../db/seed';

const handle = await openDatabase({ statementTimeoutMs: 0 });
try {
  await migrateDatabase(handle);
  const res = await handle.db.execute<{ seeded: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM locations) AS seeded`);
  if (!res.rows[0].seeded) {
    console.log('Seeding the demo store… (first start only)');
    const t0 = performance.now();
    await seedDemo(handle);
    console.log(`Demo store ready in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
  }
} finally {
  await handle.close();
}

const port = process.env.PORT ?? '3000';
const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
console.log(`\nComptoir: http://localhost:${port}`);
console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
for (const u of DEMO_USERS) {
  const scope = u.locations.length ? ` · ${u.locations.join(', ')}` : '';
  console.log(`  ${u.email.padEnd(width)}  ${u.role}${scope}`);
}
console.log('');
