'use client';

import { useEffect } from 'react';
import { Button, ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { useI18n } from '@/lib/next/i18n-client';

// lucide's triangle-exclamation-point and rotate-cw, drawn here: the root error.tsx puts this view
// in the JavaScript of every route, and lucide's icon runtime would come with it (its Icon is a client component).
const SVG = {
  xmlns: 'http://www.w3.org/2000/svg',
  width: 24,
  height: 24,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
} as const;

function WarningIcon() {
  return (
    <svg {...SVG} className="lucide lucide-triangle-exclamation-point">
      <path d="m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3" />
      <path d="M12 9v4" />
      <path d="M12 17h.01" />
    </svg>
  );
}

function RetryIcon() {
  return (
    <svg {...SVG} className="lucide lucide-rotate-cw">
      <path d="M21 12a9 9 0 1 1-9-9c2.52 0 4.93 1 6.74 2.74L21 8" />
      <path d="M21 3v5h-5" />
    </svg>
  );
}

/** The fallback of error.tsx boundaries: what happened, a retry, a way out, and the reference for the logs. */
export function ErrorView({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useI18n();
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <div role="alert">
      <EmptyState
        icon={<WarningIcon />}
        headingLevel={1}
        title={t('error.title')}
        description={
          <>
            {t('error.description')}
            {digest ? <span className="mt-2 block font-mono text-xs">{t('error.reference', { digest })}</span> : null}
          </>
        }
        action={
          <>
            <Button onClick={() => retry()}>
              <RetryIcon />
              {t('error.retry')}
            </Button>
            <ButtonLink variant="secondary" href="/">
              {t('common.backToDashboard')}
            </ButtonLink>
          </>
        }
      />
    </div>
  );
}
