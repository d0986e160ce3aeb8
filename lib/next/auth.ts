import 'server-only';
import { cookies } from 'next/headers';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { authLogger } from '@/lib/next/auth-logger';
import { endSessions } from '@/lib/auth/queries';
import { resolveAuthSecret } from '@/lib/auth/secret';
import { attemptSignIn } from '@/lib/auth/sign-in';
import { LOCALE_COOKIE, LOCALE_COOKIE_OPTIONS } from '@/lib/i18n/config';
import { clientAddressOf } from '@/lib/auth/throttle';

export const ZSignInInput = z.object({
  email: z.string().trim().email().max(254),
  password: z.string().min(1).max(200),
});

/** Too many failed attempts: the form says how long to wait, and nothing about the account. */
export class ThrottledSignin extends CredentialsSignin {
  code = 'throttled';
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: resolveAuthSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login' },
  logger: authLogger,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = ZSignInInput.safeParse(raw);
        if (!parsed.success) return null;
        const outcome = await attemptSignIn(await getDb(), {
          ...parsed.data,
          clientAddress: clientAddressOf(request?.headers),
        });
        if (outcome.ok) {
          // The language they chose last, on any browser, is theirs on this one too; with none saved,
          // this browser's cookie or Accept-Language decides.
          if (outcome.locale) (await cookies()).set(LOCALE_COOKIE, outcome.locale, LOCALE_COOKIE_OPTIONS);
          return { id: outcome.userId, sessionVersion: outcome.sessionVersion };
        }
        if (outcome.reason === 'throttled') throw new ThrottledSignin(outcome.retryAfterSeconds);
        return null;
      },
    }),
  ],
  callbacks: {
    // The token carries the user id and their session version; role and location scope are read
    // from the database on every request (getSessionContext), so a role change takes effect at
    // once, and a version bumped by sign-out or deactivation ends the session everywhere.
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return Object.assign(session, { sessionVersion: typeof token.sv === 'number' ? token.sv : undefined });
    },
  },
  events: {
    // Also for a cookie copied elsewhere: once the version moves on, no copy opens a page.
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      if (token?.sub && typeof token.sv === 'number') await endSessions(await getDb(), token.sub, token.sv);
    },
  },
});

/** The session version a signed-in session carries (see the session callback); undefined for older tokens. */
export function sessionVersionOf(session: unknown): number | undefined {
  const version = (session as { sessionVersion?: unknown } | null)?.sessionVersion;
  return typeof version === 'number' ? version : undefined;
}
