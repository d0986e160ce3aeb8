/**
 * The JOBS switch and this process's jobs status: a leaf (no imports), so that the start-up checks
 * and /api/health read them without loading the job queue.
 *
 * JOBS unset (or `on`): the server runs the background jobs, as every instance may (pg-boss makes
 * each run happen once). `off`: an instance that only serves pages and the API (a web-only
 * replica); `npm run jobs:once` still works anywhere.
 */
export type JobsSwitch = 'on' | 'off';

export function jobsSwitch(env: Record<string, string | undefined> = process.env): JobsSwitch | null {
  const raw = (env.JOBS ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'on') return 'on';
  if (raw === 'off') return 'off';
  return null;
}

/** A JOBS that is neither `on` nor `off`, as a sentence (lib/system/startup.ts refuses to start on it). */
export function jobsSwitchProblem(env: Record<string, string | undefined> = process.env): string | null {
  return jobsSwitch(env) === null
    ? `JOBS must be "on" (the default: this instance runs the background jobs) or "off" (it does not), not "${env.JOBS}".`
    : null;
}

/** What /api/health says about this process's jobs. */
export type JobsState = 'not started' | 'starting' | 'running' | 'off' | 'stopping' | 'stopped';

// On globalThis: the custom server (scripts/serve.ts) loads lib/jobs from source and Next's bundle
// (instrumentation.ts, the health route) loads its own copy, in the same process.
const globalForJobs = globalThis as unknown as { comptoirJobsState?: { state: JobsState } };
const status = (globalForJobs.comptoirJobsState ??= { state: 'not started' });

export function jobsState(): JobsState {
  return status.state;
}

export function setJobsState(state: JobsState): void {
  status.state = state;
}
