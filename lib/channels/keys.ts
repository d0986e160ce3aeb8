import { createHash, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A key that encrypts channel signing secrets at rest; `id` names it in what it encrypted. */
type Env = Record<string, string | undefined>;

export type SecretKey = { id: string; key: Buffer };
/** The key new secrets are encrypted with, and older ones still accepted for decryption. */
export type SecretKeys = { current: SecretKey; previous: SecretKey[]; source: string };

export const SECRET_KEY_ENV = 'COMPTOIR_SECRET_KEY';
export const PREVIOUS_SECRET_KEY_ENV = 'COMPTOIR_SECRET_KEY_PREVIOUS';
/** Where the embedded demo keeps the key it generated (git-ignored with the rest of .data/). */
export const SECRET_KEY_FILE = path.join('.data', 'secret-key');

const GENERATE = 'generate one with `openssl rand -base64 32`';

export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretKeyError';
  }
}

/** A base64 (or base64url) encoded 32-byte key, as COMPTOIR_SECRET_KEY holds it. */
export function parseSecretKey(value: string, name = SECRET_KEY_ENV): SecretKey {
  const text = value.trim();
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(text) ? Buffer.from(text, 'base64') : Buffer.alloc(0);
  if (key.length !== 32) throw new SecretKeyError(`${name} must be 32 random bytes, base64-encoded (${GENERATE}).`);
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
}

/** Whether the key must come from the environment: production on PostgreSQL, where instances share it. */
export function secretKeyRequired(env: Env = process.env): boolean {
  return env.NODE_ENV === 'production' && !!env.DATABASE_URL;
}

/** The configuration mistake, as a message for the start log, or null when the keys are fine. */
export function secretKeyProblem(env: Env = process.env): string | null {
  try {
    if (env[SECRET_KEY_ENV]?.trim()) parseSecretKey(env[SECRET_KEY_ENV]);
    for (const v of (env[PREVIOUS_SECRET_KEY_ENV] ?? '').split(',').filter((x) => x.trim()))
      parseSecretKey(v, PREVIOUS_SECRET_KEY_ENV);
    if (!env[SECRET_KEY_ENV]?.trim() && secretKeyRequired(env)) resolveSecretKeys({ env });
    return null;
  } catch (error) {
    if (error instanceof SecretKeyError) return error.message;
    throw error;
  }
}

type Options = { env?: Env; cwd?: string };

/**
 * COMPTOIR_SECRET_KEY (and COMPTOIR_SECRET_KEY_PREVIOUS, comma-separated, for decryption only).
 * Without it, production on PostgreSQL refuses (SecretKeyError); the embedded engine and
 * development generate a key once into .data/secret-key (mode 0600). A key generated there
 * before COMPTOIR_SECRET_KEY was set stays accepted for decryption, so the demo's secrets can be
 * re-encrypted with the new key (npm run channel:reencrypt).
 */
export function resolveSecretKeys({ env = process.env, cwd = process.cwd() }: Options = {}): SecretKeys {
  const file = path.join(cwd, SECRET_KEY_FILE);
  const previous = (env[PREVIOUS_SECRET_KEY_ENV] ?? '')
    .split(',')
    .filter((v) => v.trim())
    .map((v) => parseSecretKey(v, PREVIOUS_SECRET_KEY_ENV));
  const fromEnv = env[SECRET_KEY_ENV]?.trim();
  if (fromEnv) {
    const current = parseSecretKey(fromEnv);
    if (existsSync(file)) previous.push(parseSecretKey(readFileSync(file, 'utf8'), file));
    return { current, previous: previous.filter((k) => k.id !== current.id), source: SECRET_KEY_ENV };
  }
  if (secretKeyRequired(env)) {
    throw new SecretKeyError(
      `${SECRET_KEY_ENV} is not set. In production on PostgreSQL, channel signing secrets are encrypted with a key ` +
        `that every instance shares: ${GENERATE}, set ${SECRET_KEY_ENV} to it on every instance, and start again.`,
    );
  }
  return { current: parseSecretKey(generatedKey(file), file), previous, source: SECRET_KEY_FILE };
}

/** The data folder's key, generated once; two processes starting at once agree on one (link fails if it exists). */
function generatedKey(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, randomBytes(32).toString('base64'), { mode: 0o600 });
    try {
      linkSync(tmp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(tmp);
    }
  }
  return readFileSync(file, 'utf8');
}

let processKeys: SecretKeys | undefined;

/** The process's keys, resolved once from its environment. */
export function secretKeys(): SecretKeys {
  processKeys ??= resolveSecretKeys();
  return processKeys;
}

/** The environment that gives another process these same keys (a server started by the bench, which seeded with them). */
export function secretKeysEnv(keys: SecretKeys): Record<string, string> {
  return {
    [SECRET_KEY_ENV]: keys.current.key.toString('base64'),
    [PREVIOUS_SECRET_KEY_ENV]: keys.previous.map((k) => k.key.toString('base64')).join(','),
  };
}
