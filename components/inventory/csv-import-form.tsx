'use client';

import { useId, useRef, useState, useTransition, type FormEvent } from 'react';
import { Upload } from 'lucide-react';
import { importStockCsvAction } from '@/lib/next/actions/inventory';
import { actionErrorMessage } from '@/components/action-result';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { toast } from 'sonner';
import { useI18n } from '@/lib/next/i18n-client';
import { LocationField, ReferenceField, type LocationOption } from './form-fields';
import { csvRowMessage, type CsvRowErrorView } from './labels';

const MAX_BYTES = 2_000_000;

/**
 * Imports received or counted quantities from a CSV file read in the browser. The server checks
 * every row first: one bad row and nothing is applied; the rows and their errors are listed here.
 */
export function CsvImportForm({
  locations,
  defaultLocationId,
}: {
  locations: LocationOption[];
  defaultLocationId: string;
}) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [locationId, setLocationId] = useState(defaultLocationId);
  const [kind, setKind] = useState<'receipt' | 'count'>('receipt');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<CsvRowErrorView[]>([]);
  const [success, setSuccess] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setRowErrors([]);
    setSuccess(null);
    const file = fileRef.current?.files?.[0];
    if (!file) return setError(t('inventory.import.needFile'));
    if (file.size > MAX_BYTES) return setError(t('inventory.import.tooBig'));
    startTransition(async () => {
      const text = await file.text();
      const result = await importStockCsvAction({ locationId, kind, text, reference: reference.trim() || undefined });
      if (result.ok) {
        const message = t('inventory.import.success', {
          rows: result.data.applied,
          changed: result.data.changed,
        });
        setSuccess(message);
        toast.success(message);
        if (fileRef.current) fileRef.current.value = '';
        return;
      }
      const rows = (result.details as { rows?: CsvRowErrorView[] } | undefined)?.rows;
      if (result.code === 'validation_failed' && rows?.length) {
        setError(t('inventory.import.failed', { count: formatNumber(rows.length) }));
        setRowErrors(rows);
      } else {
        setError(actionErrorMessage(t, result));
      }
    });
  }

  return (
    <form onSubmit={onSubmit} className="grid grid-cols-1 gap-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-1">
        <LocationField
          label={t('inventory.import.location')}
          locations={locations}
          value={locationId}
          onChange={(e) => setLocationId(e.target.value)}
        />
        <ReferenceField
          label={t('inventory.import.reference')}
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          disabled={kind !== 'receipt'}
        />
      </div>
      <fieldset>
        <legend className="mb-2 text-sm font-medium">{t('inventory.import.kind')}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {(['receipt', 'count'] as const).map((k) => (
            <label key={k} className="inline-flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={`${id}-kind`}
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
                className="size-4 accent-primary"
              />
              {k === 'receipt' ? t('inventory.import.kindReceipt') : t('inventory.import.kindCount')}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-file`}>{t('inventory.import.file')}</Label>
        <input
          ref={fileRef}
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={() => {
            setError(null);
            setRowErrors([]);
            setSuccess(null);
          }}
          className="block w-full text-sm text-muted-foreground file:mr-3 file:h-9 file:cursor-pointer file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:text-sm file:font-medium file:text-foreground hover:file:bg-muted"
        />
      </div>
      {error ? (
        <Alert tone="error">
          <p>{error}</p>
          {rowErrors.length > 0 ? (
            <table
              className="mt-2 w-full text-left text-sm text-foreground"
              aria-label={t('inventory.import.errorsLabel')}
            >
              <thead>
                <tr className="text-xs text-muted-foreground">
                  <th scope="col" className="w-16 py-1 pr-3 text-right font-medium">
                    {t('inventory.import.row')}
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    {t('inventory.import.error')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rowErrors.slice(0, 100).map((r, i) => (
                  <tr key={`${r.row}-${i}`} className="border-t border-problem-border">
                    <td className="py-1 pr-3 text-right tabular-nums">{r.row}</td>
                    <td className="py-1">{csvRowMessage(t, r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </Alert>
      ) : null}
      {success ? <Alert tone="success">{success}</Alert> : null}
      <div className="flex justify-end">
        <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending || undefined}>
          <Upload aria-hidden />
          {pending ? t('inventory.import.submitting') : t('inventory.import.submit')}
        </Button>
      </div>
    </form>
  );
}
