import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { loginThrottle, staffUsers } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { hashPassword, verificationCount } from './password';
import { attemptSignIn, type SignInOutcome } from './sign-in';
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  clientAddressOf,
  pruneLoginThrottle,
  recordFailure,
  throttleKeys,
} from './throttle';

let handle: DbHandle;
let now: Date;
const clock = () => now;
const advance = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));

const KNOWN = 'claire@shop.test';
const PASSWORD = 'the right password';
let userId: string;

const attempt = (email: string, password: string, clientAddress = '203.0.113.7') =>
  attemptSignIn(handle.db, { email, password, clientAddress }, clock);

/** Fails `n` times in a row, a second apart (each first waits out any wait, so every one is checked). */
async function failTimes(email: string, n: number, clientAddress?: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    if (i > 0) advance(1);
    let outcome: SignInOutcome = await attempt(email, 'wrong', clientAddress);
    while (!outcome.ok && outcome.reason === 'throttled') {
      advance(outcome.retryAfterSeconds);
      outcome = await attempt(email, 'wrong', clientAddress);
    }
    expect(outcome).toEqual({ ok: false, reason: 'invalid' });
  }
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const [user] = await handle.db
    .insert(staffUsers)
    .values({ email: KNOWN, name: 'Claire', role: 'owner', passwordHash: await hashPassword(PASSWORD) })
    .returning({ id: staffUsers.id });
  userId = user.id;
});

beforeEach(async () => {
  now = new Date('2026-12-01T09:00:00Z');
  await handle.db.delete(loginThrottle);
});

afterAll(async () => {
  await handle?.close();
});

describe('attemptSignIn', () => {
  it('signs in with the right password (email in any case) and carries the session version', async () => {
    await handle.db.update(staffUsers).set({ sessionVersion: 3 }).where(eq(staffUsers.id, userId));
    expect(await attempt('  Claire@Shop.TEST ', PASSWORD)).toEqual({
      ok: true,
      userId,
      sessionVersion: 3,
      locale: null,
    });
  });

  it('carries the language the staff member chose last, and none for a value that is not a language of the app', async () => {
    await handle.db.update(staffUsers).set({ locale: 'fr' }).where(eq(staffUsers.id, userId));
    expect(await attempt(KNOWN, PASSWORD)).toMatchObject({ ok: true, locale: 'fr' });
    await handle.db.update(staffUsers).set({ locale: 'de' }).where(eq(staffUsers.id, userId));
    expect(await attempt(KNOWN, PASSWORD)).toMatchObject({ ok: true, locale: null });
    await handle.db.update(staffUsers).set({ locale: null }).where(eq(staffUsers.id, userId));
  });

  it(`allows ${ACCOUNT_POLICY.backoffAfter - 1} failures freely, then makes each attempt wait 1 s, 2 s, 4 s…`, async () => {
    await failTimes(KNOWN, ACCOUNT_POLICY.backoffAfter - 1);
    // Under the threshold an immediate retry is checked.
    expect(await attempt(KNOWN, 'wrong')).toEqual({ ok: false, reason: 'invalid' });
    // That was failure number 5: the account is closed for 2^0 = 1 s.
    expect(await attempt(KNOWN, 'wrong')).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 1 });
    advance(1);
    expect(await attempt(KNOWN, 'wrong')).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt(KNOWN, 'wrong')).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 2 });
    advance(0.5);
    expect(await attempt(KNOWN, 'wrong')).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 1.5 });
  });

  it('checks no password at all while throttled, and refuses even the right one', async () => {
    await failTimes(KNOWN, ACCOUNT_POLICY.backoffAfter);
    const before = verificationCount();
    const outcome = await attempt(KNOWN, PASSWORD);
    expect(outcome).toMatchObject({ ok: false, reason: 'throttled' });
    expect(verificationCount()).toBe(before);
  });

  it(`locks the account for 15 minutes at ${ACCOUNT_POLICY.lockAfter} failures, then lets an attempt through`, async () => {
    await failTimes(KNOWN, ACCOUNT_POLICY.lockAfter);
    expect(await attempt(KNOWN, PASSWORD)).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 15 * 60 });
    advance(15 * 60 - 1);
    expect(await attempt(KNOWN, PASSWORD)).toMatchObject({ ok: false, reason: 'throttled' });
    advance(1);
    // The lock is over: the password is checked again.
    expect(await attempt(KNOWN, PASSWORD)).toMatchObject({ ok: true, userId });
  });

  it('answers an unknown account exactly as a known one, failure after failure', async () => {
    const answers = async (email: string) => {
      now = new Date('2026-12-01T09:00:00Z');
      const seen: SignInOutcome[] = [];
      for (let i = 0; i < ACCOUNT_POLICY.backoffAfter + 2; i++)
        seen.push(await attempt(email, 'wrong', `198.51.100.${email.length}`));
      advance(30);
      seen.push(await attempt(email, 'wrong', `198.51.100.${email.length}`));
      return seen;
    };
    const known = await answers(KNOWN);
    const unknown = await answers('nobody@shop.test');
    expect(unknown).toEqual(known);
    expect(known.some((o) => !o.ok && o.reason === 'throttled')).toBe(true);
  });

  it('a success clears the account count (but not the address count)', async () => {
    await failTimes(KNOWN, ACCOUNT_POLICY.backoffAfter - 1);
    expect(await attempt(KNOWN, PASSWORD)).toMatchObject({ ok: true });
    const keys = (
      await handle.db.select({ key: loginThrottle.key, failures: loginThrottle.failures }).from(loginThrottle)
    ).map((r) => r.key);
    expect(keys).toEqual(['ip:203.0.113.7']);
    // Counting starts again from zero: four more failures and no wait yet.
    await failTimes(KNOWN, ACCOUNT_POLICY.backoffAfter - 1);
    expect(await attempt(KNOWN, 'wrong')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('forgets failures an hour after the last one', async () => {
    await failTimes(KNOWN, ACCOUNT_POLICY.backoffAfter - 1);
    advance(ACCOUNT_POLICY.forgetAfterSeconds + 1);
    await failTimes(KNOWN, ACCOUNT_POLICY.backoffAfter - 1);
    const [row] = await handle.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, `account:${KNOWN}`));
    expect(row.failures).toBe(ACCOUNT_POLICY.backoffAfter - 1);
    expect(row.lockedUntil).toBeNull();
  });

  it('throttles one address trying many accounts, whatever account it tries next', async () => {
    for (let i = 0; i < ADDRESS_POLICY.backoffAfter; i++) {
      expect(await attempt(`user${i}@shop.test`, 'wrong', '192.0.2.50')).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await attempt(KNOWN, PASSWORD, '192.0.2.50')).toEqual({
      ok: false,
      reason: 'throttled',
      retryAfterSeconds: 1,
    });
    // Another address still signs in.
    expect(await attempt(KNOWN, PASSWORD, '192.0.2.51')).toMatchObject({ ok: true });
  });

  it('refuses attempts that queued behind the failures that closed the account, without verifying them', async () => {
    await failTimes(KNOWN, ACCOUNT_POLICY.backoffAfter - 1);
    const before = verificationCount();
    // Twelve at once: all pass the first check; the slots let two verify at a time, and the
    // fifth failure, recorded before its slot is freed, closes the account to the ten still queued.
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => attempt(KNOWN, 'wrong')));
    expect(verificationCount() - before).toBe(2);
    expect(outcomes.filter((o) => !o.ok && o.reason === 'invalid')).toHaveLength(2);
    expect(outcomes.filter((o) => !o.ok && o.reason === 'throttled')).toHaveLength(10);
  });
});

