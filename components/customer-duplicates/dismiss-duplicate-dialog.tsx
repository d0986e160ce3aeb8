'use client';

import { useRouter } from 'next/navigation';
import { X } from 'lucide-react';
import { lazySchemaResolver } from '@/components/form-errors';
import { ActionDialog, useActionDialog } from '@/components/ui/action-dialog';
import { Button } from '@/components/ui/button';
import type { ZDismissDuplicateInput } from '@/lib/customers/schemas';
import { dismissDuplicateAction } from '@/lib/next/actions/customers';
import type { DialogLabels } from './dialog-labels';

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
  labels: DialogLabels;
  /** Where to go afterwards (the list, from the comparison); stays on the page when left out. */
  then?: string;
}) {
  const router = useRouter();
  const dialog = useActionDialog({
    resolver,
    values: (): Values => ({ duplicateId }),
    action: dismissDuplicateAction,
    success: () => {
      if (then) router.push(then);
      else router.refresh();
      return labels.done;
    },
  });
  return (
    <ActionDialog
      dialog={dialog}
      destructive
      trigger={
        <Button variant="secondary" size="sm">
          <X aria-hidden />
          {labels.trigger}
        </Button>
      }
      title={labels.title}
      description={labels.description}
      submitLabel={labels.submit}
      pendingLabel={labels.pending}
    >
      {null}
    </ActionDialog>
  );
}
