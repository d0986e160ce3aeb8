// next-auth re-exports these; imported from @auth/core because next-auth's entry needs Next.js.
import { CallbackRouteError, CredentialsSignin } from '@auth/core/errors';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logTo, withRequestId } from '@/lib/log';
import { signInFailure } from './sign-in-failure';

let lines: string[] = [];
let restore = () => {};
function capture() {
  lines = [];
  restore = logTo({ write: (line: string) => void lines.push(line) });
}

/** As lib/next/auth.ts throws it (that module needs Next.js). */
class ThrottledSignin extends CredentialsSignin {
  code = 'throttled';
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

describe('signInFailure', () => {
  afterEach(() => {
    restore();
    vi.restoreAllMocks();
  });

  it('answers a wrong password and a throttled attempt without logging them', () => {
    capture();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(signInFailure(new CredentialsSignin())).toEqual({ code: 'invalid_credentials' });
    expect(signInFailure(new ThrottledSignin(3.2))).toEqual({ code: 'throttled', retryAfterSeconds: 4 });
    expect(lines).toEqual([]);
    expect(spy).not.toHaveBeenCalled();
  });

  it("logs anything else through the server's logger with the request id, never the email or the parameters", () => {
    capture();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const database = Object.assign(
      new Error('Failed query: select * from staff_users where email = $1\nparams: lea@example.fr'),
      { query: 'select * from staff_users where email = $1', params: ['lea@example.fr'] },
    );
    const wrapped = new CallbackRouteError('Read more at https://errors.authjs.dev', { cause: { err: database } });
    const failure = withRequestId('req-42', () => signInFailure(wrapped));
    expect(failure).toEqual({ code: 'unavailable', requestId: 'req-42' });
    expect(lines.map((l) => JSON.parse(l))).toMatchObject([
      {
        level: 'error',
        requestId: 'req-42',
        where: 'sign-in',
        err: { name: 'CallbackRouteError', cause: { message: 'Failed query', query: 'select … from staff_users' } },
      },
    ]);
    expect(lines.join('')).not.toContain('lea@example.fr');
    expect(spy).not.toHaveBeenCalled();
  });
});
