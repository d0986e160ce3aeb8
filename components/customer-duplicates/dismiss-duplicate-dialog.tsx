'use client';

import { X } from 'lucide-react';
import { lazySchemaResolver } from '@/components/form-errors';
import { ConfirmDialog, type ConfirmLabels } from '@/components/ui/confirm-dialog';
import type { ZDismissDuplicateInput } from '@/lib/customers/schemas';
import { dismissDuplicateAction } from '@/lib/next/actions/customers';

type Values = { duplicateId: string };

const resolver = lazySchemaResolver<typeof ZDismissDuplicateInput, Values>(() =>
  import('@/lib/customers/schemas').then((m) => m.ZDismissDuplicateInput),
);

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
      icon={<X aria-hidden />}
      destructive
      then={then}
      resolver={resolver}
      values={(): Values => ({ duplicateId })}
      action={dismissDuplicateAction}
    />
  );
}
