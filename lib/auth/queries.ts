import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { staffUsers, userLocations } from '@/db/schema';
import { verifyPassword } from './password';
import type { Actor, Role } from './permissions';

export type StaffProfile = Actor & { email: string; name: string; locale: string | null };

/** Loads a staff member and their location scope from the database (never from the client). */
export async function findStaffProfile(db: DbOrTx, userId: string): Promise<StaffProfile | null> {
  const [user] = await db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      locale: staffUsers.locale,
      active: staffUsers.active,
    })
    .from(staffUsers)
    .where(eq(staffUsers.id, userId));
  if (!user || !user.active) return null;
  const scope = await db
    .select({ locationId: userLocations.locationId })
    .from(userLocations)
    .where(eq(userLocations.userId, userId));
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    locale: user.locale,
    locationIds: scope.map((s) => s.locationId),
  };
}

/** Checks an email and password; returns the user id, or null without saying which part was wrong. */
export async function verifyCredentials(db: DbOrTx, email: string, password: string): Promise<string | null> {
  const [user] = await db
    .select({ id: staffUsers.id, passwordHash: staffUsers.passwordHash, active: staffUsers.active })
    .from(staffUsers)
    .where(eq(staffUsers.email, email.trim().toLowerCase()));
  const ok = await verifyPassword(user?.active ? user.passwordHash : null, password);
  if (!ok || !user) return null;
  await db.update(staffUsers).set({ lastSignInAt: new Date() }).where(eq(staffUsers.id, user.id));
  return user.id;
}
