// next-auth re-exports these; imported from @auth/core because next-auth's entry needs Next.js.
import { AuthError, CredentialsSignin } from '@auth/core/errors';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authLogger } from './logger';

describe('authLogger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('stays silent for a wrong email or password', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    authLogger.error(new CredentialsSignin());
    class UnknownAccount extends CredentialsSignin {
      code = 'unknown_account';
    }
    authLogger.error(new UnknownAccount());
    expect(spy).not.toHaveBeenCalled();
  });

  it('forwards every other error to console.error', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const callback = new AuthError('Read more at https://errors.authjs.dev', { cause: { err: new Error('database down') } });
    const plain = new Error('boom');
    authLogger.error(callback);
    authLogger.error(plain);
    expect(spy.mock.calls).toEqual([
      ['[auth][error]', callback],
      ['[auth][error]', plain],
    ]);
  });
});
