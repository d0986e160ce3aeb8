'use client';

import { useActionState, useId, useState } from 'react';
import { Icon } from '@/components/ui/icons';
import { CircleAlert } from 'lucide';
import type { SignInState } from '@/lib/auth/sign-in-state';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { signInAction } from '@/lib/next/actions/sign-in';
import { useI18n } from '@/lib/next/i18n-client';

export type DemoAccount = { email: string; role: string };

export function LoginForm({
  redirectTo,
  demo,
}: {
  redirectTo: string;
  demo: { accounts: DemoAccount[]; password: string } | null;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, null);
  // Controlled, so a failed attempt keeps what was typed and the demo box can fill the form in.
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const id = useId();
  const emailError = state?.fieldErrors?.email;
  const passwordError = state?.fieldErrors?.password;
  const formError = state && !state.fieldErrors ? state.message : null;

  return (
    <>
      <form
        action={formAction}
        noValidate
        className="flex flex-col gap-4"
        aria-describedby={formError ? `${id}-error` : undefined}
      >
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {formError ? (
          <div
            id={`${id}-error`}
            role="alert"
            className="flex items-start gap-2 rounded-md border border-problem-border bg-problem-soft px-3 py-2.5 text-sm text-problem"
          >
            <Icon node={CircleAlert} aria-hidden className="mt-px size-4 shrink-0" />
            <span>
              {formError}
              {/* An unexpected failure: the id of its log line, for whoever looks into it. */}
              {state?.requestId ? (
                <span className="mt-1 block font-mono text-xs">
                  {t('error.reference', { digest: state.requestId })}
                </span>
              ) : null}
            </span>
          </div>
        ) : null}
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-email`}>{t('login.email')}</Label>
          <Input
            id={`${id}-email`}
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? `${id}-email-error` : undefined}
          />
          {emailError ? (
            <p id={`${id}-email-error`} className="text-xs text-problem">
              {emailError}
            </p>
          ) : null}
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-password`}>{t('login.password')}</Label>
          <Input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={passwordError ? `${id}-password-error` : undefined}
          />
          {passwordError ? (
            <p id={`${id}-password-error`} className="text-xs text-problem">
              {passwordError}
            </p>
          ) : null}
        </div>
        <Button type="submit" size="lg" className="mt-1 w-full" disabled={pending} aria-busy={pending || undefined}>
          {pending ? t('login.submitting') : t('login.submit')}
        </Button>
      </form>

      {demo ? (
        <section
          aria-labelledby={`${id}-demo`}
          className="mt-6 rounded-lg border border-dashed border-border bg-canvas px-3 py-3 text-xs text-muted-foreground"
        >
          <h2 id={`${id}-demo`} className="px-1.5 text-xs font-semibold text-foreground">
            {t('login.demo.title')}
          </h2>
          <p className="mt-1 px-1.5">{t('login.demo.description', { password: demo.password })}</p>
          <ul className="mt-2 flex flex-col gap-0.5">
            {demo.accounts.map((account) => (
              <li key={account.email}>
                <button
                  type="button"
                  className="flex w-full items-center justify-between gap-2 rounded px-1.5 py-1 text-left hover:bg-muted"
                  onClick={() => {
                    setEmail(account.email);
                    setPassword(demo.password);
                  }}
                >
                  <span className="shrink-0 font-mono text-foreground">{account.email}</span>
                  <span className="min-w-0 text-right">{account.role}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
