import { describe, expect, it } from 'vitest';
import { runConcurrently, runPaced } from './server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runPaced', () => {
  it('starts jobs on the schedule, not as fast as they finish', async () => {
    const run = await runPaced(10, 4, 200, async (i) => i);
    expect(run.results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The tenth job is due 45 ms after the first.
    expect(run.wallMs).toBeGreaterThanOrEqual(44);
  });

  it('counts the time a job waited for a worker once the schedule is missed', async () => {
    // One worker, 20 ms a job, 100 due a second: job i starts about 10·i ms late.
    const run = await runPaced(6, 1, 100, () => sleep(20));
    expect(run.latencies[0]).toBeGreaterThanOrEqual(19);
    expect(run.latencies[5]).toBeGreaterThanOrEqual(5 * 10 + 19);
  });
});

describe('runConcurrently', () => {
  it('runs every job once with at most the given concurrency', async () => {
    let running = 0;
    let most = 0;
    const run = await runConcurrently(12, 3, async (i) => {
      most = Math.max(most, ++running);
      await sleep(2);
      running--;
      return i * 2;
    });
    expect(run.results).toEqual(Array.from({ length: 12 }, (_, i) => i * 2));
    expect(most).toBe(3);
    expect(run.latencies.every((l) => l >= 1)).toBe(true);
  });
});
