'use server';

import { AuthError } from 'next-auth';
import { signIn, ZSignInInput } from '@/lib/next/auth';
import { signInFailure } from '@/lib/auth/sign-in-failure';
import type { Translate } from '@/lib/next/i18n';
import { getI18n } from '@/lib/next/i18n';
import type { SignInState } from '@/lib/auth/sign-in-state';

/** Only paths inside this app: never an absolute or protocol-relative URL (open redirect). */
function safeRedirect(value: FormDataEntryValue | null): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return '/';
  return value;
}

/** "Try again in 40 seconds / 3 minutes", rounded up: waiting what it says is always enough. */
function waitMessage(t: Translate, seconds: number): string {
  if (seconds <= 1) return t('login.errors.throttledMoment');
  if (seconds < 60) return t('login.errors.throttledSeconds', { seconds });
  return t('login.errors.throttledMinutes', { minutes: Math.ceil(seconds / 60) });
}

/**
 * Public. Signs in with email and password; on success Auth.js throws a redirect, which must
 * pass through untouched, so only AuthError is caught. A failure never says which part was wrong,
 * and a throttled attempt (no password checked) only says how long to wait; only an unexpected
 * failure is logged (signInFailure: the server's logger, without the email or any value).
 */
export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const { t } = await getI18n();
  const parsed = ZSignInInput.safeParse({
    email: formData.get('email') ?? '',
    password: formData.get('password') ?? '',
  });
  if (!parsed.success) {
    const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
    return {
      ok: false,
      code: 'validation_failed',
      message: t('errors.validation'),
      fieldErrors: {
        email: fields.has('email') ? t('login.errors.emailInvalid') : undefined,
        password: fields.has('password') ? t('login.errors.passwordRequired') : undefined,
      },
    };
  }
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: safeRedirect(formData.get('redirectTo')) });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const failure = signInFailure(error);
    switch (failure.code) {
      case 'throttled': {
        const seconds = failure.retryAfterSeconds;
        return { ok: false, code: 'throttled', message: waitMessage(t, seconds), retryAfterSeconds: seconds };
      }
      case 'invalid_credentials':
        return { ok: false, code: 'invalid_credentials', message: t('login.errors.invalidCredentials') };
      case 'unavailable':
        return { ok: false, code: 'unavailable', message: t('login.errors.unavailable'), requestId: failure.requestId };
    }
  }
  return null;
}
