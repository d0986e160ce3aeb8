import type { NextAuthConfig } from 'next-auth';
import { logger } from '@/lib/log';

/**
 * What Auth.js logs. A wrong email or password (CredentialsSignin, or a subclass with its own
 * code) is an expected outcome that the sign-in form already reports, so it is not logged: by
 * default Auth.js prints a full stack for each one. Every other error goes to the server's logger
 * (lib/log.ts: name, code, stack and cause, never the values it was about). The test is on
 * Auth.js's `type` rather than `instanceof`, so
 * this module needs no runtime import of next-auth.
 */
export const authLogger = {
  error(error: Error) {
    if ('type' in error && error.type === 'CredentialsSignin') return;
    logger().error({ where: 'auth', err: error }, 'Auth.js error');
  },
} satisfies NextAuthConfig['logger'];
