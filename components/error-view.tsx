'use client';

import { useEffect } from 'react';
import { Button, ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Icon } from '@/components/ui/icons';
import { RotateCw, TriangleAlert } from 'lucide';
import { useI18n } from '@/lib/next/i18n-client';

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
        icon={<Icon node={TriangleAlert} />}
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
              <Icon node={RotateCw} />
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
