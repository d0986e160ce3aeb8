import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type Env = Record<string, string | undefined>;

export const MISSING_AUTH_SECRET =
  'AUTH_SECRET is not set. In production on PostgreSQL, Comptoir does not generate one: every app instance ' +
  'behind the load balancer must sign and read sessions with the same secret, and a secret generated on one ' +
  'machine would sign everyone out of the others (and at every redeploy). Generate one, e.g. ' +
  '`openssl rand -base64 32`, and set AUTH_SECRET to that same value on every instance.';

/** The configuration mistake, as a message, or null when the environment is fine. */
export function authSecretProblem(env: Env = process.env): string | null {
  if (env.AUTH_SECRET) return null;
  return env.NODE_ENV === 'production' && env.DATABASE_URL ? MISSING_AUTH_SECRET : null;
}

/** Called at start (scripts/setup-db.ts, scripts/serve.ts): refuses to run rather than fail on the first sign-in. */
export function assertAuthSecret(env: Env = process.env): void {
  const problem = authSecretProblem(env);
  if (problem) throw new Error(problem);
}

/**
 * AUTH_SECRET from the environment; required in production on PostgreSQL. For the embedded
 * engine and development, a random secret generated once and kept in .data/ (git-ignored) so
 * sessions survive restarts.
 */
export function resolveAuthSecret(env: Env = process.env, dataFolder = path.join(process.cwd(), '.data')): string {
  // `next build` evaluates this module to collect pages but signs nothing: a build machine need not hold the secret.
  if (env.NEXT_PHASE !== 'phase-production-build') assertAuthSecret(env);
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(dataFolder, 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