describe('throttle keys', () => {
  it('counts concurrent failures without losing any', async () => {
    const keys = throttleKeys(KNOWN, '203.0.113.9');
    await Promise.all(Array.from({ length: 10 }, () => recordFailure(handle.db, keys, now)));
    const rows = await handle.db
      .select({ key: loginThrottle.key, failures: loginThrottle.failures })
      .from(loginThrottle);
    expect(rows.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: `account:${KNOWN}`, failures: 10 },
      { key: 'ip:203.0.113.9', failures: 10 },
    ]);
  });

  it('prunes counts that are forgotten and not closed, and keeps the others', async () => {
    await recordFailure(
      handle.db,
      throttleKeys('old@shop.test', '203.0.113.1'),
      new Date(now.getTime() - 2 * 3600_000),
    );
    for (let i = 0; i < ACCOUNT_POLICY.backoffAfter; i++)
      await recordFailure(handle.db, throttleKeys('recent@shop.test', '203.0.113.2'), now);
    expect(await pruneLoginThrottle(handle.db, now)).toBe(2);
    const left = (await handle.db.select({ key: loginThrottle.key }).from(loginThrottle)).map((r) => r.key).sort();
    expect(left).toEqual(['account:recent@shop.test', 'ip:203.0.113.2']);
  });

  it('reads the client address from the first X-Forwarded-For hop, then X-Real-IP, else unknown', () => {
    expect(clientAddressOf(new Headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }))).toBe('203.0.113.7');
    expect(clientAddressOf(new Headers({ 'x-real-ip': '2001:db8::1' }))).toBe('2001:db8::1');
    expect(clientAddressOf(new Headers())).toBe('unknown');
    expect(clientAddressOf(undefined)).toBe('unknown');
    expect(clientAddressOf(new Headers({ 'x-forwarded-for': '<script>' }))).toBe('script');
  });
});
