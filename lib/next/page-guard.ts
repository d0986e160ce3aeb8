import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { isDomainError } from '@/lib/errors';
import { getSessionContext, type SessionContext } from '@/lib/next/session';

/** An authorised read for a page, settled: its value, or why there is none. */
export type Settled<T> = { ok: true; value: T } | { ok: false; code: 'not_found' | 'forbidden' | 'signed_out' };

/**
 * Runs an authorised read (a lib `get…ForActor` that throws NotFound or Forbidden) for the
 * signed-in user, without throwing those: a page and its generateMetadata share one settled
 * result (wrap the call in React's cache()), so the title is never read past a refusal.
 */
export async function settle<T>(read: (actor: SessionContext) => Promise<T>): Promise<Settled<T>> {
  const actor = await getSessionContext();
  if (!actor) return { ok: false, code: 'signed_out' };
  try {
    return { ok: true, value: await read(actor) };
  } catch (error) {
    if (isDomainError(error) && (error.code === 'not_found' || error.code === 'forbidden'))
      return { ok: false, code: error.code };
    throw error;
  }
}

/**
 * The page's value, or the right answer: the 404 page for a missing (or malformed) id, the
 * forbidden page for one out of scope, sign-in when signed out. Call it before anything streams
 * (no loading boundary above it) so the status is a real 404 or redirect.
 */
export function valueForPage<T>(settled: Settled<T>): T {
  if (settled.ok) return settled.value;
  if (settled.code === 'not_found') notFound();
  redirect(settled.code === 'signed_out' ? '/login' : '/forbidden');
}
