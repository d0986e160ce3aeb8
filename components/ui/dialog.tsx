'use client';

import { useState, useTransition, type ComponentProps, type ReactNode } from 'react';
import { AlertDialog, Dialog as DialogPrimitive } from 'radix-ui';
import { Icon } from '@/components/ui/icons';
import { X } from 'lucide';
import { useI18n } from '@/lib/next/i18n-client';
import { clsx } from 'clsx';
import { Button } from './button';

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

const overlayClass = 'fixed inset-0 z-50 bg-foreground/40 data-[state=open]:animate-fade-in';
const contentBase =
  'fixed left-1/2 z-50 grid w-[calc(100%-2rem)] -translate-x-1/2 rounded-xl border border-border bg-surface shadow-popover data-[state=open]:animate-pop-in';
const CONTENT_LAYOUTS = {
  /** Centred, padded: a title, a form or a message, and its buttons. */
  form: 'top-1/2 -translate-y-1/2 gap-4 p-6',
  /** Near the top, edge to edge: a search whose results grow downwards (the command palette). */
  palette: 'top-[12vh] translate-y-0 gap-0 overflow-hidden p-0',
} as const;
const CONTENT_SIZES = { md: 'max-w-lg', lg: 'max-w-2xl' } as const;
export type DialogSize = keyof typeof CONTENT_SIZES;

/** Classes are joined, not merged: `className` adds (a breakpoint's width); the layout and the width are props. */
export function DialogContent({
  className,
  children,
  showClose = true,
  layout = 'form',
  size = 'md',
  ...props
}: ComponentProps<typeof DialogPrimitive.Content> & {
  showClose?: boolean;
  layout?: keyof typeof CONTENT_LAYOUTS;
  /** md (32 rem) for a form; lg (42 rem) for a table of lines or the palette. */
  size?: DialogSize;
}) {
  const { t } = useI18n();
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className={overlayClass} />
      <DialogPrimitive.Content
        data-slot="dialog-content"
        className={clsx(contentBase, CONTENT_LAYOUTS[layout], CONTENT_SIZES[size], className)}
        {...props}
      >
        {children}
        {showClose ? (
          <DialogPrimitive.Close asChild>
            <Button variant="ghost" size="icon-sm" className="absolute right-3 top-3" aria-label={t('common.close')}>
              <Icon node={X} aria-hidden />
            </Button>
          </DialogPrimitive.Close>
        ) : null}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

export function DialogHeader({ className, ...props }: ComponentProps<'div'>) {
  return <div className={clsx('flex flex-col gap-1.5 pr-8', className)} {...props} />;
}

export function DialogFooter({ className, ...props }: ComponentProps<'div'>) {
  return <div className={clsx('flex flex-col-reverse gap-2 sm:flex-row sm:justify-end', className)} {...props} />;
}

export function DialogTitle({ className, ...props }: ComponentProps<typeof DialogPrimitive.Title>) {
  return <DialogPrimitive.Title className={clsx('text-base font-semibold', className)} {...props} />;
}

export function DialogDescription({ className, ...props }: ComponentProps<typeof DialogPrimitive.Description>) {
  return <DialogPrimitive.Description className={clsx('text-sm text-muted-foreground', className)} {...props} />;
}

/**
 * Asks before doing what cannot be undone. Focus starts on Cancel; the dialog stays open
 * while `onConfirm` runs and closes when it settles. Pages use it through ConfirmDialog
 * (lazy-confirm.tsx), which loads it, and Radix's alert dialog, when its trigger is about to be used.
 */
export function ConfirmAlert({
  trigger,
  defaultOpen = false,
  title,
  description,
  confirmLabel,
  cancelLabel,
  destructive = false,
  onConfirm,
}: {
  trigger: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel?: ReactNode;
  cancelLabel?: ReactNode;
  destructive?: boolean;
  onConfirm: () => void | Promise<void>;
  /** It mounts because its trigger was clicked (lazyDialog): it starts open. */
  defaultOpen?: boolean;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(defaultOpen);
  const [pending, startTransition] = useTransition();
  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !pending && setOpen(next)}>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClass} />
        <AlertDialog.Content
          data-slot="confirm-dialog"
          className={clsx(contentBase, CONTENT_LAYOUTS.form, CONTENT_SIZES.md)}
        >
          <div className="flex flex-col gap-1.5">
            <AlertDialog.Title className="text-base font-semibold">{title}</AlertDialog.Title>
            {description ? (
              <AlertDialog.Description className="text-sm text-muted-foreground">{description}</AlertDialog.Description>
            ) : null}
          </div>
          <DialogFooter>
            <AlertDialog.Cancel asChild>
              <Button variant="secondary" disabled={pending}>
                {cancelLabel ?? t('common.cancel')}
              </Button>
            </AlertDialog.Cancel>
            <Button
              variant={destructive ? 'destructive' : 'primary'}
              disabled={pending}
              aria-busy={pending || undefined}
              onClick={() =>
                startTransition(async () => {
                  await onConfirm();
                  setOpen(false);
                })
              }
            >
              {confirmLabel ?? t('common.confirm')}
            </Button>
          </DialogFooter>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
