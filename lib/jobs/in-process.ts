import type { DbHandle } from '@/db/client';
import { logger } from '@/lib/log';
import { startJobRunner, type JobRunner, type JobRunnerOptions } from './runner';
import { jobsSwitch, jobsSwitchProblem, setJobsState } from './status';

// One runner per process. On globalThis: the custom server (scripts/serve.ts) loads this module
// from source and Next's bundle (instrumentation.ts) loads its own copy, in the same process.
const globalForJobs = globalThis as unknown as { comptoirJobRunner?: { runner: Promise<JobRunner | null> | null } };
const current = (globalForJobs.comptoirJobRunner ??= { runner: null });

export type StartJobsOptions = Omit<JobRunnerOptions, 'schedule'> & {
  env?: Record<string, string | undefined>;
  /** Stop the runner on SIGTERM and SIGINT: for a host whose shutdown does not (next dev, next start). */
  stopOnSignals?: boolean;
};

/**
 * Starts this process's job runner, with its schedules, on the database `open` gives (the
 * process's handle, migrated): what scripts/serve.ts and instrumentation.ts call. Once per process:
 * a later call gets the same runner. With JOBS=off it starts nothing and gives null.
 */
export function startJobsInThisProcess(
  open: () => Promise<DbHandle>,
  options: StartJobsOptions = {},
): Promise<JobRunner | null> {
  if (current.runner) return current.runner;
  const { env = process.env, stopOnSignals = false, ...runnerOptions } = options;
  const problem = jobsSwitchProblem(env);
  if (problem) return Promise.reject(new Error(problem));
  if (jobsSwitch(env) === 'off') {
    setJobsState('off');
    logger().info({ where: 'jobs' }, 'JOBS=off: this instance runs no background jobs');
    current.runner = Promise.resolve(null);
    return current.runner;
  }
  setJobsState('starting');
  const starting = (async () => {
    const handle = await open();
    const runner = await startJobRunner(handle.db, runnerOptions);
    setJobsState('running');
    logger().info({ where: 'jobs', engine: handle.engine }, 'background jobs running');
    return runner;
  })();
  current.runner = starting;
  starting.catch((err: unknown) => {
    if (current.runner === starting) current.runner = null;
    setJobsState('not started');
    logger().error({ where: 'jobs', err }, 'the background jobs could not start');
  });
  if (stopOnSignals) {
    const onSignal = () => void stopJobsInThisProcess();
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return starting;
}

/**
 * Stops this process's runner, if any, before the database closes: no more polling or schedules;
 * running jobs finish (up to `timeoutMs`; one still running then is failed, and pg-boss retries it).
 */
export async function stopJobsInThisProcess(timeoutMs = 30_000): Promise<void> {
  const pending = current.runner;
  if (!pending) return;
  const runner = await pending.catch(() => null);
  if (runner) {
    setJobsState('stopping');
    await runner.stop(timeoutMs);
    logger().info({ where: 'jobs' }, 'background jobs stopped');
  }
  if (current.runner === pending) current.runner = null;
  setJobsState(runner ? 'stopped' : 'not started');
}
