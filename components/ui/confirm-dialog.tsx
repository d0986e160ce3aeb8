'use client';

import type { ComponentType, ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionFailure } from '@/components/action-result';
import type { ActionDialogForm } from '@/components/ui/action-dialog';
import { Button } from '@/components/ui/button';
import { lazyDialog, type LazyDialogProps } from '@/components/ui/lazy-dialog';
import type { ActionResult } from '@/lib/http/result';

/** What a confirmation says, translated on the server by the page that shows it. */
export type ConfirmLabels = {
  trigger: string;
  title: string;
  description: string;
  submit: string;
  pending: string;
  /** The success toast. */
  done: string;
};

export type ConfirmDialogProps<V extends FieldValues, I, T> = {
  labels: ConfirmLabels;
  icon: ReactNode;
  /** The submit button says danger (red). */
  destructive?: boolean;
  triggerVariant?: 'primary' | 'secondary' | 'destructive';
  /** The submit button repeats the trigger's icon. */
  iconOnSubmit?: boolean;
  /** The dialog's width, when its fields need more than the default. */
  className?: string;
  /** Where to go after success (or how to find it from the result); stays on the page (and refreshes it) when left out. */
  then?: string | ((data: T) => string);
  /**
   * The action's own schema, loaded when the dialog opens: a dynamic import made once at module
   * level, e.g. `() => import('@/lib/customers/schemas').then((m) => m.ZUndoMergeInput)`.
   */
  schema: () => Promise<z.ZodType<I>>;
  values: () => V;
  action: (input: I) => Promise<ActionResult<T>>;
  refused?: (failure: ActionFailure, input: I, form: ActionDialogForm<V, I>) => boolean;
  /** Inputs added to the form (a typed confirmation, choices); called where the form lives. */
  fields?: (form: ActionDialogForm<V, I>) => ReactNode;
};

// The frame (react-hook-form, the zod resolver, Radix's dialog) loads when the trigger is about to be used.
const LazyConfirm = lazyDialog(() =>
  import('./confirm-dialog-form').then(
    (m) => m.ConfirmDialogForm as ComponentType<ConfirmDialogProps<FieldValues, unknown, unknown> & LazyDialogProps>,
  ),
);

/**
 * Asks before an action that cannot simply be taken back, on the action's own schema (a typed
 * confirmation, a reason, choices): the trigger button is on the page, the dialog
 * (confirm-dialog-form.tsx) loads when the pointer or the focus reaches it.
 */
export function ConfirmDialog<V extends FieldValues, I, T>(props: ConfirmDialogProps<V, I, T>) {
  return (
    <LazyConfirm
      {...(props as unknown as ConfirmDialogProps<FieldValues, unknown, unknown>)}
      trigger={
        <Button variant={props.triggerVariant ?? 'secondary'} size="sm">
          {props.icon}
          {props.labels.trigger}
        </Button>
      }
    />
  );
}
