import type { Db } from '@/db/client';
import { scanRecentDuplicates } from '@/lib/customers/duplicates';
import { sweepStockAlerts } from '@/lib/inventory/stock-alerts/notify-stock-alerts';
import { dispatchOutbox, type DispatchResult } from '@/lib/messages/dispatch';
import { expirePickups } from '@/lib/pickups/expire-pickups';
import { remindPickups } from '@/lib/pickups/remind-pickups';

/**
 * One background job: a queue of its own in pg-boss, a cron schedule (pg-boss's finest is once a
 * minute), optionally a tick every few seconds on top (a throttled send, so all instances together
 * make one job per tick), and a body that takes the database and the time it runs at. Bodies are
 * domain use cases, safe to run twice or at once (SKIP LOCKED, guarded updates): the queue makes a
 * run happen once, the body makes each row change once.
 */
export type JobDefinition = {
  /** The pg-boss queue: letters, digits and hyphens. */
  name: string;
  cron: string;
  /** A run at least this often, in seconds, besides the cron (messages leave within seconds). */
  tickSeconds?: number;
  run: (db: Db, now: Date) => Promise<unknown>;
};

/** Every background job of the app. A new job goes here (see CONTRIBUTING.md). */
export const JOBS: readonly JobDefinition[] = [
  {
    name: 'pickups-expire',
    cron: '* * * * *',
    run: (db, now) => expirePickups(db, { now }),
  },
  {
    name: 'pickups-remind',
    cron: '* * * * *',
    run: (db, now) => remindPickups(db, { now }),
  },
  {
    name: 'customers-duplicates',
    cron: '* * * * *',
    run: (db, now) => scanRecentDuplicates(db, { now }),
  },
  {
    // Stock changes tell waiting customers themselves (changeStock); this catches stock freed by set-based writers.
    name: 'stock-alerts',
    cron: '* * * * *',
    run: (db, now) => sweepStockAlerts(db, { now }),
  },
  {
    name: 'messages-dispatch',
    cron: '* * * * *',
    tickSeconds: 5,
    run: (db, now) => dispatchBacklog(db, now),
  },
];

/** Messages one dispatch run takes at most, 50 a claim: a backlog (a seed, an SMTP outage over) leaves in a few runs, not one tick per 50. */
export const DISPATCH_PER_RUN = 1000;

async function dispatchBacklog(db: Db, now: Date): Promise<DispatchResult> {
  const total: DispatchResult = { claimed: 0, sent: 0, kept: 0, retried: 0, failed: 0 };
  const limit = 50;
  while (total.claimed < DISPATCH_PER_RUN) {
    const r = await dispatchOutbox(db, { now, limit });
    for (const k of Object.keys(total) as (keyof DispatchResult)[]) total[k] += r[k];
    if (r.claimed < limit) break;
  }
  return total;
}
