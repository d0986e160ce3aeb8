import http from 'node:http';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { secretKeys, secretKeysEnv } from '../lib/channels/keys';

export type BenchServer = { url: string; stop: () => Promise<void> };

/**
 * A production build of the app (`next build` when there is none) started as `npm start` runs
 * it (scripts/serve.ts) against the bench database: HTTP scenarios measure what a channel would
 * really hit.
 */
export async function startServer(databaseUrl: string, log: (m: string) => void, port = 3900): Promise<BenchServer> {
  if (!existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
    log('no production build: running next build…');
    const build = spawnSync('node_modules/.bin/next', ['build'], {
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0) throw new Error('next build failed');
  }
  const child = spawn('node_modules/.bin/tsx', ['scripts/serve.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DB_POOL_MAX: '20',
      NEXT_TELEMETRY_DISABLED: '1',
      // Production on PostgreSQL refuses to start without one (lib/auth/secret.ts); fresh for each run.
      AUTH_SECRET: `bench-${crypto.randomUUID()}${crypto.randomUUID()}`,
      // The key the bench seeded the channels' signing secrets with (env, or the data folder's).
      ...secretKeysEnv(secretKeys()),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`the server did not answer /api/health within 60 s:\n${output}`);
}

type JobRun<T> = { latencies: number[]; results: T[]; wallMs: number };

/** Runs `total` async jobs with `concurrency` workers; returns each job's latency in ms and the wall time. */
export function runConcurrently<T>(
  total: number,
  concurrency: number,
  job: (i: number) => Promise<T>,
): Promise<JobRun<T>> {
  return runWorkers(total, concurrency, job, () => performance.now());
}

/**
 * Runs `total` jobs from `concurrency` workers on a fixed schedule of `perSecond` jobs a second
 * (job i is due at start + i / perSecond): the load of a given rate, as channels send it, rather
 * than as fast as answers come back. A job's latency runs from when it was due, so time spent
 * waiting for a free worker when the server falls behind counts (no coordinated omission).
 */
export function runPaced<T>(
  total: number,
  concurrency: number,
  perSecond: number,
  job: (i: number) => Promise<T>,
): Promise<JobRun<T>> {
  let start = 0;
  return runWorkers(total, concurrency, job, (i) => (start ||= performance.now()) + (i * 1000) / perSecond);
}

/** The worker pool of both: each job waits until `due(i)` if that is still ahead, and its latency counts from then. */
async function runWorkers<T>(
  total: number,
  concurrency: number,
  job: (i: number) => Promise<T>,
  due: (i: number) => number,
): Promise<JobRun<T>> {
  const latencies = new Array<number>(total);
  const results = new Array<T>(total);
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = due(i);
        // A timer can fire a little early (it counts from the event loop's cached clock): wait again.
        for (let wait = t0 - performance.now(); wait > 0; wait = t0 - performance.now()) {
          await new Promise((r) => setTimeout(r, Math.ceil(wait)));
        }
        results[i] = await job(i);
        latencies[i] = performance.now() - t0;
      }
    }),
  );
  return { latencies, results, wallMs: performance.now() - start };
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 128 });

/**
 * POSTs a JSON body over a kept-alive connection: what a channel's integration does. Lighter
 * than fetch(), whose per-request cost on the client would otherwise eat into the 2 cores the
 * server is measured on. Returns the status and the parsed JSON answer.
 */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; json: unknown }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent: keepAlive,
        hostname: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            json = text;
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
