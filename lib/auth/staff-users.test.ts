import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, locations, staffUsers, userLocations } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { createStaffUser } from './create-staff-user';
import { deactivateStaffUser } from './deactivate-staff-user';
import { verifyPassword } from './password';
import { endSessions, findStaffProfile } from './queries';
import { attemptSignIn } from './sign-in';

let handle: DbHandle;
let paris: string;
let lyon: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  const rows = await handle.db
    .insert(locations)
    .values([
      { code: 'PAR', name: 'Paris', kind: 'store', city: 'Paris' },
      { code: 'LYS', name: 'Lyon', kind: 'store', city: 'Lyon' },
    ])
    .returning({ id: locations.id });
  [paris, lyon] = rows.map((r) => r.id);
});

afterAll(async () => {
  await handle?.close();
});

const signIn = (email: string, password: string) =>
  attemptSignIn(handle.db, { email, password, clientAddress: '203.0.113.20' });

describe('createStaffUser', () => {
  it('creates an owner who signs in with that password (argon2id, as sign-in checks it), audited', async () => {
    const { id } = await createStaffUser(handle.db, {
      email: ' Claire@Example.COM ',
      name: 'Claire Moreau',
      role: 'owner',
      password: 'a long enough password',
    });
    const [row] = await handle.db.select().from(staffUsers).where(eq(staffUsers.id, id));
    expect(row).toMatchObject({
      email: 'claire@example.com',
      name: 'Claire Moreau',
      role: 'owner',
      active: true,
      sessionVersion: 0,
    });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(row.passwordHash, 'a long enough password')).toBe(true);
    expect(await signIn('claire@example.com', 'a long enough password')).toMatchObject({ ok: true, userId: id });
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit).toMatchObject([
      {
        action: 'staff.create',
        entityType: 'staff_user',
        actorId: null,
        data: { email: 'claire@example.com', role: 'owner' },
      },
    ]);
  });

  it('scopes a manager to the locations named by code (any case)', async () => {
    const { id } = await createStaffUser(handle.db, {
      email: 'julien@example.com',
      name: 'Julien',
      role: 'manager',
      locationCodes: ['par', 'LYS'],
      password: 'a long enough password',
    });
    const scope = await handle.db
      .select({ locationId: userLocations.locationId })
      .from(userLocations)
      .where(eq(userLocations.userId, id));
    expect(scope.map((s) => s.locationId).sort()).toEqual([paris, lyon].sort());
    expect([...((await findStaffProfile(handle.db, id))?.locationIds ?? [])].sort()).toEqual([paris, lyon].sort());
  });

  it('refuses a taken email (whatever its case), unknown location codes, a manager without location and a short password, writing nothing', async () => {
    const before = await handle.db.select({ id: staffUsers.id }).from(staffUsers);
    await expect(
      createStaffUser(handle.db, {
        email: 'CLAIRE@example.com',
        name: 'Again',
        role: 'agent',
        password: 'a long enough password',
      }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(
      createStaffUser(handle.db, {
        email: 'sophie@example.com',
        name: 'Sophie',
        role: 'manager',
        locationCodes: ['LYS', 'XXX'],
        password: 'a long enough password',
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', message: 'Unknown location code(s): XXX.' });
    await expect(
      createStaffUser(handle.db, {
        email: 'karim@example.com',
        name: 'Karim',
        role: 'manager',
        password: 'a long enough password',
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('needs at least one location'),
    });
    await expect(
      createStaffUser(handle.db, { email: 'ines@example.com', name: 'Inès', role: 'agent', password: 'short' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('at least 12 characters'),
    });
    expect(await handle.db.select({ id: staffUsers.id }).from(staffUsers)).toHaveLength(before.length);
  });
});

describe('session versions', () => {
  it('a token of another version opens no session; signing out ends the current one and a replayed old token changes nothing', async () => {
    const { id } = await createStaffUser(handle.db, {
      email: 'nadia@example.com',
      name: 'Nadia',
      role: 'agent',
      password: 'a long enough password',
    });
    const signedIn = await signIn('nadia@example.com', 'a long enough password');
    if (!signedIn.ok) throw new Error('sign-in failed');
    const token = { sub: signedIn.userId, sv: signedIn.sessionVersion };
    expect(await findStaffProfile(handle.db, token.sub, { sessionVersion: token.sv })).toMatchObject({
      userId: id,
      role: 'agent',
    });

    await endSessions(handle.db, token.sub, token.sv);
    expect(await findStaffProfile(handle.db, token.sub, { sessionVersion: token.sv })).toBeNull();

    // A new sign-in carries the new version; the old cookie signing out again does not end it.
    const again = await signIn('nadia@example.com', 'a long enough password');
    if (!again.ok) throw new Error('sign-in failed');
    expect(again.sessionVersion).toBe(token.sv + 1);
    await endSessions(handle.db, token.sub, token.sv);
    expect(await findStaffProfile(handle.db, id, { sessionVersion: again.sessionVersion })).not.toBeNull();
  });

  it('deactivating a user ends their sessions and refuses their password, and is audited once', async () => {
    const { id } = await createStaffUser(handle.db, {
      email: 'lucas@example.com',
      name: 'Lucas',
      role: 'agent',
      password: 'a long enough password',
    });
    const signedIn = await signIn('lucas@example.com', 'a long enough password');
    if (!signedIn.ok) throw new Error('sign-in failed');
    expect(await deactivateStaffUser(handle.db, 'Lucas@example.com')).toMatchObject({
      id,
      alreadyInactive: false,
      activeOwnersLeft: 1,
    });
    const [row] = await handle.db.select().from(staffUsers).where(eq(staffUsers.id, id));
    expect(row).toMatchObject({ active: false, sessionVersion: signedIn.sessionVersion + 1 });
    expect(await findStaffProfile(handle.db, id, { sessionVersion: signedIn.sessionVersion })).toBeNull();
    // Even a token carrying the new version: the account is inactive.
    expect(await findStaffProfile(handle.db, id, { sessionVersion: row.sessionVersion })).toBeNull();
    expect(await signIn('lucas@example.com', 'a long enough password')).toEqual({ ok: false, reason: 'invalid' });

    expect(await deactivateStaffUser(handle.db, 'lucas@example.com')).toMatchObject({ alreadyInactive: true });
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.filter((a) => a.action === 'staff.deactivate')).toHaveLength(1);
    await expect(deactivateStaffUser(handle.db, 'nobody@example.com')).rejects.toMatchObject({ code: 'not_found' });
  });
});
