import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertAuthSecret, authSecretProblem, resolveAuthSecret } from './secret';

const PG = 'postgres://app@db.internal:5432/comptoir';

describe('AUTH_SECRET', () => {
  it('production on PostgreSQL without AUTH_SECRET refuses to start, saying why', () => {
    const env = { NODE_ENV: 'production', DATABASE_URL: PG };
    expect(authSecretProblem(env)).toMatch(/AUTH_SECRET is not set.*every app instance.*same secret/s);
    expect(() => assertAuthSecret(env)).toThrow(/AUTH_SECRET is not set/);
    const folder = mkdtempSync(path.join(tmpdir(), 'comptoir-secret-'));
    expect(() => resolveAuthSecret(env, folder)).toThrow(/AUTH_SECRET is not set/);
  });

  it('uses the configured secret everywhere', () => {
    const env = { NODE_ENV: 'production', DATABASE_URL: PG, AUTH_SECRET: 'shared-by-every-instance' };
    expect(authSecretProblem(env)).toBeNull();
    expect(resolveAuthSecret(env, '/nonexistent')).toBe('shared-by-every-instance');
  });

  it('the embedded engine and development generate one in the data folder, once', () => {
    for (const env of [{ NODE_ENV: 'production' }, { NODE_ENV: 'development', DATABASE_URL: PG }]) {
      const folder = mkdtempSync(path.join(tmpdir(), 'comptoir-secret-'));
      expect(authSecretProblem(env)).toBeNull();
      const first = resolveAuthSecret(env, folder);
      expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(resolveAuthSecret(env, folder)).toBe(first);
      expect(readFileSync(path.join(folder, 'auth-secret'), 'utf8')).toBe(first);
    }
  });

  it('next build (which signs nothing) does not need it', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'comptoir-secret-'));
    expect(() =>
      resolveAuthSecret({ NODE_ENV: 'production', DATABASE_URL: PG, NEXT_PHASE: 'phase-production-build' }, folder),
    ).not.toThrow();
  });
});
