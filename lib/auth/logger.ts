import type { NextAuthConfig } from 'next-auth';

/**
 * What Auth.js logs. A wrong email or password (CredentialsSignin, or a subclass with its own
 * code) is an expected outcome that the sign-in form already reports, so it is not logged: by
 * default Auth.js prints a full stack for each one. Every other error goes to console.error
 * whole, with its stack and cause. The test is on Auth.js's `type` rather than `instanceof`, so
 * this module needs no runtime import of next-auth.
 */
export const authLogger = {
  error(error: Error) {
    if ('type' in error && error.type === 'CredentialsSignin') return;
    console.error('[auth][error]', error);
  },
} satisfies NextAuthConfig['logger'];
