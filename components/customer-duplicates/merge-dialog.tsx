'use client';

import { useRouter } from 'next/navigation';
import { useWatch } from 'react-hook-form';
import { Merge } from 'lucide-react';
import { lazySchemaResolver } from '@/components/form-errors';
import { ActionDialog, useActionDialog } from '@/components/ui/action-dialog';
import { Button } from '@/components/ui/button';
import type { MergeField, ZMergeCustomersInput } from '@/lib/customers/schemas';
import { mergeCustomersAction } from '@/lib/next/actions/customers';
import type { ConfirmLabels } from '@/components/ui/confirm-dialog';

type Choice = 'survivor' | 'merged';
type Values = { survivorId: string; mergedId: string; fields: Partial<Record<MergeField, Choice>> };

const resolver = lazySchemaResolver<typeof ZMergeCustomersInput, Values>(() =>
  import('@/lib/customers/schemas').then((m) => m.ZMergeCustomersInput),
);

export type MergeSide = { id: string; label: string; values: Record<MergeField, string> };

/**
 * The merge, on react-hook-form over mergeCustomersAction's own schema: which profile survives,
 * then per field which value it keeps (the survivor's by default); fields where both say the same
 * are not asked. Once merged, the survivor's profile opens (with its 'Undo merge').
 */
export function MergeDialog({
  a,
  b,
  fieldLabels,
  labels,
}: {
  a: MergeSide;
  b: MergeSide;
  fieldLabels: { survivor: string; keep: Record<MergeField, string> };
  labels: ConfirmLabels;
}) {
  const router = useRouter();
  const dialog = useActionDialog({
    resolver,
    values: (): Values => ({ survivorId: a.id, mergedId: b.id, fields: {} }),
    action: mergeCustomersAction,
    success: (result) => {
      router.push(`/customers/${result.survivorId}`);
      return labels.done;
    },
  });
  const { form } = dialog;
  const survivorId = useWatch({ control: form.control, name: 'survivorId' });
  const fields = useWatch({ control: form.control, name: 'fields' }) ?? {};
  const survivor = survivorId === a.id ? a : b;
  const merged = survivorId === a.id ? b : a;
  const differing = (Object.keys(a.values) as MergeField[]).filter((f) => a.values[f] !== b.values[f]);

  function chooseSurvivor(id: string) {
    form.setValue('survivorId', id);
    form.setValue('mergedId', id === a.id ? b.id : a.id);
    form.setValue('fields', {});
  }

  return (
    <ActionDialog
      dialog={dialog}
      className="sm:max-w-xl"
      trigger={
        <Button size="sm">
          <Merge aria-hidden />
          {labels.trigger}
        </Button>
      }
      title={labels.title}
      description={labels.description}
      submitLabel={labels.submit}
      pendingLabel={labels.pending}
      submitIcon={<Merge aria-hidden />}
    >
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">{fieldLabels.survivor}</legend>
        {[a, b].map((side) => (
          <label key={side.id} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="survivor"
              className="size-4 accent-primary"
              checked={survivorId === side.id}
              onChange={() => chooseSurvivor(side.id)}
            />
            {side.label}
          </label>
        ))}
      </fieldset>
      {differing.map((field) => (
        <fieldset key={field} className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">{fieldLabels.keep[field]}</legend>
          {(
            [
              ['survivor', survivor],
              ['merged', merged],
            ] as const
          ).map(([choice, side]) => (
            <label key={choice} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={`field-${field}`}
                className="size-4 accent-primary"
                checked={(fields[field] ?? 'survivor') === choice}
                onChange={() => form.setValue('fields', { ...fields, [field]: choice })}
              />
              <span className="break-all">{side.values[field] || '—'}</span>
            </label>
          ))}
        </fieldset>
      ))}
    </ActionDialog>
  );
}
