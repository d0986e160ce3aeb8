'use client';

import { useEffect, useTransition } from 'react';
import { useController, useForm } from 'react-hook-form';
import { Icon } from '@/components/ui/icons';
import { PackagePlus } from 'lucide';
import { toast } from '@/components/ui/toast';
import { actionErrorMessage } from '@/components/action-result';
import { lazySchemaResolver, setServerErrors } from '@/components/form-errors';
import { Button } from '@/components/ui/button';
import type { ReceiveStockInput, ZReceiveStockInput } from '@/lib/inventory/schemas';
import { receiveStockAction } from '@/lib/next/actions/inventory';
import { useI18n } from '@/lib/next/i18n-client';
import { LocationField, ReferenceField, type LocationOption } from './form-fields';
import { LineEditor, linesErrorText } from './line-editor';
import type { EditorLine } from './lines';

type ReceiveValues = { locationId: string; reference: string; lines: EditorLine[] };

const resolver = lazySchemaResolver<typeof ZReceiveStockInput, ReceiveValues>(() =>
  import('@/lib/inventory/schemas').then((m) => m.ZReceiveStockInput),
);

/**
 * A supplier delivery at one location: the delivery note and its lines, received all or nothing.
 * Checked in the browser with the action's schema (ZReceiveStockInput); the result is a toast.
 */
export function ReceiveForm({
  locations,
  defaultLocationId,
}: {
  locations: LocationOption[];
  defaultLocationId: string;
}) {
  const { t } = useI18n();
  const [pending, startTransition] = useTransition();
  const form = useForm<ReceiveValues, unknown, ReceiveStockInput>({
    resolver,
    defaultValues: { locationId: defaultLocationId, reference: '', lines: [] },
  });
  useEffect(() => resolver.preload(), []);
  const { errors } = form.formState;
  const lines = useController({ control: form.control, name: 'lines' });

  function send(input: ReceiveStockInput) {
    startTransition(async () => {
      const result = await receiveStockAction(input);
      if (!result.ok) {
        if (!setServerErrors(form.setError, result.fieldErrors)) toast.error(actionErrorMessage(t, result));
        return;
      }
      toast.success(
        t('inventory.receive.success', {
          units: result.data.units,
          location: locations.find((l) => l.id === input.locationId)?.name ?? '',
          reference: input.reference,
        }),
      );
      form.reset({ locationId: input.locationId, reference: '', lines: [] });
    });
  }

  return (
    <form onSubmit={(event) => void form.handleSubmit(send)(event)} className="grid grid-cols-1 gap-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <LocationField label={t('inventory.receive.location')} locations={locations} {...form.register('locationId')} />
        <ReferenceField
          label={t('inventory.receive.reference')}
          error={errors.reference ? t('inventory.receive.needReference') : null}
          {...form.register('reference')}
        />
      </div>
      <LineEditor lines={lines.field.value} onChange={lines.field.onChange} error={linesErrorText(t, errors.lines)} />
      <div className="flex justify-end">
        <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
          <Icon node={PackagePlus} aria-hidden />
          {pending ? t('inventory.receive.submitting') : t('inventory.receive.submit')}
        </Button>
      </div>
    </form>
  );
}
