'use client';

import { Icon } from '@/components/ui/icons';
import { X } from 'lucide';
import { ConfirmDialog, type ConfirmLabels } from '@/components/ui/confirm-dialog';
import { dismissDuplicateAction } from '@/lib/next/actions/customers';

type Values = { duplicateId: string };

// The action's own schema, loaded with the dialog.
const schema = () => import('@/lib/customers/schemas').then((m) => m.ZDismissDuplicateInput);

/** Dismisses a suggestion for good, after a confirmation; the list reloads without it. */
export function DismissDuplicateDialog({
  duplicateId,
  labels,
  then,
}: {
  duplicateId: string;
  labels: ConfirmLabels;
  /** Where to go afterwards (the list, from the comparison); stays on the page when left out. */
  then?: string;
}) {
  return (
    <ConfirmDialog
      labels={labels}
      icon={<Icon node={X} aria-hidden />}
      destructive
      then={then}
      schema={schema}
      values={(): Values => ({ duplicateId })}
      action={dismissDuplicateAction}
    />
  );
}
