'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signOut } from '@/lib/next/auth';
import { requireActor } from '@/lib/next/session';
import { isDomainError } from '@/lib/errors';

// Sign-out takes nothing: anything else sent to this endpoint is refused before it runs.
const ZSignOutInput = z.undefined();

/** Ends the session and goes back to the sign-in page (an expired session goes there too). */
export async function signOutAction(input?: unknown): Promise<void> {
  if (!ZSignOutInput.safeParse(input).success) redirect('/');
  const actor = await requireActor('session.self').catch((error: unknown) => {
    if (isDomainError(error)) return null;
    throw error;
  });
  if (!actor) redirect('/login');
  await signOut({ redirectTo: '/login' });
}
