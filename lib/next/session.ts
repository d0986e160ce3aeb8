import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { Forbidden } from '@/lib/errors';
import { auth, sessionVersionOf } from '@/lib/next/auth';
import { can, type Permission } from '@/lib/auth/permissions';
import { findStaffProfile, type StaffProfile } from '@/lib/auth/queries';

export type SessionContext = StaffProfile;

/**
 * The signed-in staff member with role and scope loaded from the database, once per request;
 * null when the session's version is no longer the user's (signed out, deactivated).
 */
export const getSessionContext = cache(async (): Promise<SessionContext | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionVersion = sessionVersionOf(session);
  // A token without a version predates session versions: it cannot be checked, so it is refused.
  if (!userId || sessionVersion === undefined) return null;
  return findStaffProfile(await getDb(), userId, { sessionVersion });
});

/** For pages: signed out → /login; signed in without the right → 403 page. */
export async function requirePage(permission: Permission): Promise<SessionContext> {
  const ctx = await getSessionContext();
  if (!ctx) redirect('/login');
  if (!can(ctx, permission)) redirect('/forbidden');
  return ctx;
}

/** For actions and route handlers: throws a typed error the edge maps to a result or status. */
export async function requireActor(permission: Permission, locationId?: string | null): Promise<SessionContext> {
  const ctx = await getSessionContext();
  if (!ctx) throw new Forbidden('Please sign in again.');
  if (!can(ctx, permission, locationId)) throw new Forbidden();
  return ctx;
}
