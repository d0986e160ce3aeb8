import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useDatabaseInThisProcess, type DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { getHealth } from '@/lib/system/health';
import { startupProblems } from '@/lib/system/startup';
import { JOBS } from './definitions';
import { startJobsInThisProcess, stopJobsInThisProcess } from './in-process';
import { jobsState } from './status';

let handle: DbHandle;
const open = () => Promise.resolve(handle);

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterEach(() => stopJobsInThisProcess(2_000));
afterAll(() => handle.close());

async function pgbossTables(): Promise<boolean> {
  const { rows } = await handle.db.execute<{ t: string | null }>(sql`select to_regclass('pgboss.job')::text as t`);
  return rows[0].t !== null;
}

async function jobRows(name: string) {
  const { rows } = await handle.db.execute<{ state: string }>(
    sql`select state from pgboss.job where name = ${name} order by created_on`,
  );
  return rows.map((r) => r.state);
}

describe("the server process's job runner", () => {
  it('JOBS=off starts nothing (no pg-boss schema, health says off); a JOBS neither on nor off stops the start', async () => {
    expect(await startJobsInThisProcess(open, { env: { JOBS: 'off' } })).toBeNull();
    expect(jobsState()).toBe('off');
    expect((await getHealth(handle)).jobs).toBe('off');
    expect(await pgbossTables()).toBe(false);
    await stopJobsInThisProcess();

    await expect(startJobsInThisProcess(open, { env: { JOBS: 'yes' } })).rejects.toThrow(/JOBS must be "on".*"off"/);
    expect(startupProblems({ NODE_ENV: 'test', JOBS: 'maybe' })).toEqual([expect.stringMatching(/JOBS must be/)]);
    expect(startupProblems({ NODE_ENV: 'test', JOBS: 'OFF' })).toEqual([]);
    expect(startupProblems({ NODE_ENV: 'test' })).toEqual([]);
  });

  it('one runner per process, with every schedule; health says running, then stopped', async () => {
    const first = startJobsInThisProcess(open, { env: {} });
    const again = startJobsInThisProcess(open, { env: { JOBS: 'on' } });
    expect(again).toBe(first);
    const runner = await first;
    expect(runner).not.toBeNull();
    expect((await getHealth(handle)).jobs).toBe('running');
    const { rows } = await handle.db.execute<{ name: string }>(sql`select name from pgboss.schedule order by name`);
    expect(rows.map((r) => r.name)).toEqual(JOBS.map((j) => j.name).sort());
    expect(await runner!.runNow('pickups-expire')).toMatchObject({ state: 'completed' });
    await stopJobsInThisProcess();
    expect(jobsState()).toBe('stopped');
  });

  it('stopping waits for the job that is running: it completes, none is failed', async () => {
    let release = () => {};
    const slow = {
      name: 'test-slow',
      cron: '0 0 1 1 *',
      run: () => new Promise<{ done: true }>((resolve) => (release = () => resolve({ done: true }))),
    };
    const runner = await startJobsInThisProcess(open, { env: {}, jobs: [slow], pollingIntervalSeconds: 0.5 });
    await runner!.boss.send('test-slow', {});
    await expect.poll(() => jobRows('test-slow'), { timeout: 10_000 }).toContain('active');
    const stopped = stopJobsInThisProcess(10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(jobsState()).toBe('stopping');
    release();
    await stopped;
    expect(await jobRows('test-slow')).toEqual(['completed']);
  });

  it("instrumentation.ts's register() starts the runner on the process's handle (next dev, next start), in Node.js only", async () => {
    useDatabaseInThisProcess(handle);
    const { register } = await import('@/instrumentation');
    const runtime = process.env.NEXT_RUNTIME;
    try {
      process.env.NEXT_RUNTIME = 'edge';
      await register();
      expect(jobsState()).not.toBe('running');
      process.env.NEXT_RUNTIME = 'nodejs';
      await register();
      expect(jobsState()).toBe('running');
    } finally {
      if (runtime === undefined) delete process.env.NEXT_RUNTIME;
      else process.env.NEXT_RUNTIME = runtime;
    }
  });

  it('scripts/serve.ts (npm start) starts the runner before Next, and stops it before the database closes', () => {
    const source = readFileSync(path.join(process.cwd(), 'scripts', 'serve.ts'), 'utf8');
    const start = source.indexOf('await startJobsInThisProcess(getDatabase)');
    const prepare = source.indexOf('await app.prepare()');
    const stop = source.indexOf('await stopJobsInThisProcess()');
    const close = source.indexOf('await (await getDatabase()).close()');
    expect(start).toBeGreaterThan(source.indexOf('await getDatabase();'));
    expect(start).toBeLessThan(prepare);
    expect(stop).toBeGreaterThan(0);
    expect(stop).toBeLessThan(close);
  });
});
