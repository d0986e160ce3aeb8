'use client';

import { Icon } from '@/components/ui/icons';
import { Eraser } from 'lucide';
import { ConfirmDialog, type ConfirmLabels } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { eraseCustomerAction } from '@/lib/next/actions/customer-privacy';

type Values = { customerId: string; confirmation: string };

// The action's own schema, loaded with the dialog.
const schema = () => import('@/lib/customers/privacy-schemas').then((m) => m.ZEraseCustomerInput);

/** What the dialog says, translated on the server (the Privacy section's messages). */
export type EraseDialogLabels = ConfirmLabels & { label: string; errors: Record<string, string> };

/**
 * The owner's erasure: a dialog asking to type the customer's e-mail or ERASE / EFFACER, on
 * react-hook-form over eraseCustomerAction's own schema; the server says whether it matches (a
 * mismatch lands on the field). The page reloads its data afterwards, showing what is left.
 */
export function EraseCustomerDialog({ customerId, labels }: { customerId: string; labels: EraseDialogLabels }) {
  return (
    <ConfirmDialog
      labels={labels}
      icon={<Icon node={Eraser} aria-hidden />}
      destructive
      triggerVariant="destructive"
      iconOnSubmit
      schema={schema}
      values={(): Values => ({ customerId, confirmation: '' })}
      action={eraseCustomerAction}
      refused={(failure, _input, form) => {
        const fields = (failure.details as { fields?: { confirmation?: string[] } } | undefined)?.fields;
        if (!fields?.confirmation) return false;
        form.setError('confirmation', { type: 'server', message: fields.confirmation[0] });
        return true;
      }}
      fields={(form) => {
        const error = form.formState.errors.confirmation?.message;
        return (
          <Field label={labels.label} error={error ? (labels.errors[error] ?? error) : null}>
            {(props) => <Input {...props} autoComplete="off" spellCheck={false} {...form.register('confirmation')} />}
          </Field>
        );
      }}
    />
  );
}
