'use client';

import { useState, useTransition, type FormEvent, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { useI18n } from '@/lib/next/i18n-client';

/**
 * Open state, error and pending transition of one action dialog; it cannot be closed while its
 * action runs. `onOpen` resets the dialog's own fields each time it opens.
 */
export function useActionForm(onOpen?: () => void) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return {
    open,
    error,
    pending,
    setError,
    onOpenChange: (next: boolean) => {
      if (pending) return;
      setOpen(next);
      if (next) {
        setError(null);
        onOpen?.();
      }
    },
    close: () => setOpen(false),
    run: startTransition,
  };
}

export type ActionForm = ReturnType<typeof useActionForm>;

/**
 * The shell of an action dialog: its trigger, a form with title and description, the fields
 * given as children, the action's error, then dismiss and submit (showing `pendingLabel` while
 * the action runs) buttons.
 */
export function ActionDialog({
  form,
  trigger,
  title,
  description,
  className,
  noValidate,
  onSubmit,
  cancelLabel,
  submitLabel,
  pendingLabel,
  submitIcon,
  destructive = false,
  children,
}: {
  form: ActionForm;
  trigger: ReactNode;
  title: ReactNode;
  description: ReactNode;
  className?: string;
  noValidate?: boolean;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  cancelLabel?: ReactNode;
  submitLabel: ReactNode;
  pendingLabel: ReactNode;
  submitIcon?: ReactNode;
  destructive?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Dialog open={form.open} onOpenChange={form.onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className={className}>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate={noValidate}>
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
          {children}
          {form.error ? <Alert tone="error">{form.error}</Alert> : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={form.pending}>
                {cancelLabel ?? t('common.cancel')}
              </Button>
            </DialogClose>
            <Button
              type="submit"
              variant={destructive ? 'destructive' : 'primary'}
              disabled={form.pending}
              aria-busy={form.pending || undefined}
            >
              {submitIcon}
              {form.pending ? pendingLabel : submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
