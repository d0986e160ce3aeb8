import { logUnexpected } from '@/lib/log';

export type SignInFailure =
  | { code: 'throttled'; retryAfterSeconds: number }
  | { code: 'invalid_credentials' }
  | { code: 'unavailable'; requestId: string };

type AuthErrorLike = Error & { type?: unknown; code?: unknown; retryAfterSeconds?: unknown };

/**
 * What an Auth.js error thrown by signIn means for the sign-in form. A wrong email or password
 * (CredentialsSignin) and a throttled attempt (ThrottledSignin: a CredentialsSignin with code
 * 'throttled') are expected outcomes the form reports, so they are not logged; anything else is
 * logged as unexpected through the server's logger with the request id (name, code, stack and
 * cause, never the email typed or a statement's parameters). Read from Auth.js's `type` and the
 * code rather than instanceof, so this module needs no runtime import of next-auth.
 */
export function signInFailure(error: AuthErrorLike): SignInFailure {
  if (error.type === 'CredentialsSignin') {
    if (error.code === 'throttled' && typeof error.retryAfterSeconds === 'number') {
      return { code: 'throttled', retryAfterSeconds: Math.ceil(error.retryAfterSeconds) };
    }
    return { code: 'invalid_credentials' };
  }
  return { code: 'unavailable', requestId: logUnexpected(error, 'sign-in') };
}
