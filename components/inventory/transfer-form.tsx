'use client';

import { useEffect, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useController, useForm, useWatch } from 'react-hook-form';
import { Icon } from '@/components/ui/icons';
import { ArrowLeftRight } from 'lucide';
import { toast } from '@/components/ui/toast';
import { actionErrorMessage } from '@/components/action-result';
import { lazySchemaResolver, setServerErrors } from '@/components/form-errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import type { CreateTransferInput, ZCreateTransferInput } from '@/lib/inventory/schemas';
import { createTransferAction } from '@/lib/next/actions/inventory';
import { useI18n } from '@/lib/next/i18n-client';
import { LocationField, type LocationOption } from './form-fields';
import { LineEditor, linesErrorText } from './line-editor';
import type { EditorLine } from './lines';

type TransferValues = { sourceLocationId: string; destinationLocationId: string; note: string; lines: EditorLine[] };

const resolver = lazySchemaResolver<typeof ZCreateTransferInput, TransferValues>(() =>
  import('@/lib/inventory/schemas').then((m) => m.ZCreateTransferInput),
);

/**
 * A draft transfer: source (where the user may send from), destination, lines. Nothing moves until
 * it is shipped. Checked in the browser with the action's schema (ZCreateTransferInput).
 */
export function TransferForm({
  sources,
  destinations,
  initial,
}: {
  sources: LocationOption[];
  destinations: LocationOption[];
  initial: { sourceId: string; destinationId: string; lines: EditorLine[] };
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm<TransferValues, unknown, CreateTransferInput>({
    resolver,
    defaultValues: {
      sourceLocationId: initial.sourceId,
      destinationLocationId: initial.destinationId,
      note: '',
      lines: initial.lines,
    },
  });
  useEffect(() => resolver.preload(), []);
  const { errors } = form.formState;
  const lines = useController({ control: form.control, name: 'lines' });
  const sourceId = useWatch({ control: form.control, name: 'sourceLocationId' });
  const source = sources.find((s) => s.id === sourceId) ?? null;
  const destinationError = errors.destinationLocationId;

  function send(input: CreateTransferInput) {
    startTransition(async () => {
      const result = await createTransferAction({ ...input, note: input.note || undefined });
      if (result.ok) {
        toast.success(t('inventory.transfers.created', { number: result.data.number }));
        return router.push(`/inventory/transfers/${result.data.id}`);
      }
      if (!setServerErrors(form.setError, result.fieldErrors)) toast.error(actionErrorMessage(t, result));
    });
  }

  return (
    <form onSubmit={(event) => void form.handleSubmit(send)(event)} className="grid grid-cols-1 gap-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <LocationField
          label={t('inventory.transfers.source')}
          locations={sources}
          {...form.register('sourceLocationId')}
        />
        <LocationField
          label={t('inventory.transfers.destination')}
          locations={destinations.filter((l) => l.id !== sourceId)}
          placeholder={t('inventory.transfers.chooseDestination')}
          // The schema's own refinement says "same as the source"; anything else is no destination.
          error={
            destinationError
              ? destinationError.type === 'custom'
                ? t('inventory.transfers.sameLocation')
                : t('inventory.transfers.needDestination')
              : null
          }
          {...form.register('destinationLocationId', { deps: ['sourceLocationId'] })}
        />
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
          <Icon node={ArrowLeftRight} aria-hidden />
          {pending ? t('inventory.transfers.creating') : t('inventory.transfers.create')}
        </Button>
      </div>
    </form>
  );
}
