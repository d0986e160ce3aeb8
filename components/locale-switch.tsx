'use client';

import { useTransition } from 'react';
import { setLocaleAction } from '@/lib/next/actions/locale';
import { LOCALES } from '@/lib/i18n/config';
import { useI18n } from '@/lib/next/i18n-client';
import { clsx } from 'clsx';

/** Two-button language switch for pages without the user menu (sign-in, errors). */
export function LocaleSwitch({ className }: { className?: string }) {
  const { locale, t } = useI18n();
  const [pending, startTransition] = useTransition();
  return (
    <div
      role="group"
      aria-label={t('locale.label')}
      className={clsx('inline-flex rounded-md border border-border bg-surface p-0.5', className)}
    >
      {LOCALES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={locale === code}
          disabled={pending}
          onClick={() => startTransition(async () => void (await setLocaleAction(code)))}
          className={clsx(
            'rounded px-2.5 py-1 text-xs font-medium transition-colors hover:text-foreground',
            locale === code ? 'bg-muted text-foreground' : 'text-muted-foreground',
          )}
        >
          {t(`locale.${code}`)}
        </button>
      ))}
    </div>
  );
}
