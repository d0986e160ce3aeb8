/**
 * Runs before `next dev` / `next start`: applies migrations, seeds the demo store on the embedded
 * engine's very first start (an empty PGlite folder), then says where the app is and how to sign
 * in. A PostgreSQL named by DATABASE_URL is never seeded here (that is `npm run db:seed`): an
 * empty one is a real install, and the log says how to create its first owner. On an already
 * seeded database it only migrates, so it stays quick.
 */
import { migrateDatabase, openDatabase } from '../db/client';
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/seed';
import { sealSigningSecrets } from '../lib/channels/credentials';
import { findDemoSeed, FIRST_OWNER_COMMAND, hasActiveStaff } from '../lib/system/install';
import { seedOnFirstStart } from '../lib/system/prepare-database';
import { exitOnStartupProblems } from '../lib/system/startup';

exitOnStartupProblems();

const handle = await openDatabase({ statementTimeoutMs: 0 });
let demo = false;
let staff = false;
try {
  await migrateDatabase(handle);
  await seedOnFirstStart(handle, { log: (line) => console.log(line) });
  // Signing secrets still stored plain (migration 0010 moved them from channels.secret) get encrypted.
  const { sealed } = await sealSigningSecrets(handle.db);
  if (sealed) console.log(`Encrypted ${sealed} channel signing secret(s) with the configured key.`);
  demo = (await findDemoSeed(handle.db)) !== null;
  staff = await hasActiveStaff(handle.db);
} finally {
  await handle.close();
}

const port = process.env.PORT ?? '3000';
console.log(`\nComptoir: http://localhost:${port}`);
if (demo) {
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) {
    const scope = u.locations.length ? ` · ${u.locations.join(', ')}` : '';
    console.log(`  ${u.email.padEnd(width)}  ${u.role}${scope}`);
  }
} else if (!staff) {
  console.log('No staff account yet: nobody can sign in. Create the first owner with');
  console.log(`  ${FIRST_OWNER_COMMAND}`);
}
console.log('');
