'use server';

import { AuthError } from 'next-auth';
import { signIn, ZSignInInput } from '@/lib/auth/auth';
import { getI18n } from '@/lib/i18n/server';

export type SignInState = {
  ok: false;
  code: 'validation_failed' | 'invalid_credentials' | 'unavailable';
  message: string;
  fieldErrors?: { email?: string; password?: string };
} | null;

/** Only paths inside this app: never an absolute or protocol-relative URL (open redirect). */
function safeRedirect(value: FormDataEntryValue | null): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

/**
 * Public. Signs in with email and password; on success Auth.js throws a redirect, which must
 * pass through untouched, so only AuthError is caught. A failure never says which part was wrong.
 */
export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const { t } = await getI18n();
  const parsed = ZSignInInput.safeParse({ email: formData.get('email') ?? '', password: formData.get('password') ?? '' });
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
    if (error.type === 'CredentialsSignin') {
      return { ok: false, code: 'invalid_credentials', message: t('login.errors.invalidCredentials') };
    }
    console.error('Sign-in failed', error);
    return { ok: false, code: 'unavailable', message: t('login.errors.unavailable') };
  }
  return null;
}
