'use client';

import { useEffect, useState, useTransition, type FormEvent, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { reportResult, type ActionFailure } from '@/components/action-result';
import { setServerErrors, type LazyResolver } from '@/components/form-errors';
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
  type DialogSize,
} from '@/components/ui/dialog';
import type { ActionResult } from '@/lib/http/result';
import { useI18n } from '@/lib/next/i18n-client';

/** The form of one action dialog: its values `V`, and `I`, the input the action's schema makes of them. */
export type ActionDialogForm<V extends FieldValues, I> = UseFormReturn<V, unknown, I>;

type ActionDialogSpec<V extends FieldValues, I, T> = {
  /** The action's own schema, loaded after the page: lazySchemaResolver, made once at module level. */
  resolver: LazyResolver<V, I>;
  /** The values each time the dialog opens; what the action needs and nobody types (ids) rides along. */
  values: () => V;
  action: (input: I) => Promise<ActionResult<T>>;
  /** What the success toast says. */
  success: (data: T, input: I) => string;
  /**
   * A refusal that is about a field although the schema could not tell (it depends on the rows):
   * put it on its field and return true. Anything else is the schema's field errors or a toast.
   */
  refused?: (failure: ActionFailure, input: I, form: ActionDialogForm<V, I>) => boolean;
  /** Open from the start: the dialog was loaded by its trigger's click (components/ui/lazy-dialog.tsx). */
  defaultOpen?: boolean;
};

/**
 * One action dialog's form and its life: react-hook-form over the action's own schema (checked in
 * the browser before any request), the action run in a transition (the dialog cannot be closed
 * meanwhile), the server's field errors put on their fields, and the result reported the one way
 * (reportResult: a toast, success or failure). The form starts again from `values()` each time the
 * dialog opens.
 */
export function useActionDialog<V extends FieldValues, I, T>(spec: ActionDialogSpec<V, I, T>) {
  const { t } = useI18n();
  const [open, setOpen] = useState(spec.defaultOpen ?? false);
  const [pending, startTransition] = useTransition();
  const form = useForm<V, unknown, I>({
    resolver: spec.resolver,
    defaultValues: spec.values() as DefaultValues<V>,
  });

  function send(input: I) {
    startTransition(async () => {
      const result = await spec.action(input);
      if (!result.ok && (spec.refused?.(result, input, form) || setServerErrors(form.setError, result.fieldErrors)))
        return;
      if (reportResult(t, result, (data) => spec.success(data, input))) setOpen(false);
    });
  }

  return {
    form,
    open,
    /** The action runs. */
    pending,
    /** The action runs, or the form is being checked (its schema may still be arriving): no second submit. */
    busy: pending || form.formState.isSubmitting,
    preload: spec.resolver.preload,
    onOpenChange(next: boolean) {
      if (pending) return;
      if (next) form.reset(spec.values());
      setOpen(next);
    },
    onSubmit: (event: FormEvent<HTMLFormElement>) => void form.handleSubmit(send)(event),
  };
}

export type ActionDialogState = Pick<
  ReturnType<typeof useActionDialog>,
  'open' | 'pending' | 'busy' | 'preload' | 'onOpenChange' | 'onSubmit'
>;

/**
 * The shell of an action dialog: its trigger, a form with title and description, the fields given
 * as children (each with its error under it), then dismiss and submit (showing `pendingLabel` while
 * the action runs) buttons. The schema starts loading when the form appears.
 */
export function ActionDialog({
  dialog,
  trigger,
  title,
  description,
  size,
  className,
  cancelLabel,
  submitLabel,
  pendingLabel,
  submitIcon,
  destructive = false,
  children,
}: {
  dialog: ActionDialogState;
  trigger: ReactNode;
  title: ReactNode;
  description: ReactNode;
  /** The dialog's width: lg for a table of lines. */
  size?: DialogSize;
  /** Added to the dialog's classes (a breakpoint's width); its layout and width are DialogContent's. */
  className?: string;
  cancelLabel?: ReactNode;
  submitLabel: ReactNode;
  pendingLabel: ReactNode;
  submitIcon?: ReactNode;
  destructive?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent size={size} className={className}>
        <Preload run={dialog.preload} />
        <form onSubmit={dialog.onSubmit} className="grid grid-cols-1 gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
          {children}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={dialog.busy}>
                {cancelLabel ?? t('common.cancel')}
              </Button>
            </DialogClose>
            <Button
              type="submit"
              variant={destructive ? 'destructive' : 'primary'}
              disabled={dialog.busy}
              aria-busy={dialog.busy || undefined}
            >
              {submitIcon}
              {dialog.pending ? pendingLabel : submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Starts loading the schema when the dialog's form mounts (it opens). */
function Preload({ run }: { run: () => void }) {
  useEffect(run, [run]);
  return null;
}
