'use client';

import { Undo2 } from 'lucide-react';
import { lazySchemaResolver } from '@/components/form-errors';
import { ConfirmDialog, type ConfirmLabels } from '@/components/ui/confirm-dialog';
import type { ZUndoMergeInput } from '@/lib/customers/schemas';
import { undoMergeAction } from '@/lib/next/actions/customers';

type Values = { mergeId: string };

const resolver = lazySchemaResolver<typeof ZUndoMergeInput, Values>(() =>
  import('@/lib/customers/schemas').then((m) => m.ZUndoMergeInput),
);

/** The survivor's 'Undo merge': asks first; a refusal (the survivor changed since) is a toast saying why. */
export function UndoMergeDialog({ mergeId, labels }: { mergeId: string; labels: ConfirmLabels }) {
  return (
    <ConfirmDialog
      labels={labels}
      icon={<Undo2 aria-hidden />}
      iconOnSubmit
      resolver={resolver}
      values={(): Values => ({ mergeId })}
      action={undoMergeAction}
    />
  );
}
