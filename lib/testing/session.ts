import { AsyncLocalStorage } from 'node:async_hooks';
import { can, type Actor, type Permission } from '@/lib/auth/permissions';
import { Forbidden } from '@/lib/errors';

/**
 * The signed-in staff member of an edge test. The session is Auth.js's cookie, which a test has
 * not got, so a test of an action or a route handler mocks the session module with this one and
 * keeps everything else real:
 *
 *   vi.mock('@/lib/next/session', () => import('@/lib/testing/session'));
 *
 * `signIn(actor)` sets who is signed in for what follows (null: signed out); `actingAs(actor, fn)`
 * for one call only, so that two concurrent calls can be two staff members. requireActor keeps
 * the real one's rule: signed out, or without the right (at the location given), is Forbidden.
 */
const current = new AsyncLocalStorage<Actor>();
let signedIn: Actor | null = null;

export function signIn(actor: Actor | null): void {
  signedIn = actor;
}

export function actingAs<T>(actor: Actor, fn: () => T): T {
  return current.run(actor, fn);
}

export async function requireActor(permission: Permission, locationId?: string | null): Promise<Actor> {
  const actor = current.getStore() ?? signedIn;
  if (!actor) throw new Forbidden('Please sign in again.');
  if (!can(actor, permission, locationId)) throw new Forbidden();
  return actor;
}
