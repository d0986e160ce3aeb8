'use client';

import { useEffect, useState, useTransition } from 'react';
import { Link } from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { Icon } from '@/components/ui/icons';
import { ClipboardList } from 'lucide';
import { toast } from '@/components/ui/toast';
import { actionErrorMessage } from '@/components/action-result';
import { lazySchemaResolver, setServerErrors } from '@/components/form-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { NativeSelect } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import type { StartCountInput, ZStartCountInput } from '@/lib/inventory/schemas';
import { startCountAction } from '@/lib/next/actions/inventory';
import { useI18n } from '@/lib/next/i18n-client';
import { LocationField, type LocationOption } from './form-fields';

type Kind = StartCountInput['scope']['kind'];
/** The SKUs as typed: one per line, or separated by commas or spaces. */
type CountStartValues = { locationId: string; scope: { kind: Kind; category: string; skus: string } };

const resolveInput = lazySchemaResolver<typeof ZStartCountInput>(() =>
  import('@/lib/inventory/schemas').then((m) => m.ZStartCountInput),
);
/**
 * The action's schema checks the scope that is chosen, with the typed list split into SKUs; its
 * paths (locationId, scope.category, scope.skus) are the form's own.
 */
const resolver: Resolver<CountStartValues, unknown, StartCountInput> = async (values, context, options) => {
  const { kind, category, skus } = values.scope;
  const list = [...new Set(skus.split(/[\s,;]+/).filter(Boolean))];
  const scope = kind === 'all' ? { kind } : kind === 'category' ? { kind, category } : { kind, skus: list };
  return resolveInput({ locationId: values.locationId, scope }, context, { ...options, fields: {}, names: undefined });
};

/** Opens a count at one location for all SKUs, a category or a typed list; then the count page takes over. */
export function CountStartForm({ locations, categories }: { locations: LocationOption[]; categories: string[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  /** The open count that holds some of these SKUs, when the server refused a second one. */
  const [openCount, setOpenCount] = useState<{ id: string; number: string } | null>(null);
  const form = useForm<CountStartValues, unknown, StartCountInput>({
    resolver,
    defaultValues: {
      locationId: locations[0]?.id ?? '',
      scope: { kind: 'category', category: categories[0] ?? '', skus: '' },
    },
  });
  useEffect(() => resolveInput.preload(), []);
  const kind = useWatch({ control: form.control, name: 'scope.kind' });
  const { errors } = form.formState;

  function send(input: StartCountInput) {
    setOpenCount(null);
    startTransition(async () => {
      const result = await startCountAction(input);
      if (result.ok) return router.push(`/inventory/counts/${result.data.id}`);
      const open = result.details as { countId?: string; number?: string } | undefined;
      // Stays on the page: the refusal names the count to open instead.
      if (result.code === 'conflict' && open?.countId && open.number)
        return setOpenCount({ id: open.countId, number: open.number });
      if (setServerErrors(form.setError, result.fieldErrors)) return;
      toast.error(result.code === 'unprocessable' ? t('inventory.counts.noneMatch') : actionErrorMessage(t, result));
    });
  }

  const scopes = [
    ['category', t('inventory.counts.scopeCategory')],
    ['list', t('inventory.counts.scopeList')],
    ['all', t('inventory.counts.scopeAll')],
  ] as const;

  return (
    <form onSubmit={(event) => void form.handleSubmit(send)(event)} className="grid max-w-xl gap-5" noValidate>
      <LocationField label={t('inventory.counts.location')} locations={locations} {...form.register('locationId')} />
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">{t('inventory.counts.scopeLabel')}</legend>
        {scopes.map(([value, label]) => (
          <label key={value} className="inline-flex items-center gap-2 text-sm">
            <input type="radio" value={value} className="size-4 accent-primary" {...form.register('scope.kind')} />
            {label}
          </label>
        ))}
      </fieldset>
      {kind === 'category' ? (
        <Field label={t('inventory.counts.category')}>
          {(props) => (
            <NativeSelect {...props} {...form.register('scope.category')}>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
      ) : null}
      {kind === 'list' ? (
        <Field label={t('inventory.counts.skus')} error={errors.scope?.skus ? t('inventory.counts.needSkus') : null}>
          {(props) => (
            <Textarea {...props} rows={5} className="font-mono" spellCheck={false} {...form.register('scope.skus')} />
          )}
        </Field>
      ) : null}
      {openCount ? (
        <Alert tone="error">
          <span>
            {t('inventory.counts.alreadyOpen', { number: openCount.number })}{' '}
            <Link href={`/inventory/counts/${openCount.id}`} className="font-medium underline">
              {t('inventory.counts.openCount', { number: openCount.number })}
            </Link>
          </span>
        </Alert>
      ) : null}
      <div>
        <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
          <Icon node={ClipboardList} aria-hidden />
          {pending ? t('inventory.counts.starting') : t('inventory.counts.start')}
        </Button>
      </div>
    </form>
  );
}
