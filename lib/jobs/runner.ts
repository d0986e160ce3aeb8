import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { rawExecutor, type Db } from '@/db/client';
import { logger } from '@/lib/log';
import { JOBS, type JobDefinition } from './definitions';

/** The current time, injectable: tests and `jobs:once --now` move it. */
export type Clock = () => Date;

/** pg-boss's tables live in their own schema, created (and migrated) by pg-boss at start. */
export const JOBS_SCHEMA = 'pgboss';

type JobData = { now?: string };

export type JobRunner = {
  boss: PgBoss;
  /** Queues one run of `name` now (at `now`, else the clock's time) and waits for its end. */
  runNow: (name: string, now?: Date) => Promise<JobOutcome>;
  /** Stops polling and schedules, waits for running jobs (up to `timeoutMs`), lets go of the database. */
  stop: (timeoutMs?: number) => Promise<void>;
};

export type JobOutcome = { name: string; id: string; state: string; output: unknown };

export type JobRunnerOptions = {
  clock?: Clock;
  jobs?: readonly JobDefinition[];
  /** How often a worker looks for jobs (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  /** Cron schedules and maintenance: off for a one-shot run. */
  schedule?: boolean;
};

/**
 * Starts pg-boss on the app's own database handle (PostgreSQL's pool or the embedded PGlite,
 * through `rawExecutor`): creates its schema on first start (under its advisory lock, so two
 * instances starting at once are fine), one queue per job ('stately': at most one waiting and
 * one running per job across every instance), the cron schedules, the ticks, and one worker per
 * queue. pg-boss hands each job to one worker (SKIP LOCKED), so two instances run a job once.
 */
export async function startJobRunner(db: Db, options: JobRunnerOptions = {}): Promise<JobRunner> {
  const clock = options.clock ?? (() => new Date());
  const jobs = options.jobs ?? JOBS;
  const scheduled = options.schedule ?? true;
  const boss = new PgBoss({
    db: rawExecutor(db),
    schema: JOBS_SCHEMA,
    migrate: true,
    schedule: scheduled,
    supervise: scheduled,
  });
  boss.on('error', (err) => logger().error({ where: 'jobs', err }, 'job queue error'));
  await boss.start();
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    await createQueueOnce(boss, job.name);
    if (scheduled) await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
    await boss.work<JobData>(
      job.name,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
      async ([item]) => {
        const now = item.data?.now ? new Date(item.data.now) : clock();
        const output = await job.run(db, now);
        logger().debug({ where: 'jobs', job: job.name, now, output }, 'job done');
        return output;
      },
    );
    if (scheduled && job.tickSeconds) {
      const seconds = job.tickSeconds;
      const timer = setInterval(() => {
        boss.sendThrottled(job.name, {}, {}, seconds).catch((err: unknown) => {
          logger().error({ where: 'jobs', job: job.name, err }, 'job tick failed');
        });
      }, seconds * 1000);
      timer.unref();
      timers.push(timer);
    }
  }

  const runNow = async (name: string, now?: Date): Promise<JobOutcome> => {
    // A key of its own: a run asked for now is not merged into a tick, a cron run or another runNow
    // already waiting (a stately queue keeps one waiting job per key).
    const id = await boss.send(name, { now: (now ?? clock()).toISOString() }, { singletonKey: `now-${randomUUID()}` });
    if (!id) throw new Error(`The job ${name} could not be queued.`);
    for (;;) {
      const job = await boss.getJobById<JobData>(name, id);
      if (job && ['completed', 'failed', 'cancelled'].includes(job.state)) {
        return { name, id, state: job.state, output: job.output };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  let stopping: Promise<void> | null = null;
  const stop = (timeoutMs = 30_000) =>
    (stopping ??= (async () => {
      for (const timer of timers) clearInterval(timer);
      // close: false — the database handle is the app's, closed by its owner.
      await boss.stop({ graceful: true, close: false, timeout: timeoutMs });
    })());

  return { boss, runNow, stop };
}

/**
 * Creates a job's queue unless it exists. pg-boss's create_queue inserts the queue's row, then
 * creates and attaches its partition of the job table, outside any lock of its own: two instances
 * starting at once on a new database deadlock there (PostgreSQL aborts one of them, 40P01). The one
 * aborted tries again and finds the queue made by the other.
 */
async function createQueueOnce(boss: PgBoss, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, { name, policy: 'stately', retryLimit: 3, expireInSeconds: 15 * 60 });
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
    }
  }
}

/**
 * Every job once, at `now`, through the queue (what `npm run jobs:once` runs): pg-boss's schema
 * and queues as in the server, no schedules, each job queued and worked until it ends.
 */
export async function runJobsOnce(db: Db, options: { now?: Date; jobs?: readonly JobDefinition[] } = {}) {
  const jobs = options.jobs ?? JOBS;
  const runner = await startJobRunner(db, {
    jobs,
    schedule: false,
    pollingIntervalSeconds: 0.5,
    clock: options.now ? () => options.now! : undefined,
  });
  try {
    const outcomes: JobOutcome[] = [];
    for (const job of jobs) outcomes.push(await runner.runNow(job.name));
    return outcomes;
  } finally {
    await runner.stop(5_000);
  }
}
