import { and, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { loginThrottle } from '@/db/schema';

/**
 * Failed sign-ins are counted per key in login_throttle, so every app instance sees the same
 * counts (OWASP ASVS 2.2.1). After `backoffAfter` failures in a row each new failure closes the
 * key for an exponentially longer wait (1 s, 2 s, 4 s… up to `maxBackoffSeconds`); from
 * `lockAfter` failures each one locks it for `lockSeconds`. A key whose last failure is older
 * than `forgetAfterSeconds` starts again from zero.
 */
export type ThrottlePolicy = {
  backoffAfter: number;
  maxBackoffSeconds: number;
  lockAfter: number;
  lockSeconds: number;
  forgetAfterSeconds: number;
};

/** One account: a person mistyping gets a few free tries; a guesser gets ~4 an hour once locked. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  backoffAfter: 5,
  maxBackoffSeconds: 60,
  lockAfter: 20,
  lockSeconds: 15 * 60,
  forgetAfterSeconds: 60 * 60,
};

/**
 * One client address, whatever the accounts tried (password spraying). Looser than an account's:
 * a store's staff share one address behind its router, and one person's typos must not lock the
 * others out.
 */
export const ADDRESS_POLICY: ThrottlePolicy = {
  backoffAfter: 20,
  maxBackoffSeconds: 60,
  lockAfter: 100,
  lockSeconds: 15 * 60,
  forgetAfterSeconds: 60 * 60,
};

export type ThrottleKey = { key: string; policy: ThrottlePolicy };

/** The keys one attempt counts against: the account (normalized email) and the client address. */
export function throttleKeys(email: string, clientAddress: string): ThrottleKey[] {
  return [
    { key: `account:${normalizeEmail(email)}`, policy: ACCOUNT_POLICY },
    { key: `ip:${clientAddress}`, policy: ADDRESS_POLICY },
  ];
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The client's address as the nearest proxy reports it: the first hop of X-Forwarded-For
 * (Next.js sets it to the socket's address when no proxy did), else X-Real-IP, else 'unknown'.
 */
export function clientAddressOf(headers: Headers | undefined): string {
  const forwarded = headers?.get('x-forwarded-for')?.split(',')[0]?.trim();
  const address = forwarded || headers?.get('x-real-ip')?.trim() || 'unknown';
  // A header is whatever the client sent: keep the key short and printable.
  return address.slice(0, 64).replace(/[^0-9A-Za-z.:_%[\]-]/g, '') || 'unknown';
}

/** Seconds to wait before any of these keys accepts an attempt again; 0 when none is closed. */
export async function throttledFor(db: DbOrTx, keys: ThrottleKey[], now: Date): Promise<number> {
  const rows = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(
      and(
        inArray(
          loginThrottle.key,
          keys.map((k) => k.key),
        ),
        gt(loginThrottle.lockedUntil, now),
      ),
    );
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime()));
  return until > now.getTime() ? (until - now.getTime()) / 1000 : 0;
}

/**
 * Counts one failure against each key, in one atomic upsert per key (concurrent failures on
 * other instances add up, none is lost), and closes the key as its policy says.
 */
export async function recordFailure(db: DbOrTx, keys: ThrottleKey[], now: Date): Promise<void> {
  for (const { key, policy } of keys) {
    const at = sql`${now.toISOString()}::timestamptz`;
    const forgetBefore = sql`${new Date(now.getTime() - policy.forgetAfterSeconds * 1000).toISOString()}::timestamptz`;
    const failures = sql`(CASE WHEN ${loginThrottle.lastFailedAt} < ${forgetBefore} THEN 1 ELSE ${loginThrottle.failures} + 1 END)`;
    // The policy's numbers are ours (integers), written into the statement so their types are plain.
    const [lockAfter, lockSeconds, backoffAfter, maxBackoff] = [
      policy.lockAfter,
      policy.lockSeconds,
      policy.backoffAfter,
      policy.maxBackoffSeconds,
    ].map((n) => sql.raw(String(Math.trunc(n))));
    const closeUntil = (n: SQL) => sql`(CASE
      WHEN ${n} >= ${lockAfter} THEN ${at} + ${lockSeconds} * interval '1 second'
      WHEN ${n} >= ${backoffAfter} THEN ${at} + least(power(2, ${n} - ${backoffAfter}), ${maxBackoff}) * interval '1 second'
      END)`;
    await db
      .insert(loginThrottle)
      .values({ key, failures: 1, firstFailedAt: now, lastFailedAt: now, lockedUntil: lockFor(policy, 1, now) })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures,
          firstFailedAt: sql`CASE WHEN ${loginThrottle.lastFailedAt} < ${forgetBefore} THEN ${at} ELSE ${loginThrottle.firstFailedAt} END`,
          lastFailedAt: at,
          // Never shortens a wait already set (a concurrent failure may have set a longer one).
          lockedUntil: sql`greatest(${loginThrottle.lockedUntil}, ${closeUntil(failures)})`,
        },
      });
  }
}

/** The wait after the n-th failure in a row, as in recordFailure's SQL (used for the first insert). */
export function lockFor(policy: ThrottlePolicy, failures: number, now: Date): Date | null {
  if (failures >= policy.lockAfter) return new Date(now.getTime() + policy.lockSeconds * 1000);
  if (failures >= policy.backoffAfter) {
    const seconds = Math.min(2 ** (failures - policy.backoffAfter), policy.maxBackoffSeconds);
    return new Date(now.getTime() + seconds * 1000);
  }
  return null;
}

/** A successful sign-in clears its account's count (not the address's: one good password must not reset a spray). */
export async function clearFailures(db: DbOrTx, keys: ThrottleKey[]): Promise<void> {
  const accountKeys = keys.filter((k) => k.key.startsWith('account:')).map((k) => k.key);
  if (accountKeys.length) await db.delete(loginThrottle).where(inArray(loginThrottle.key, accountKeys));
}

/**
 * Deletes counts that no longer matter: forgotten (last failure older than the longest
 * forget window) and not closed. A spray of made-up emails would otherwise leave a row each.
 */
export async function pruneLoginThrottle(db: DbOrTx, now: Date): Promise<number> {
  const forgetAfter = Math.max(ACCOUNT_POLICY.forgetAfterSeconds, ADDRESS_POLICY.forgetAfterSeconds);
  const deleted = await db
    .delete(loginThrottle)
    .where(
      and(
        lt(loginThrottle.lastFailedAt, new Date(now.getTime() - forgetAfter * 1000)),
        or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, now)),
      ),
    )
    .returning({ key: loginThrottle.key });
  return deleted.length;
}
