'use client';

import { Icon } from '@/components/ui/icons';
import { Merge } from 'lucide';
import type { ActionDialogForm } from '@/components/ui/action-dialog';
import { ConfirmDialog, type ConfirmLabels } from '@/components/ui/confirm-dialog';
import type { MergeCustomersInput, MergeField } from '@/lib/customers/schemas';
import { mergeCustomersAction } from '@/lib/next/actions/customers';

type Choice = 'survivor' | 'merged';
type Values = { survivorId: string; mergedId: string; fields: Partial<Record<MergeField, Choice>> };

// The action's own schema, loaded with the dialog.
const schema = () => import('@/lib/customers/schemas').then((m) => m.ZMergeCustomersInput);

export type MergeSide = { id: string; label: string; values: Record<MergeField, string> };
type FieldLabels = { survivor: string; keep: Record<MergeField, string> };

/**
 * The merge, a confirmation (ConfirmDialog: loaded when its button is about to be used) over
 * mergeCustomersAction's own schema whose form asks which profile survives, then per field which
 * value it keeps (the survivor's by default); fields where both say the same are not asked. Once
 * merged, the survivor's profile opens (with its 'Undo merge').
 */
export function MergeDialog({
  a,
  b,
  fieldLabels,
  labels,
}: {
  a: MergeSide;
  b: MergeSide;
  fieldLabels: FieldLabels;
  labels: ConfirmLabels;
}) {
  return (
    <ConfirmDialog
      labels={labels}
      icon={<Icon node={Merge} aria-hidden />}
      triggerVariant="primary"
      iconOnSubmit
      className="sm:max-w-xl"
      then={(result) => `/customers/${result.survivorId}`}
      schema={schema}
      values={(): Values => ({ survivorId: a.id, mergedId: b.id, fields: {} })}
      action={mergeCustomersAction}
      fields={(form) => <MergeChoices form={form} a={a} b={b} fieldLabels={fieldLabels} />}
    />
  );
}

/** The survivor, then a value per differing field; watched through the dialog's form (no react-hook-form import here). */
function MergeChoices({
  form,
  a,
  b,
  fieldLabels,
}: {
  form: ActionDialogForm<Values, MergeCustomersInput>;
  a: MergeSide;
  b: MergeSide;
  fieldLabels: FieldLabels;
}) {
  const survivorId = form.watch('survivorId');
  const fields = form.watch('fields') ?? {};
  const survivor = survivorId === a.id ? a : b;
  const merged = survivorId === a.id ? b : a;
  const differing = (Object.keys(a.values) as MergeField[]).filter((f) => a.values[f] !== b.values[f]);

  function chooseSurvivor(id: string) {
    form.setValue('survivorId', id);
    form.setValue('mergedId', id === a.id ? b.id : a.id);
    form.setValue('fields', {});
  }

  return (
    <>
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
    </>
  );
}
