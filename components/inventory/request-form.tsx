'use client';

import { useEffect, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useController, useForm, useWatch } from 'react-hook-form';
import { Icon } from '@/components/ui/icons';
import { Send } from 'lucide';
import { toast } from '@/components/ui/toast';
import { actionErrorMessage } from '@/components/action-result';
import { lazySchemaResolver, setServerErrors } from '@/components/form-errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { RequestTransferInput, ZRequestTransferInput } from '@/lib/inventory/schemas';
import { requestTransferAction } from '@/lib/next/actions/inventory';
import { useI18n } from '@/lib/next/i18n-client';
import { LocationField, type LocationOption } from './form-fields';
import { LineEditor, linesErrorText } from './line-editor';
import type { EditorLine } from './lines';

type RequestValues = {
  sourceLocationId: string;
  destinationLocationId: string;
  neededBy: string;
  note: string;
  lines: EditorLine[];
};

const resolver = lazySchemaResolver<typeof ZRequestTransferInput, RequestValues>(() =>
  import('@/lib/inventory/schemas').then((m) => m.ZRequestTransferInput),
);

/**
 * A store's request for stock: the store it is for (one the user manages), the location asked (the
 * warehouse or another store, with what it can spare per line), the day it is needed by, the lines
 * by scan or search. Checked in the browser with the action's schema (ZRequestTransferInput).
 */
export function RequestForm({
  destinations,
  sources,
  initial,
  today,
}: {
  destinations: LocationOption[];
  sources: LocationOption[];
  initial: { sourceId: string; destinationId: string; lines: EditorLine[] };
  /** The first day that can be asked for (the store's today), YYYY-MM-DD. */
  today: string;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm<RequestValues, unknown, RequestTransferInput>({
    resolver,
    defaultValues: {
      sourceLocationId: initial.sourceId,
      destinationLocationId: initial.destinationId,
      neededBy: '',
      note: '',
      lines: initial.lines,
    },
  });
  useEffect(() => resolver.preload(), []);
  const { errors } = form.formState;
  const lines = useController({ control: form.control, name: 'lines' });
  const [sourceId, destinationId] = useWatch({
    control: form.control,
    name: ['sourceLocationId', 'destinationLocationId'],
  });
  const source = sources.find((s) => s.id === sourceId) ?? null;

  function send(input: RequestTransferInput) {
    startTransition(async () => {
      const result = await requestTransferAction({ ...input, note: input.note || undefined });
      if (result.ok) {
        toast.success(
          t('inventory.transfers.requestSent', { number: result.data.number, location: source?.name ?? '' }),
        );
        return router.push(`/inventory/transfers/${result.data.id}`);
      }
      if (!setServerErrors(form.setError, result.fieldErrors)) toast.error(actionErrorMessage(t, result));
    });
  }

  const sourceError = errors.sourceLocationId;
  return (
    <form onSubmit={(event) => void form.handleSubmit(send)(event)} className="grid grid-cols-1 gap-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-3">
        <LocationField
          label={t('inventory.transfers.requestFor')}
          locations={destinations}
          {...form.register('destinationLocationId')}
        />
        <LocationField
          label={t('inventory.transfers.requestFrom')}
          locations={sources.filter((l) => l.id !== destinationId)}
          placeholder={t('inventory.transfers.chooseSource')}
          required
          // The schema's own refinement says "the store itself"; anything else is no location chosen.
          error={
            sourceError
              ? sourceError.type === 'custom'
                ? t('inventory.transfers.sameSource')
                : t('inventory.transfers.needSource')
              : null
          }
          {...form.register('sourceLocationId', { deps: ['destinationLocationId'] })}
        />
        <Field
          label={t('inventory.transfers.neededBy')}
          error={errors.neededBy ? t('inventory.transfers.needDate') : null}
        >
          {(props) => <Input {...props} type="date" min={today} required {...form.register('neededBy')} />}
        </Field>
      </div>
      <LineEditor
        lines={lines.field.value}
        onChange={lines.field.onChange}
        availableAt={source}
        error={linesErrorText(t, errors.lines)}
      />
      <Field label={t('inventory.transfers.note')}>
        {(props) => <Textarea {...props} maxLength={500} rows={2} {...form.register('note')} />}
      </Field>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
          <Icon node={Send} aria-hidden />
          {pending ? t('inventory.transfers.sending') : t('inventory.transfers.sendRequest')}
        </Button>
      </div>
    </form>
  );
}
