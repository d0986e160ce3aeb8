'use client';

import { useId, useState, useTransition, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { ArrowLeftRight } from 'lucide-react';
import { createTransferAction } from '@/lib/next/actions/inventory';
import { actionErrorMessage } from '@/components/action-result';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { useI18n } from '@/lib/next/i18n-client';
import { LocationField, type LocationOption } from './form-fields';
import { LineEditor } from './line-editor';
import { submittedLines, type EditorLine } from './lines';

/** A draft transfer: source (where the user may send from), destination, lines. Nothing moves until it is shipped. */
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
  const id = useId();
  const [sourceId, setSourceId] = useState(initial.sourceId);
  const [destinationId, setDestinationId] = useState(initial.destinationId);
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<EditorLine[]>(initial.lines);
  const [error, setError] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const [pending, startTransition] = useTransition();
  const source = sources.find((s) => s.id === sourceId) ?? null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!destinationId) return setError(t('inventory.transfers.needDestination'));
    if (destinationId === sourceId) return setError(t('inventory.transfers.sameLocation'));
    if (lines.length === 0) return setError(t('inventory.receive.needLines'));
    const parsed = submittedLines(lines);
    if (!parsed) return setError(t('errors.validation'));
    setError(null);
    startTransition(async () => {
      const result = await createTransferAction({
        sourceLocationId: sourceId,
        destinationLocationId: destinationId,
        note: note.trim() || undefined,
        lines: parsed,
      });
      if (!result.ok) return setError(actionErrorMessage(t, result));
      router.push(`/inventory/transfers/${result.data.id}?created=1`);
    });
  }

  return (
    <form onSubmit={onSubmit} className="grid grid-cols-1 gap-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <LocationField
          id={`${id}-source`}
          label={t('inventory.transfers.source')}
          locations={sources}
          value={sourceId}
          onChange={setSourceId}
        />
        <LocationField
          id={`${id}-destination`}
          label={t('inventory.transfers.destination')}
          locations={destinations.filter((l) => l.id !== sourceId)}
          value={destinationId}
          onChange={setDestinationId}
          placeholder={t('inventory.transfers.chooseDestination')}
          invalid={touched && (!destinationId || destinationId === sourceId)}
        />
      </div>
      <LineEditor lines={lines} onChange={setLines} availableAt={source} invalid={touched && lines.length === 0} />
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-note`}>{t('inventory.transfers.note')}</Label>
        <Textarea id={`${id}-note`} value={note} maxLength={500} rows={2} onChange={(e) => setNote(e.target.value)} />
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
          <ArrowLeftRight aria-hidden />
          {pending ? t('inventory.transfers.creating') : t('inventory.transfers.create')}
        </Button>
      </div>
    </form>
  );
}
