'use client';

import { useState, useTransition, type FormEvent, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { useI18n } from '@/lib/i18n/client';

/** Open state, error and pending transition of one order-action dialog; it cannot be closed while its action runs. */
export function useActionForm() {
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
      if (next) setError(null);
    },
    close: () => setOpen(false),
    run: startTransition,
  };
}

export type ActionForm = ReturnType<typeof useActionForm>;

/**
 * The shell of an order-action dialog: its trigger, a form with title and description, the
 * fields given as children, the action's error, then dismiss and submit buttons.
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
            <Button type="submit" variant={destructive ? 'destructive' : 'primary'} disabled={form.pending} aria-busy={form.pending || undefined}>
              {submitIcon}
              {form.pending ? t('orders.actions.working') : submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The reason an order is cancelled or returned: 3 to 500 characters, with a hint that turns into the error. */
export function ReasonField({
  id,
  name,
  value,
  onChange,
  onBlur,
  invalid,
}: {
  id: string;
  name?: string;
  value: string;
  onChange: (reason: string) => void;
  onBlur: () => void;
  invalid: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{t('orders.actions.reason')}</Label>
      <Textarea
        id={id}
        name={name}
        required
        minLength={3}
        maxLength={500}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className={invalid ? 'text-xs text-destructive' : 'text-xs text-muted-foreground'}>
        {invalid ? t('orders.actions.reasonTooShort') : t('orders.actions.reasonHint')}
      </p>
    </div>
  );
}
