'use client';

import { useSyncExternalStore } from 'react';
import { CircleAlert, CircleCheck, X } from 'lucide-react';
import { useI18n } from '@/lib/next/i18n-client';
import { cn } from '@/lib/utils';

type Toast = { id: number; message: string; tone: 'success' | 'error' };

// A tiny module-level store: any client component can call toast(); <Toaster /> shows them.
let toasts: Toast[] = [];
const NONE: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function toast(message: string, tone: Toast['tone'] = 'success', durationMs = 6000): void {
  const id = nextId++;
  toasts = [...toasts.slice(-2), { id, message, tone }];
  emit();
  setTimeout(() => dismiss(id), durationMs);
}

function dismiss(id: number) {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The live region results are announced in; mount once in a layout. */
export function Toaster() {
  const { t } = useI18n();
  const items = useSyncExternalStore(
    subscribe,
    () => toasts,
    () => NONE,
  );
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed bottom-4 right-4 z-[60] flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2 print:hidden"
    >
      {items.map((item) => {
        const Icon = item.tone === 'success' ? CircleCheck : CircleAlert;
        return (
          <div
            key={item.id}
            data-slot="toast"
            className={cn(
              'pointer-events-auto flex items-start gap-2.5 rounded-lg border bg-surface px-3.5 py-3 text-sm text-foreground shadow-popover animate-pop-in',
              item.tone === 'success' ? 'border-done-border' : 'border-problem-border',
            )}
          >
            <Icon
              aria-hidden
              className={cn('mt-0.5 size-4 shrink-0', item.tone === 'success' ? 'text-done' : 'text-problem')}
            />
            <p className="min-w-0 flex-1">{item.message}</p>
            <button
              type="button"
              onClick={() => dismiss(item.id)}
              className="-m-1 rounded p-1 text-muted-foreground hover:bg-muted hover:text-foreground"
              aria-label={t('common.close')}
            >
              <X aria-hidden className="size-3.5" />
            </button>
          </div>
        );
      })}
    </div>
  );
}
