import { mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  parseSecretKey,
  resolveSecretKeys,
  SECRET_KEY_FILE,
  secretKeyProblem,
  SecretKeyError,
  type SecretKeys,
} from './keys';
import { openSecret, sealedWith, sealSecret } from './secret-box';

const keyText = () => randomBytes(32).toString('base64');
const keysOf = (current: string, ...previous: string[]): SecretKeys => ({
  current: parseSecretKey(current),
  previous: previous.map((p) => parseSecretKey(p)),
  source: 'test',
});
const CHANNEL = '6f1c2e7a-0000-4000-8000-000000000001';

describe('signing secrets at rest', () => {
  it('round-trips with AES-256-GCM, never storing the secret, and a new IV each time', () => {
    const keys = keysOf(keyText());
    const a = sealSecret(keys, 'cps_the-secret', CHANNEL);
    const b = sealSecret(keys, 'cps_the-secret', CHANNEL);
    expect(a).toMatch(new RegExp(`^v1\\.${keys.current.id}\\.`));
    expect(a).not.toContain('the-secret');
    expect(a).not.toBe(b);
    expect(openSecret(keys, a, CHANNEL)).toBe('cps_the-secret');
    expect(sealedWith(a)).toBe(keys.current.id);
  });

  it('refuses an altered value, another channel, and a key it was not sealed with', () => {
    const keys = keysOf(keyText());
    const sealed = sealSecret(keys, 'cps_x', CHANNEL);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => openSecret(keys, parts.join('.'), CHANNEL)).toThrow(/does not decrypt/i);
    expect(() => openSecret(keys, sealed, CHANNEL.replace(/1$/, '2'))).toThrow(/does not decrypt/i);
    expect(() => openSecret(keysOf(keyText()), sealed, CHANNEL)).toThrow(new RegExp(`key ${keys.current.id}`));
  });

  it('opens what an earlier key sealed once it is named as previous (key rotation)', () => {
    const old = keyText();
    const sealed = sealSecret(keysOf(old), 'cps_y', CHANNEL);
    const rotated = keysOf(keyText(), old);
    expect(openSecret(rotated, sealed, CHANNEL)).toBe('cps_y');
    expect(sealedWith(sealSecret(rotated, 'cps_y', CHANNEL))).toBe(rotated.current.id);
  });

  it('reads the plain values migration 0010 leaves until they are sealed', () => {
    expect(openSecret(keysOf(keyText()), 'plain:demo-secret-web', CHANNEL)).toBe('demo-secret-web');
    expect(sealedWith('plain:demo-secret-web')).toBeNull();
  });
});

describe('the key', () => {
  it('must be 32 bytes in base64', () => {
    expect(() => parseSecretKey('short')).toThrow(SecretKeyError);
    expect(() => parseSecretKey(randomBytes(16).toString('base64'))).toThrow(/32 random bytes/);
    expect(parseSecretKey(randomBytes(32).toString('base64url')).key).toHaveLength(32);
  });

  it('is required in production on PostgreSQL, with a message that says what to do', () => {
    const env = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/comptoir' };
    expect(() => resolveSecretKeys({ env, cwd: mkdtempSync(path.join(tmpdir(), 'keys-')) })).toThrow(
      /COMPTOIR_SECRET_KEY is not set.*openssl rand -base64 32/,
    );
    expect(secretKeyProblem(env)).toMatch(/COMPTOIR_SECRET_KEY is not set/);
    expect(secretKeyProblem({ ...env, COMPTOIR_SECRET_KEY: 'nope' })).toMatch(/32 random bytes/);
    expect(secretKeyProblem({ ...env, COMPTOIR_SECRET_KEY: keyText() })).toBeNull();
    // The embedded engine in production generates its own.
    expect(secretKeyProblem({ NODE_ENV: 'production' })).toBeNull();
  });

  it('is generated once into the data folder (mode 0600) without one, and stays readable once one is set', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'keys-'));
    const env = { NODE_ENV: 'development' };
    const first = resolveSecretKeys({ env, cwd });
    const file = path.join(cwd, SECRET_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveSecretKeys({ env, cwd }).current.id).toBe(first.current.id);
    expect(parseSecretKey(readFileSync(file, 'utf8')).id).toBe(first.current.id);

    const configured = resolveSecretKeys({ env: { ...env, COMPTOIR_SECRET_KEY: keyText() }, cwd });
    expect(configured.current.id).not.toBe(first.current.id);
    expect(configured.previous.map((k) => k.id)).toEqual([first.current.id]);
  });

  it('takes several previous keys, comma-separated', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'keys-'));
    mkdirSync(path.join(cwd, '.data'));
    const [a, b] = [keyText(), keyText()];
    const keys = resolveSecretKeys({
      env: { COMPTOIR_SECRET_KEY: keyText(), COMPTOIR_SECRET_KEY_PREVIOUS: `${a}, ${b}` },
      cwd,
    });
    expect(keys.previous.map((k) => k.id)).toEqual([parseSecretKey(a).id, parseSecretKey(b).id]);
    writeFileSync(path.join(cwd, SECRET_KEY_FILE), 'garbage');
    expect(() => resolveSecretKeys({ env: { COMPTOIR_SECRET_KEY: keyText() }, cwd })).toThrow(SecretKeyError);
  });
});
