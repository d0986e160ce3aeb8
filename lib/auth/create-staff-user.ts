import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { locations, staffUsers, userLocations } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError } from '@/lib/errors';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password';
import { ROLES } from './permissions';
import { normalizeEmail } from './throttle';

export const ZCreateStaffUserInput = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    name: z.string().trim().min(1).max(120),
    role: z.enum(ROLES),
    locationCodes: z.array(z.string().trim().toUpperCase().min(1).max(32)).default([]),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`)
      .max(200),
  })
  .superRefine((input, ctx) => {
    if (input.role === 'manager' && input.locationCodes.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['locationCodes'],
        message: 'A manager needs at least one location (--location CODE).',
      });
    }
    if (input.role === 'owner' && input.locationCodes.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['locationCodes'],
        message: 'An owner sees every location: give no --location.',
      });
    }
  });
export type CreateStaffUserInput = z.input<typeof ZCreateStaffUserInput>;

/**
 * Creates a staff account (the first owner of a real install, from the command line): the
 * password hashed with the sign-in's argon2id parameters, the location scope by location code,
 * and an audit row, in one transaction. Refuses a taken email and unknown location codes.
 */
export async function createStaffUser(db: Db, raw: CreateStaffUserInput): Promise<{ id: string; email: string }> {
  const parsed = ZCreateStaffUserInput.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError('validation_failed', parsed.error.issues.map((i) => i.message).join(' '), {
      fields: parsed.error.issues.map((i) => i.path.join('.')),
    });
  }
  const input = parsed.data;
  const email = normalizeEmail(input.email);
  const codes = [...new Set(input.locationCodes)];
  const passwordHash = await hashPassword(input.password);

  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ active: staffUsers.active }).from(staffUsers).where(eq(staffUsers.email, email));
    if (taken)
      throw new DomainError(
        'conflict',
        `A staff account with the email ${email} already exists${taken.active ? '' : ' (deactivated)'}.`,
      );
    const found = codes.length
      ? await tx
          .select({ id: locations.id, code: locations.code })
          .from(locations)
          .where(inArray(locations.code, codes))
      : [];
    const unknown = codes.filter((code) => !found.some((l) => l.code === code));
    if (unknown.length)
      throw new DomainError('validation_failed', `Unknown location code(s): ${unknown.join(', ')}.`, { unknown });

    // ON CONFLICT: a concurrent creation of the same email loses cleanly instead of failing on the unique index.
    const [user] = await tx
      .insert(staffUsers)
      .values({ email, name: input.name, role: input.role, passwordHash })
      .onConflictDoNothing({ target: staffUsers.email })
      .returning({ id: staffUsers.id });
    if (!user) throw new DomainError('conflict', `A staff account with the email ${email} already exists.`);
    if (found.length) await tx.insert(userLocations).values(found.map((l) => ({ userId: user.id, locationId: l.id })));
    await writeAudit(tx, {
      actorId: null,
      action: 'staff.create',
      entityType: 'staff_user',
      entityId: user.id,
      data: { email, role: input.role, locations: codes, via: 'cli' },
    });
    return { id: user.id, email };
  });
}
