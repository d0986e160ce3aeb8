import { openDatabase } from '../db/client';
import { reconcileInventory } from '../lib/inventory/reconcile';

// npm run inventory:reconcile [-- --fix]: reports drift between rows, ledger and reservations.
const fix = process.argv.includes('--fix');
const handle = await openDatabase({ statementTimeoutMs: 0 });
try {
  const report = await reconcileInventory(handle.db, { fix });
  if (report.drift.length === 0) {
    console.log('No drift: every row equals its ledger and its active reservations.');
  } else {
    console.table(report.drift.slice(0, 50));
    console.log(`${report.drift.length} row(s) drifted.`);
    if (fix) console.log(`Repaired ${report.repaired}; could not repair ${report.unrepairable.length}.`);
    else console.log('Run again with --fix to repair them with ledger entries.');
  }
  process.exitCode = report.drift.length > 0 && (!fix || report.unrepairable.length > 0) ? 1 : 0;
} finally {
  await handle.close();
}
