'use client';

import { useId, useState, useTransition, type FormEvent } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ClipboardList } from 'lucide-react';
import { startCountAction } from '@/lib/next/actions/inventory';
import { actionErrorMessage } from '@/components/action-result';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { useI18n } from '@/lib/next/i18n-client';
import { LocationField, type LocationOption } from './form-fields';

/** Opens a count at one location for all SKUs, a category or a typed list; then the count page takes over. */
export function CountStartForm({ locations, categories }: { locations: LocationOption[]; categories: string[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const id = useId();
  const [locationId, setLocationId] = useState(locations[0]?.id ?? '');
  const [kind, setKind] = useState<'all' | 'category' | 'list'>('category');
  const [category, setCategory] = useState(categories[0] ?? '');
  const [skus, setSkus] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** The open count that holds some of these SKUs, when the server refused a second one. */
  const [openCount, setOpenCount] = useState<{ id: string; number: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const list = [
      ...new Set(
        skus
          .split(/[\s,;]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    if (kind === 'list' && list.length === 0) return setError(t('inventory.counts.needSkus'));
    setError(null);
    setOpenCount(null);
    const scope = kind === 'all' ? { kind } : kind === 'category' ? { kind, category } : { kind, skus: list };
    startTransition(async () => {
      const result = await startCountAction({ locationId, scope });
      if (result.ok) return router.push(`/inventory/counts/${result.data.id}`);
      const open = result.details as { countId?: string; number?: string } | undefined;
      if (result.code === 'conflict' && open?.countId && open.number) {
        setOpenCount({ id: open.countId, number: open.number });
        return setError(t('inventory.counts.alreadyOpen', { number: open.number }));
      }
      setError(result.code === 'unprocessable' ? t('inventory.counts.noneMatch') : actionErrorMessage(t, result));
    });
  }

  const scopes = [
    ['category', t('inventory.counts.scopeCategory')],
    ['list', t('inventory.counts.scopeList')],
    ['all', t('inventory.counts.scopeAll')],
  ] as const;

  return (
    <form onSubmit={onSubmit} className="grid max-w-xl gap-5" noValidate>
      <LocationField
        id={`${id}-location`}
        label={t('inventory.counts.location')}
        locations={locations}
        value={locationId}
        onChange={setLocationId}
      />
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">{t('inventory.counts.scopeLabel')}</legend>
        {scopes.map(([value, label]) => (
          <label key={value} className="inline-flex items-center gap-2 text-sm">
            <input
              type="radio"
              name={`${id}-scope`}
              value={value}
              checked={kind === value}
              onChange={() => setKind(value)}
              className="size-4 accent-primary"
            />
            {label}
          </label>
        ))}
      </fieldset>
      {kind === 'category' ? (
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-category`}>{t('inventory.counts.category')}</Label>
          <NativeSelect id={`${id}-category`} value={category} onChange={(e) => setCategory(e.target.value)}>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </NativeSelect>
        </div>
      ) : null}
      {kind === 'list' ? (
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-skus`}>{t('inventory.counts.skus')}</Label>
          <Textarea
            id={`${id}-skus`}
            value={skus}
            onChange={(e) => setSkus(e.target.value)}
            rows={5}
            className="font-mono"
            spellCheck={false}
          />
        </div>
      ) : null}
      {error ? (
        <Alert tone="error">
          <span>
            {error}
            {openCount ? (
              <>
                {' '}
                <Link href={`/inventory/counts/${openCount.id}`} className="font-medium underline">
                  {t('inventory.counts.openCount', { number: openCount.number })}
                </Link>
              </>
            ) : null}
          </span>
        </Alert>
      ) : null}
      <div>
        <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
          <ClipboardList aria-hidden />
          {pending ? t('inventory.counts.starting') : t('inventory.counts.start')}
        </Button>
      </div>
    </form>
  );
}
