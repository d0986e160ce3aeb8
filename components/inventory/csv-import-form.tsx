'use client';

import { useEffect, useState, useTransition } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { Icon } from '@/components/ui/icons';
import { Upload } from 'lucide';
import { reportResult } from '@/components/action-result';
import { lazySchemaResolver } from '@/components/form-errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ZImportStockCsvInput } from '@/lib/inventory/schemas';
import { importStockCsvAction } from '@/lib/next/actions/inventory';
import { useI18n } from '@/lib/next/i18n-client';
import type { z } from 'zod';
import { LocationField, ReferenceField, type LocationOption } from './form-fields';
import { csvRowMessage, type CsvRowErrorView } from './labels';

type ImportInput = z.output<typeof ZImportStockCsvInput>;

/** The form as filled: the file is read when it is checked, and its text is what the action takes. */
type ImportValues = {
  locationId: string;
  kind: 'receipt' | 'count';
  reference?: string;
  file: FileList | null;
};

const schema = lazySchemaResolver<typeof ZImportStockCsvInput>(() =>
  import('@/lib/inventory/schemas').then((m) => m.ZImportStockCsvInput),
);

/** The action's schema checks the file's text (there is one, not too long); what it says of `text` is said of the file. */
const resolver: Resolver<ImportValues, unknown, ImportInput> = async ({ file, ...values }, context, options) => {
  const text = (await file?.[0]?.text()) ?? '';
  const checked = await schema({ ...values, text }, context, options as never);
  const { text: fileError, ...errors } = checked.errors;
  return fileError ? { values: {}, errors: { ...errors, file: fileError } } : checked;
};

/**
 * Imports received or counted quantities from a CSV file read in the browser, checked with the
 * action's schema (ZImportStockCsvInput). The server checks every row first: one bad row and
 * nothing is applied; the rows and their errors are listed under the file. The result is a toast.
 */
export function CsvImportForm({
  locations,
  defaultLocationId,
}: {
  locations: LocationOption[];
  defaultLocationId: string;
}) {
  const { t, formatNumber } = useI18n();
  const [pending, startTransition] = useTransition();
  /** The rows the server refused, listed under the file. */
  const [rowErrors, setRowErrors] = useState<CsvRowErrorView[]>([]);
  const form = useForm<ImportValues, unknown, ImportInput>({
    resolver,
    defaultValues: { locationId: defaultLocationId, kind: 'receipt', reference: '', file: null },
  });
  useEffect(() => schema.preload(), []);
  const kind = useWatch({ control: form.control, name: 'kind' });
  const fileError = form.formState.errors.file;
  const busy = pending || form.formState.isSubmitting;

  function send(input: ImportInput) {
    startTransition(async () => {
      const result = await importStockCsvAction({ ...input, reference: input.reference || undefined });
      const rows = result.ok ? [] : ((result.details as { rows?: CsvRowErrorView[] } | undefined)?.rows ?? []);
      if (!result.ok && result.code === 'validation_failed' && rows.length > 0) {
        setRowErrors(rows);
        form.setError('file', { type: 'rows' }, { shouldFocus: true });
        return;
      }
      if (
        reportResult(t, result, (data) => t('inventory.import.success', { rows: data.applied, changed: data.changed }))
      )
        form.resetField('file');
    });
  }

  return (
    <form onSubmit={(event) => void form.handleSubmit(send)(event)} className="grid grid-cols-1 gap-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-1">
        <LocationField label={t('inventory.import.location')} locations={locations} {...form.register('locationId')} />
        <ReferenceField
          label={t('inventory.import.reference')}
          {...form.register('reference', { disabled: kind !== 'receipt' })}
        />
      </div>
      <fieldset>
        <legend className="mb-2 text-sm font-medium">{t('inventory.import.kind')}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {(['receipt', 'count'] as const).map((k) => (
            <label key={k} className="inline-flex items-center gap-2 text-sm">
              <input type="radio" value={k} className="size-4 accent-primary" {...form.register('kind')} />
              {k === 'receipt' ? t('inventory.import.kindReceipt') : t('inventory.import.kindCount')}
            </label>
          ))}
        </div>
      </fieldset>
      <Field
        label={t('inventory.import.file')}
        error={
          !fileError
            ? null
            : fileError.type === 'rows'
              ? t('inventory.import.failed', { count: formatNumber(rowErrors.length) })
              : fileError.type === 'too_big'
                ? t('inventory.import.tooBig')
                : t('inventory.import.needFile')
        }
      >
        {(props) => (
          <input
            {...props}
            type="file"
            accept=".csv,text/csv,text/plain"
            className="block w-full text-sm text-muted-foreground file:mr-3 file:h-9 file:cursor-pointer file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:text-sm file:font-medium file:text-foreground hover:file:bg-muted"
            {...form.register('file', { onChange: () => setRowErrors([]) })}
          />
        )}
      </Field>
      {fileError?.type === 'rows' ? (
        <table
          className="w-full rounded-lg border border-problem-border bg-problem-soft text-left text-sm"
          aria-label={t('inventory.import.errorsLabel')}
        >
          <thead>
            <tr className="text-xs text-muted-foreground">
              <th scope="col" className="w-16 px-3 py-1 text-right font-medium">
                {t('inventory.import.row')}
              </th>
              <th scope="col" className="px-3 py-1 font-medium">
                {t('inventory.import.error')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rowErrors.slice(0, 100).map((r, i) => (
              <tr key={`${r.row}-${i}`} className="border-t border-problem-border">
                <td className="px-3 py-1 text-right tabular-nums">{r.row}</td>
                <td className="px-3 py-1">{csvRowMessage(t, r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" variant="secondary" disabled={busy} aria-busy={busy || undefined}>
          <Icon node={Upload} aria-hidden />
          {pending ? t('inventory.import.submitting') : t('inventory.import.submit')}
        </Button>
      </div>
    </form>
  );
}
