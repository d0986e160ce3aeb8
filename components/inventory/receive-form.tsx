'use client';

import { useId, useState, useTransition, type FormEvent } from 'react';
import { PackagePlus } from 'lucide-react';
import { receiveStockAction } from '@/app/(backoffice)/inventory/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { toast } from '@/components/ui/toast';
import { useI18n } from '@/lib/i18n/client';
import { errorMessage } from './labels';
import { LineEditor } from './line-editor';
import { parseQuantity, type EditorLine } from './lines';

type Loc = { id: string; code: string; name: string };

/** A supplier delivery at one location: the delivery note and its lines, received all or nothing. */
export function ReceiveForm({ locations, defaultLocationId }: { locations: Loc[]; defaultLocationId: string }) {
  const { t, formatNumber } = useI18n();
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
    const parsed = lines.map((l) => ({ variantId: l.variantId, quantity: parseQuantity(l.quantity) }));
    if (parsed.some((l) => l.quantity === null || l.quantity < 1)) return setError(t('errors.validation'));
    setError(null);
    startTransition(async () => {
      const result = await receiveStockAction({
        locationId,
        reference: reference.trim(),
        lines: parsed.map((l) => ({ variantId: l.variantId, quantity: l.quantity! })),
      });
      if (!result.ok) return setError(errorMessage(t, result));
      const location = locations.find((l) => l.id === locationId)?.name ?? '';
      const message = t('inventory.receive.success', { units: formatNumber(result.data.units), location, reference: reference.trim() });
      setSuccess(message);
      toast(message);
      setLines([]);
      setReference('');
      setTouched(false);
    });
  }

  return (
    <form onSubmit={onSubmit} className="grid grid-cols-1 gap-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-location`}>{t('inventory.receive.location')}</Label>
          <NativeSelect id={`${id}-location`} value={locationId} onChange={(e) => setLocationId(e.target.value)}>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.code} · {l.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-reference`}>{t('inventory.receive.reference')}</Label>
          <Input
            id={`${id}-reference`}
            value={reference}
            maxLength={100}
            onChange={(e) => setReference(e.target.value)}
            placeholder={t('inventory.receive.referencePlaceholder')}
            aria-invalid={touched && !reference.trim() ? true : undefined}
            autoComplete="off"
          />
        </div>
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
