import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { staffUsers, userLocations } from '@/db/schema';
import type { Actor } from './permissions';

export type StaffProfile = Actor & { email: string; name: string; locale: string | null };

/**
 * Loads a staff member and their location scope from the database (never from the client).
 * With `sessionVersion` (a session token's), refuses a token issued before the user signed out
 * or was deactivated: the version in the database has moved on.
 */
export async function findStaffProfile(
  db: DbOrTx,
  userId: string,
  opts: { sessionVersion?: number } = {},
): Promise<StaffProfile | null> {
  const [user] = await db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      locale: staffUsers.locale,
      active: staffUsers.active,
      sessionVersion: staffUsers.sessionVersion,
    })
    .from(staffUsers)
    .where(eq(staffUsers.id, userId));
  if (!user || !user.active) return null;
  if (opts.sessionVersion !== undefined && opts.sessionVersion !== user.sessionVersion) return null;
  const scope = await db
    .select({ locationId: userLocations.locationId })
    .from(userLocations)
    .where(eq(userLocations.userId, userId));
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    locationIds: scope.map((s) => s.locationId),
  };
}

/**
 * Ends every session of a user carrying this version (sign-out): their tokens no longer match.
 * A replayed older token changes nothing, so it cannot sign the user out of their current sessions.
 */
export async function endSessions(db: DbOrTx, userId: string, sessionVersion: number): Promise<void> {
  await db
    .update(staffUsers)
    .set({ sessionVersion: sql`${staffUsers.sessionVersion} + 1` })
    .where(and(eq(staffUsers.id, userId), eq(staffUsers.sessionVersion, sessionVersion)));
}
