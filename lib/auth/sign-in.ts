import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { staffUsers } from '@/db/schema';
import { isLocale, type Locale } from '@/lib/i18n/config';
import { withPasswordSlot } from './password';
import {
  clearFailures,
  normalizeEmail,
  pruneLoginThrottle,
  recordFailure,
  throttledFor,
  throttleKeys,
} from './throttle';

export type SignInAttempt = { email: string; password: string; clientAddress: string };

export type SignInOutcome =
  /** `locale`: the language the staff member chose last (saved by the language switch), null if none. */
  | { ok: true; userId: string; sessionVersion: number; locale: Locale | null }
  /** Wrong email, wrong password or a deactivated account: never says which. */
  | { ok: false; reason: 'invalid' }
  /** Too many failures for this account or address: no password was checked. */
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks a sign-in attempt against the throttle, then the password. While the account or the
 * address is throttled no password is verified, and an unknown email fails, counts and waits
 * exactly as a known one does, so the answer never tells whether an account exists.
 */
export async function attemptSignIn(
  db: DbOrTx,
  attempt: SignInAttempt,
  clock: () => Date = () => new Date(),
): Promise<SignInOutcome> {
  const email = normalizeEmail(attempt.email);
  const keys = throttleKeys(email, attempt.clientAddress);
  const closed = await throttledFor(db, keys, clock());
  if (closed > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: closed };

  const checked = await withPasswordSlot(async (verify) => {
    // Again once the slot is ours: failures recorded while this attempt queued may have closed it.
    const wait = await throttledFor(db, keys, clock());
    if (wait > 0) return { wait, user: undefined };
    const [user] = await db
      .select({
        id: staffUsers.id,
        passwordHash: staffUsers.passwordHash,
        active: staffUsers.active,
        sessionVersion: staffUsers.sessionVersion,
        locale: staffUsers.locale,
      })
      .from(staffUsers)
      .where(eq(staffUsers.email, email));
    const ok = await verify(user?.active ? user.passwordHash : null, attempt.password);
    // Counted before the slot is released, so the attempt next in line sees this failure.
    if (!ok) await recordFailure(db, keys, clock());
    return { wait: 0, user: ok ? user : undefined };
  });
  if (checked.wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: checked.wait };
  if (!checked.user) {
    // Now and then, not on every failure: a cheap sweep of counts that have expired.
    if (Math.random() < 1 / 256) await pruneLoginThrottle(db, clock());
    return { ok: false, reason: 'invalid' };
  }
  await clearFailures(db, keys);
  await db
    .update(staffUsers)
    .set({ lastSignInAt: sql`now()` })
    .where(eq(staffUsers.id, checked.user.id));
  const { id: userId, sessionVersion, locale } = checked.user;
  return { ok: true, userId, sessionVersion, locale: isLocale(locale) ? locale : null };
}
