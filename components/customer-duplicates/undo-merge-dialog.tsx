'use client';

import { useRouter } from 'next/navigation';
import { Undo2 } from 'lucide-react';
import { lazySchemaResolver } from '@/components/form-errors';
import { ActionDialog, useActionDialog } from '@/components/ui/action-dialog';
import { Button } from '@/components/ui/button';
import type { ZUndoMergeInput } from '@/lib/customers/schemas';
import { undoMergeAction } from '@/lib/next/actions/customers';
import type { DialogLabels } from './dialog-labels';

type Values = { mergeId: string };

const resolver = lazySchemaResolver<typeof ZUndoMergeInput, Values>(() =>
  import('@/lib/customers/schemas').then((m) => m.ZUndoMergeInput),
);

/** The survivor's 'Undo merge': asks first; a refusal (the survivor changed since) is a toast saying why. */
export function UndoMergeDialog({ mergeId, labels }: { mergeId: string; labels: DialogLabels }) {
  const router = useRouter();
  const dialog = useActionDialog({
    resolver,
    values: (): Values => ({ mergeId }),
    action: undoMergeAction,
    success: () => {
      router.refresh();
      return labels.done;
    },
  });
  return (
    <ActionDialog
      dialog={dialog}
      trigger={
        <Button variant="secondary" size="sm">
          <Undo2 aria-hidden />
          {labels.trigger}
        </Button>
      }
      title={labels.title}
      description={labels.description}
      submitLabel={labels.submit}
      pendingLabel={labels.pending}
      submitIcon={<Undo2 aria-hidden />}
    >
      {null}
    </ActionDialog>
  );
}
