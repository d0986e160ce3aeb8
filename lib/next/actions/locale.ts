'use server';

import { eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { getDb } from '@/db/client';
import { staffUsers } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { getSessionContext } from '@/lib/next/session';
import { LOCALE_COOKIE, LOCALE_COOKIE_OPTIONS, type Locale } from '@/lib/i18n/config';
import { ZLocale } from '@/lib/i18n/schemas';
import { getI18n } from '@/lib/next/i18n';

export type SetLocaleResult =
  { ok: true; data: { locale: Locale } } | { ok: false; code: 'validation_failed'; message: string };

/**
 * Remembers the language in a cookie. Deliberately open to signed-out visitors (the sign-in
 * page has a language switch): it writes nothing but the caller's own cookie. A signed-in
 * staff member also gets it saved on their own account, and only theirs.
 */
export async function setLocaleAction(locale: unknown): Promise<SetLocaleResult> {
  const parsed = ZLocale.safeParse(locale);
  if (!parsed.success) {
    const { t } = await getI18n();
    return { ok: false, code: 'validation_failed', message: t('errors.validation') };
  }
  (await cookies()).set(LOCALE_COOKIE, parsed.data, LOCALE_COOKIE_OPTIONS);
  const actor = await getSessionContext();
  if (actor && can(actor, 'session.self')) {
    await (await getDb()).update(staffUsers).set({ locale: parsed.data }).where(eq(staffUsers.id, actor.userId));
  }
  return { ok: true, data: { locale: parsed.data } };
}
