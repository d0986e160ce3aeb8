'use client';

import { Badge } from '@/components/ui/badge';
import { useI18n } from '@/lib/next/i18n-client';
import type { LiveState } from './live-connection';

const VARIANT = { live: 'done', connecting: 'neutral', reconnecting: 'waiting' } as const;

/** "Live" / "Connecting…" / "Reconnecting…" beside a live list; announced politely when it changes. */
export function LiveStatus({ state }: { state: LiveState }) {
  const { t } = useI18n();
  if (state === 'off') return null;
  return (
    <span role="status" aria-live="polite" data-live-state={state}>
      <Badge variant={VARIANT[state]} dot>
        {t(`live.status.${state}`)}
      </Badge>
    </span>
  );
}
