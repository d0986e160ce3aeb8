'use client';

import { useEffect } from 'react';
import { Toaster as Sonner, toast } from 'sonner';
import { Icon } from '@/components/ui/icons';
import { CircleAlert, CircleCheck, X } from 'lucide';
import { useI18n } from '@/lib/next/i18n-client';
import { toasterReady } from './toast';

/**
 * Where action results are announced (sonner: a polite live region, one status per toast, pause on
 * hover, Alt+T to reach them by keyboard); loaded and mounted on the first toast by <LazyToaster> in
 * <Providers>. Toasts are raised with `toast.success()` / `toast.error()` from components/ui/toast.ts,
 * or `reportResult()` (components/action-result.ts).
 */
export function Toaster() {
  const { t } = useI18n();
  // Sonner subscribes in its own effect, which runs before this one (a child's effects run first).
  useEffect(() => {
    toasterReady((kind, message) => void toast[kind](message));
    return () => toasterReady(null);
  }, []);
  return (
    <Sonner
      position="bottom-right"
      duration={6000}
      visibleToasts={3}
      closeButton
      customAriaLabel={t('common.notifications')}
      icons={{
        success: <Icon node={CircleCheck} aria-hidden className="size-4 text-done" />,
        error: <Icon node={CircleAlert} aria-hidden className="size-4 text-problem" />,
        close: <Icon node={X} aria-hidden className="size-3.5" />,
      }}
      toastOptions={{
        unstyled: true,
        closeButtonAriaLabel: t('common.close'),
        classNames: {
          toast:
            'group flex w-[min(24rem,calc(100vw-2rem))] items-start gap-2.5 rounded-lg border border-border bg-surface px-3.5 py-3 text-sm text-foreground shadow-popover print:hidden',
          success: 'border-done-border',
          error: 'border-problem-border',
          icon: 'mt-0.5 shrink-0',
          content: 'min-w-0 flex-1',
          description: 'text-muted-foreground',
          // Sonner puts the close button first in the markup: order-last keeps it at the end, as before.
          closeButton:
            'order-last -m-1 rounded p-1 text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring/40',
        },
      }}
    />
  );
}
