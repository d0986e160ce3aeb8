/**
 * `npm run jobs:once [-- --now <iso>]`: runs every background job once (expiry, reminders, the
 * outbox's dispatch) through the job queue, as the server would, then exits. `--now` moves the
 * clock (a hold's end, a reminder's day). On the embedded engine the app must not be running (one
 * process per data folder); on PostgreSQL it may: the server's workers may take these runs.
 */
import { getDatabase } from '../db/client';
import { runJobsOnce } from '../lib/jobs/runner';

const at = process.argv.indexOf('--now');
const raw = at >= 0 ? process.argv[at + 1] : undefined;
const now = raw === undefined ? undefined : new Date(raw);
if (at >= 0 && (now === undefined || Number.isNaN(now.getTime()))) {
  console.error(`--now takes an ISO date and time, such as 2026-12-06T18:00:00Z, not "${raw ?? ''}".`);
  process.exit(2);
}

const handle = await getDatabase();
let failed = false;
try {
  for (const outcome of await runJobsOnce(handle.db, { now })) {
    failed ||= outcome.state !== 'completed';
    console.log(`${outcome.name}: ${outcome.state} ${JSON.stringify(outcome.output)}`);
  }
} finally {
  await handle.close();
}
process.exit(failed ? 1 : 0);
