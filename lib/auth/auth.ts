import 'server-only';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { authLogger } from './logger';
import { verifyCredentials } from './queries';
import { resolveAuthSecret } from './secret';

export const ZSignInInput = z.object({
  email: z.string().trim().email().max(254),
  password: z.string().min(1).max(200),
});

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: resolveAuthSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login' },
  logger: authLogger,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = ZSignInInput.safeParse(raw);
        if (!parsed.success) return null;
        const userId = await verifyCredentials(await getDb(), parsed.data.email, parsed.data.password);
        return userId ? { id: userId } : null;
      },
    }),
  ],
  callbacks: {
    // The token carries only the user id; role and location scope are read from the database
    // on every request, so a role change takes effect at once.
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
