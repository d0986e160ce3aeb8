import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** At most this many argon2 computations run at once; the others wait their turn. */
export const PASSWORD_CONCURRENCY = 2;

/**
 * A counting semaphore: each argon2 call takes ~19 MiB and tens of milliseconds of a core, so a
 * flood of sign-in attempts queues here instead of taking every core and thread from the server.
 */
export function createSemaphore(limit: number) {
  let active = 0;
  let peak = 0;
  let started = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active < limit) active++;
      // The slot passes straight from the releaser to the next in line (active unchanged).
      else await new Promise<void>((resolve) => waiting.push(resolve));
      peak = Math.max(peak, active);
      started++;
      try {
        return await task();
      } finally {
        release();
      }
    },
    /** Running now, queued, most ever at once, and tasks started so far. */
    stats: () => ({ active, waiting: waiting.length, peak, started }),
  };
}

/** Shared by every hash and verification in this process. */
export const passwordSlots = createSemaphore(PASSWORD_CONCURRENCY);

// argon2id with the library's defaults (19 MiB, 2 passes): OWASP's minimum recommendation.
// Sign-in, the seeds and user:create all hash through here, so they share the parameters.
export function hashPassword(password: string): Promise<string> {
  return passwordSlots.run(() => hash(password));
}

// Used when the email is unknown, so both paths cost one argon2 verification.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$FZX08Q35L7C+vNfPFsf3+A$lIfJvZHb3YLW6sq5xvBgq7U6Pfpp13RafrsbAofPH9E';

/** Verifies a password against its hash (null: unknown account, verified against a dummy so it costs the same). */
export type Verify = (passwordHash: string | null, password: string) => Promise<boolean>;

let verifications = 0;
/** Password verifications run in this process so far (tests check that a throttled attempt runs none). */
export const verificationCount = () => verifications;

const verifyHeld: Verify = async (passwordHash, password) => {
  verifications++;
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return ok && passwordHash !== null;
  } catch {
    return false;
  }
};

/**
 * Runs `task` once a password slot is free, handing it the verifier that may only run inside
 * one. Sign-in checks its throttle again here, so attempts that queued behind failures that
 * closed the account are refused without a verification.
 */
export function withPasswordSlot<T>(task: (verify: Verify) => Promise<T>): Promise<T> {
  return passwordSlots.run(() => task(verifyHeld));
}

export function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  return withPasswordSlot((verify) => verify(passwordHash, password));
}

/** Shortest password user:create accepts (OWASP ASVS 2.1.1: at least 12 characters). */
export const MIN_PASSWORD_LENGTH = 12;

/** A random password for a new account, printed once: 120 bits, letters, digits, '-' and '_'. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
