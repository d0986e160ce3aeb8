import { describe, expect, it } from 'vitest';
import { createSemaphore, hashPassword, PASSWORD_CONCURRENCY, passwordSlots, verifyPassword } from './password';

describe('password hashing', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'wrong horse battery')).toBe(false);
    expect(await verifyPassword(null, 'correct horse battery')).toBe(false);
  });

  it(`runs at most ${PASSWORD_CONCURRENCY} argon2 computations at once and queues the rest`, async () => {
    const hash = await hashPassword('a flood of attempts');
    const before = passwordSlots.stats();
    const samples: { active: number; waiting: number }[] = [];
    const attempts = Array.from({ length: 8 }, (_, i) =>
      verifyPassword(hash, i % 2 ? 'a flood of attempts' : 'nope').then((ok) => {
        samples.push(passwordSlots.stats());
        return ok;
      }),
    );
    const queued = passwordSlots.stats();
    expect(queued.active).toBe(PASSWORD_CONCURRENCY);
    expect(queued.waiting).toBe(8 - PASSWORD_CONCURRENCY);
    const results = await Promise.all(attempts);
    expect(results).toEqual([false, true, false, true, false, true, false, true]);
    for (const s of samples) expect(s.active).toBeLessThanOrEqual(PASSWORD_CONCURRENCY);
    const after = passwordSlots.stats();
    expect(after.peak).toBe(PASSWORD_CONCURRENCY);
    expect(after.started - before.started).toBe(8);
    expect(after).toMatchObject({ active: 0, waiting: 0 });
  });

  it('a semaphore hands each freed slot to the next in line, even when a task throws', async () => {
    const sem = createSemaphore(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const task = (i: number) =>
      sem.run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        order.push(i);
        if (i === 1) throw new Error('boom');
        return i;
      });
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map(task));
    expect(most).toBe(2);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(order.slice(0, 2).sort()).toEqual([0, 1]);
    expect(sem.stats()).toMatchObject({ active: 0, waiting: 0, peak: 2, started: 5 });
  });
});
