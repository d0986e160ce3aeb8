// next-auth re-exports these; imported from @auth/core because next-auth's entry needs Next.js.
import { AuthError, CredentialsSignin } from '@auth/core/errors';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logTo } from '@/lib/log';
import { authLogger } from '@/lib/next/auth-logger';

let lines: string[] = [];
let restore = () => {};
function capture() {
  lines = [];
  restore = logTo({ write: (line: string) => void lines.push(line) });
}

describe('authLogger', () => {
  afterEach(() => {
    restore();
    vi.restoreAllMocks();
  });

  it('stays silent for a wrong email or password', () => {
    capture();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    authLogger.error(new CredentialsSignin());
    class UnknownAccount extends CredentialsSignin {
      code = 'unknown_account';
    }
    authLogger.error(new UnknownAccount());
    expect(lines).toEqual([]);
    expect(spy).not.toHaveBeenCalled();
  });

  it("sends every other error to the server's logger, with its cause and without the values", () => {
    capture();
    const callback = new AuthError('Read more at https://errors.authjs.dev', {
      cause: { err: new Error('database down for lea@example.fr') },
    });
    authLogger.error(callback);
    authLogger.error(new Error('boom'));
    const entries = lines.map((l) => JSON.parse(l));
    expect(entries).toMatchObject([
      {
        level: 'error',
        where: 'auth',
        err: { name: 'AuthError', cause: { name: 'Error', message: 'database down for [email]' } },
      },
      { level: 'error', where: 'auth', err: { name: 'Error', message: 'boom' } },
    ]);
    expect(lines.join('')).not.toContain('lea@example.fr');
  });
});
