/**
 * `npm run messages:send-once`: delivers every due customer message now, as the outbox job does
 * (lib/messages/dispatch.ts): through SMTP_URL, or rendered and kept for the development mailbox
 * when it is not set. For an install without the job runner, a cron line, or a look at what the
 * messages say after a seed.
 */
import { openDatabase } from '../db/client';
import { dispatchOutbox } from '@/lib/messages/dispatch';
import { exitOnStartupProblems } from '../lib/system/startup';

exitOnStartupProblems();

const handle = await openDatabase();
try {
  const total = { claimed: 0, sent: 0, kept: 0, retried: 0, failed: 0 };
  for (;;) {
    const r = await dispatchOutbox(handle.db, { limit: 100 });
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
    if (r.claimed === 0) break;
  }
  console.log(
    `Messages: ${total.sent} sent, ${total.kept} kept in the development mailbox (no SMTP_URL), ` +
      `${total.retried} to retry later, ${total.failed} failed.`,
  );
} finally {
  await handle.close();
}
