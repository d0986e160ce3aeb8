import { migrateDatabase, openDatabase } from '../db/client';

const handle = await openDatabase({ statementTimeoutMs: 0 });
try {
  await migrateDatabase(handle);
  console.log(`Migrations applied (${handle.engine}).`);
} finally {
  await handle.close();
}
