import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { staffUsers } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { NotFound } from '@/lib/errors';
import { normalizeEmail } from './throttle';

/**
 * Deactivates a staff account: it can no longer sign in, and the session version moves on, so
 * every session it holds ends at its next request. Audited; safe to run twice.
 */
export async function deactivateStaffUser(
  db: Db,
  rawEmail: string,
): Promise<{ id: string; alreadyInactive: boolean; activeOwnersLeft: number }> {
  const email = normalizeEmail(rawEmail);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ id: staffUsers.id, active: staffUsers.active })
      .from(staffUsers)
      .where(eq(staffUsers.email, email))
      .for('update');
    if (!before) throw new NotFound(`Staff account ${email}`);
    await tx
      .update(staffUsers)
      .set({ active: false, sessionVersion: sql`${staffUsers.sessionVersion} + 1` })
      .where(eq(staffUsers.id, before.id));
    if (before.active) {
      await writeAudit(tx, {
        actorId: null,
        action: 'staff.deactivate',
        entityType: 'staff_user',
        entityId: before.id,
        data: { email, via: 'cli' },
      });
    }
    const owners = await tx.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM staff_users WHERE active AND role = 'owner'`,
    );
    return { id: before.id, alreadyInactive: !before.active, activeOwnersLeft: Number(owners.rows[0].n) };
  });
}
