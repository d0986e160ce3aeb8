'use client';

import { useId, useState, useTransition, type FormEvent } from 'react';
import { PackagePlus } from 'lucide-react';
import { receiveStockAction } from '@/lib/next/actions/inventory';
import { actionErrorMessage } from '@/components/action-result';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { toast } from 'sonner';
import { useI18n } from '@/lib/next/i18n-client';
import { LocationField, ReferenceField, type LocationOption } from './form-fields';
import { LineEditor } from './line-editor';
import { submittedLines, type EditorLine } from './lines';

/** A supplier delivery at one location: the delivery note and its lines, received all or nothing. */
export function ReceiveForm({
  locations,
  defaultLocationId,
}: {
  locations: LocationOption[];
  defaultLocationId: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [locationId, setLocationId] = useState(defaultLocationId);
  const [reference, setReference] = useState('');
  const [lines, setLines] = useState<EditorLine[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setSuccess(null);
    if (!reference.trim()) return setError(t('inventory.receive.needReference'));
    if (lines.length === 0) return setError(t('inventory.receive.needLines'));
    const parsed = submittedLines(lines);
    if (!parsed) return setError(t('errors.validation'));
    setError(null);
    startTransition(async () => {
      const result = await receiveStockAction({
        locationId,
        reference: reference.trim(),
        lines: parsed,
      });
      if (!result.ok) return setError(actionErrorMessage(t, result));
      const location = locations.find((l) => l.id === locationId)?.name ?? '';
      const message = t('inventory.receive.success', {
        units: result.data.units,
        location,
        reference: reference.trim(),
      });
      setSuccess(message);
      toast.success(message);
      setLines([]);
      setReference('');
      setTouched(false);
    });
  }

  return (
    <form onSubmit={onSubmit} className="grid grid-cols-1 gap-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <LocationField
          id={`${id}-location`}
          label={t('inventory.receive.location')}
          locations={locations}
          value={locationId}
          onChange={setLocationId}
        />
        <ReferenceField
          id={`${id}-reference`}
          label={t('inventory.receive.reference')}
          value={reference}
          onChange={setReference}
          invalid={touched && !reference.trim()}
        />
      </div>
      <LineEditor lines={lines} onChange={setLines} invalid={touched && lines.length === 0} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {success ? <Alert tone="success">{success}</Alert> : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
          <PackagePlus aria-hidden />
          {pending ? t('inventory.receive.submitting') : t('inventory.receive.submit')}
        </Button>
      </div>
    </form>
  );
}
