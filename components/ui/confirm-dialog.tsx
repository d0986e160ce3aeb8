'use client';

import type { ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import type { FieldValues } from 'react-hook-form';
import type { ActionFailure } from '@/components/action-result';
import type { LazyResolver } from '@/components/form-errors';
import { ActionDialog, useActionDialog, type ActionDialogForm } from '@/components/ui/action-dialog';
import { Button } from '@/components/ui/button';
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

/**
 * Asks before an action that cannot simply be taken back: a small trigger button, a dialog that
 * says what will happen, then the action on its own schema (useActionDialog: validated in the
 * browser, run in a transition, the result a toast). Afterwards the page reloads its data, or
 * goes to `then`. `fields` adds inputs to the form (a typed confirmation); `refused` puts a
 * refusal about one of them on its field.
 */
export function ConfirmDialog<V extends FieldValues, I, T>({
  labels,
  icon,
  destructive = false,
  triggerVariant = 'secondary',
  iconOnSubmit = false,
  then,
  resolver,
  values,
  action,
  refused,
  fields,
}: {
  labels: ConfirmLabels;
  icon: ReactNode;
  /** The submit button says danger (red). */
  destructive?: boolean;
  triggerVariant?: 'secondary' | 'destructive';
  /** The submit button repeats the trigger's icon. */
  iconOnSubmit?: boolean;
  /** Where to go after success; stays on the page (and refreshes it) when left out. */
  then?: string;
  resolver: LazyResolver<V, I>;
  values: () => V;
  action: (input: I) => Promise<ActionResult<T>>;
  refused?: (failure: ActionFailure, input: I, form: ActionDialogForm<V, I>) => boolean;
  fields?: (form: ActionDialogForm<V, I>) => ReactNode;
}) {
  const router = useRouter();
  const dialog = useActionDialog({
    resolver,
    values,
    action,
    refused,
    success: () => {
      if (then) router.push(then);
      else router.refresh();
      return labels.done;
    },
  });
  return (
    <ActionDialog
      dialog={dialog}
      destructive={destructive}
      trigger={
        <Button variant={triggerVariant} size="sm">
          {icon}
          {labels.trigger}
        </Button>
      }
      title={labels.title}
      description={labels.description}
      submitLabel={labels.submit}
      pendingLabel={labels.pending}
      submitIcon={iconOnSubmit ? icon : undefined}
    >
      {fields?.(dialog.form) ?? null}
    </ActionDialog>
  );
}
