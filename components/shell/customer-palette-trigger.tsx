'use client';

import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { useI18n } from '@/lib/next/i18n-client';

// The palette (cmdk and the dialog) is on every page but opened now and then: it loads when the
// pointer or the focus reaches the button, or on the first Ctrl/Cmd+K.
const loadPalette = () => import('@/components/customers/customer-palette');
const CustomerPalette = lazy(() => loadPalette().then((m) => ({ default: m.CustomerPalette })));

/** The header's customer search: a button, and Ctrl/Cmd+K from anywhere, open the palette. `icon`: the server's search icon. */
export function CustomerPaletteTrigger({ icon }: { icon: ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        setLoaded(true);
        setOpen((wasOpen) => !wasOpen);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <Button
        variant="field"
        size="sm"
        justify="start"
        className="w-44 lg:w-64"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        onPointerEnter={() => void loadPalette()}
        onFocus={() => void loadPalette()}
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
      >
        {icon}
        <span className="truncate">{t('customerSearch.palette.open')}</span>
        <kbd className="ml-auto hidden rounded border border-border bg-muted px-1.5 font-sans text-[0.6875rem] sm:inline">
          {t('customerSearch.palette.shortcut')}
        </kbd>
      </Button>
      {loaded ? (
        <Suspense fallback={null}>
          <CustomerPalette open={open} onOpenChange={setOpen} />
        </Suspense>
      ) : null}
    </>
  );
}
