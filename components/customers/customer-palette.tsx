'use client';

import { Dialog, DialogContent, DialogDescription, DialogTitle } from '@/components/ui/dialog';
import { QueryProvider } from '@/components/query-provider';
import { useI18n } from '@/lib/next/i18n-client';
import { CustomerSearch } from './customer-search';

/** The command palette (Ctrl/Cmd+K): the customer search in a dialog, closed once a profile opens. */
export function CustomerPalette({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useI18n();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent layout="palette" size="lg" showClose={false}>
        <DialogTitle className="sr-only">{t('customerSearch.palette.title')}</DialogTitle>
        <DialogDescription className="sr-only">{t('customerSearch.palette.description')}</DialogDescription>
        <QueryProvider>
          <CustomerSearch autoFocus onOpen={() => onOpenChange(false)} listClassName="max-h-[min(60vh,28rem)]" />
        </QueryProvider>
      </DialogContent>
    </Dialog>
  );
}
