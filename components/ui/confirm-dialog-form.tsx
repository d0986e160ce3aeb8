'use client';

import { useRouter } from 'next/navigation';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { lazySchemaResolver, type LazyResolver } from '@/components/form-errors';
import { ActionDialog, useActionDialog } from '@/components/ui/action-dialog';
import type { ConfirmDialogProps } from '@/components/ui/confirm-dialog';
import type { LazyDialogProps } from '@/components/ui/lazy-dialog';

/*
 * The dialog of ConfirmDialog (confirm-dialog.tsx), loaded when its trigger is about to be used,
 * with react-hook-form, the zod resolver and Radix's dialog.
 */

// One resolver per schema loader (each is made once at module level), so the schema loads once.
const resolvers = new WeakMap<() => Promise<z.ZodType>, LazyResolver<FieldValues, unknown>>();
function resolverOf<V extends FieldValues, I>(schema: () => Promise<z.ZodType<I>>): LazyResolver<V, I> {
  let resolver = resolvers.get(schema);
  if (!resolver) {
    resolver = lazySchemaResolver<z.ZodType, FieldValues>(schema);
    resolvers.set(schema, resolver);
  }
  return resolver as unknown as LazyResolver<V, I>;
}

/**
 * A small trigger button, a dialog that says what will happen, then the action on its own schema
 * (useActionDialog: validated in the browser, run in a transition, the result a toast).
 * Afterwards the page reloads its data, or goes to `then`. `fields` adds inputs to the form (a
 * typed confirmation); `refused` puts a refusal about one of them on its field.
 */
export function ConfirmDialogForm<V extends FieldValues, I, T>({
  labels,
  icon,
  destructive = false,
  iconOnSubmit = false,
  className,
  then,
  schema,
  values,
  action,
  refused,
  fields,
  trigger,
  defaultOpen,
}: ConfirmDialogProps<V, I, T> & LazyDialogProps) {
  const router = useRouter();
  const dialog = useActionDialog({
    defaultOpen,
    resolver: resolverOf<V, I>(schema),
    values,
    action,
    refused,
    success: (data) => {
      const next = typeof then === 'function' ? then(data) : then;
      if (next) router.push(next);
      else router.refresh();
      return labels.done;
    },
  });
  return (
    <ActionDialog
      dialog={dialog}
      destructive={destructive}
      className={className}
      trigger={trigger}
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
