'use server';

import { redirect } from 'next/navigation';
import { signOut } from '@/lib/auth/auth';
import { requireActor } from '@/lib/auth/session';
import { isDomainError } from '@/lib/errors';

/** Ends the session and goes back to the sign-in page (an expired session goes there too). */
export async function signOutAction(): Promise<void> {
  const actor = await requireActor('session.self').catch((error: unknown) => {
    if (isDomainError(error)) return null;
    throw error;
  });
  if (!actor) redirect('/login');
  await signOut({ redirectTo: '/login' });
}
