'use client';

import { Icon } from '@/components/ui/icons';
import { Undo2 } from 'lucide';
import { ConfirmDialog, type ConfirmLabels } from '@/components/ui/confirm-dialog';
import { undoMergeAction } from '@/lib/next/actions/customers';

type Values = { mergeId: string };

// The action's own schema, loaded with the dialog.
const schema = () => import('@/lib/customers/schemas').then((m) => m.ZUndoMergeInput);

/** The survivor's 'Undo merge': asks first; a refusal (the survivor changed since) is a toast saying why. */
export function UndoMergeDialog({ mergeId, labels }: { mergeId: string; labels: ConfirmLabels }) {
  return (
    <ConfirmDialog
      labels={labels}
      icon={<Icon node={Undo2} aria-hidden />}
      iconOnSubmit
      schema={schema}
      values={(): Values => ({ mergeId })}
      action={undoMergeAction}
    />
  );
}
