/**
 * Next.js runs register() once when a server starts (next dev, next start, and scripts/serve.ts's
 * app.prepare()): in the Node.js runtime it starts this process's background jobs (lib/jobs) on the
 * process's database handle, unless JOBS=off. Under scripts/serve.ts the server has started them
 * already and owns their shutdown; here, under next dev or next start, SIGTERM and SIGINT stop them.
 * There Next's own signal handler exits once its HTTP server has closed, without waiting for ours:
 * a job still running then is cut short, and pg-boss runs it again after its expiry (15 minutes).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDatabase } = await import('./db/client');
  const { startJobsInThisProcess } = await import('./lib/jobs/in-process');
  await startJobsInThisProcess(getDatabase, { stopOnSignals: true });
}
