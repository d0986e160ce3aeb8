'use client';

import { useEffect, useTransition } from 'react';
import { useFieldArray, useForm, type FieldErrors, type UseFormReturn } from 'react-hook-form';
import { Icon } from '@/components/ui/icons';
import { Plus, X } from 'lucide';
import { useRouter } from 'next/navigation';
import { actionErrorMessage } from '@/components/action-result';
import { lazySchemaResolver, setServerErrors } from '@/components/form-errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { updateStoreSettingsAction } from '@/lib/next/actions/stores';
import type { Translate } from '@/lib/next/i18n';
import { useI18n } from '@/lib/next/i18n-client';
import type {
  StoreSettingsFieldError,
  UpdateStoreSettingsInput,
  Weekday,
  ZUpdateStoreSettingsInput,
} from '@/lib/stores/schemas';

type Values = UpdateStoreSettingsInput;

const resolver = lazySchemaResolver<typeof ZUpdateStoreSettingsInput, Values>(() =>
  import('@/lib/stores/schemas').then((m) => m.ZUpdateStoreSettingsInput),
);

/** ISO weekdays in order, with their message keys (the schema's WEEKDAYS, without loading zod here). */
const DAYS: readonly [Weekday, 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'][] = [
  ['1', 'mon'],
  ['2', 'tue'],
  ['3', 'wed'],
  ['4', 'thu'],
  ['5', 'fri'],
  ['6', 'sat'],
  ['7', 'sun'],
];

const FIELD_MESSAGES = {
  time_invalid: 'storeSettings.errors.time_invalid',
  close_before_open: 'storeSettings.errors.close_before_open',
  overlap: 'storeSettings.errors.overlap',
  too_many_intervals: 'storeSettings.errors.too_many_intervals',
  preparation_range: 'storeSettings.errors.preparation_range',
  hold_days_range: 'storeSettings.errors.hold_days_range',
} as const satisfies Record<StoreSettingsFieldError, string>;

/** A field's error in the user's language: the schema's code, whether the browser or the server found it. */
function errorText(t: Translate, error: { message?: string } | undefined): string | null {
  if (!error) return null;
  const key = FIELD_MESSAGES[error.message as StoreSettingsFieldError];
  return t(key ?? 'storeSettings.errors.invalid');
}

/**
 * One store's click-and-collect settings (owners): opening hours per weekday (closed, or one or
 * more openings), preparation minutes, hold days, click-and-collect on and paused. Checked in the
 * browser with the action's own schema; field errors on their fields, the result a toast.
 */
export function StoreSettingsForm({ storeName, initial }: { storeName: string; initial: Values }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useForm<Values, unknown, Values>({ resolver, defaultValues: initial });
  useEffect(() => resolver.preload(), []);
  const { errors } = form.formState;

  function send(input: Values) {
    startTransition(async () => {
      const result = await updateStoreSettingsAction(input);
      if (!result.ok) {
        if (!setServerErrors(form.setError, result.fieldErrors)) toast.error(actionErrorMessage(t, result));
        return;
      }
      toast.success(t('storeSettings.form.saved', { store: storeName }));
      form.reset(input);
      router.refresh();
    });
  }

  return (
    <form onSubmit={(event) => void form.handleSubmit(send)(event)} className="grid max-w-3xl gap-6" noValidate>
      <input type="hidden" {...form.register('locationId')} />
      <fieldset className="grid gap-3">
        <legend className="text-[0.9375rem] font-semibold">{t('storeSettings.form.hours')}</legend>
        <p className="-mt-1 text-sm text-muted-foreground">{t('storeSettings.form.hoursHint')}</p>
        <ul className="grid divide-y divide-border rounded-lg border border-border bg-surface">
          {DAYS.map(([day, key]) => (
            <DayHours key={day} form={form} day={day} dayName={t(`storeSettings.weekdays.${key}`)} errors={errors} />
          ))}
        </ul>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('storeSettings.form.preparation')}
          error={errorText(t, errors.preparationMinutes)}
          hint={t('storeSettings.form.preparationHint')}
        >
          {(props) => (
            <Input
              {...props}
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              width="w-40"
              {...form.register('preparationMinutes', { valueAsNumber: true })}
            />
          )}
        </Field>
        <Field
          label={t('storeSettings.form.holdDays')}
          error={errorText(t, errors.holdDays)}
          hint={t('storeSettings.form.holdDaysHint')}
        >
          {(props) => (
            <Input
              {...props}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              width="w-40"
              {...form.register('holdDays', { valueAsNumber: true })}
            />
          )}
        </Field>
      </div>

      <div className="grid gap-3">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" className="size-4 accent-primary" {...form.register('pickupEnabled')} />
          {t('storeSettings.form.pickupEnabled')}
        </label>
        <div className="grid gap-1">
          <label className="flex items-center gap-2 text-sm font-medium">
            <input
              type="checkbox"
              className="size-4 accent-primary"
              aria-describedby="pickup-paused-hint"
              {...form.register('pickupPaused')}
            />
            {t('storeSettings.form.pickupPaused')}
          </label>
          <p id="pickup-paused-hint" className="pl-6 text-xs text-muted-foreground">
            {t('storeSettings.form.pickupPausedHint')}
          </p>
        </div>
      </div>

      <div>
        <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
          {pending ? t('storeSettings.form.saving') : t('storeSettings.form.save')}
        </Button>
      </div>
    </form>
  );
}

/** One weekday: "Closed", or its openings, each from–to with a remove button; "Add hours" adds one. */
function DayHours({
  form,
  day,
  dayName,
  errors,
}: {
  form: UseFormReturn<Values, unknown, Values>;
  day: Weekday;
  dayName: string;
  errors: FieldErrors<Values>;
}) {
  const { t } = useI18n();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: `openingHours.${day}` });
  const dayErrors = errors.openingHours?.[day];
  const dayError = errorText(t, dayErrors?.message ? dayErrors : dayErrors?.root);
  return (
    <li className="grid gap-2 px-4 py-3 sm:grid-cols-[8rem_1fr] sm:items-start" data-day={day}>
      <span className="pt-2 text-sm font-medium">{dayName}</span>
      <div className="grid gap-2">
        {fields.length === 0 ? (
          <p className="pt-2 text-sm text-muted-foreground">{t('storeSettings.form.closed')}</p>
        ) : null}
        {fields.map((field, i) => {
          const n = i + 1;
          const opensError = errorText(t, dayErrors?.[i]?.opens);
          const closesError = errorText(t, dayErrors?.[i]?.closes);
          return (
            <div key={field.id} className="flex flex-wrap items-start gap-2">
              <Input
                aria-label={t('storeSettings.form.opensLabel', { day: dayName, n })}
                aria-invalid={opensError ? true : undefined}
                aria-describedby={opensError ? `hours-${day}-${i}-opens-error` : undefined}
                placeholder="09:30"
                inputMode="numeric"
                maxLength={5}
                autoComplete="off"
                width="w-24"
                className="tabular-nums"
                {...form.register(`openingHours.${day}.${i}.opens`)}
              />
              <span aria-hidden className="pt-2 text-sm text-muted-foreground">
                –
              </span>
              <Input
                aria-label={t('storeSettings.form.closesLabel', { day: dayName, n })}
                aria-invalid={closesError ? true : undefined}
                aria-describedby={closesError ? `hours-${day}-${i}-closes-error` : undefined}
                placeholder="19:00"
                inputMode="numeric"
                maxLength={5}
                autoComplete="off"
                width="w-24"
                className="tabular-nums"
                {...form.register(`openingHours.${day}.${i}.closes`)}
              />
              <Button
                type="button"
                variant="ghost"
                size="icon"
                aria-label={t('storeSettings.form.removeLabel', { day: dayName, n })}
                onClick={() => remove(i)}
              >
                <Icon node={X} aria-hidden />
              </Button>
              {opensError ? (
                <p id={`hours-${day}-${i}-opens-error`} className="basis-full text-xs text-destructive">
                  {opensError}
                </p>
              ) : null}
              {closesError ? (
                <p id={`hours-${day}-${i}-closes-error`} className="basis-full text-xs text-destructive">
                  {closesError}
                </p>
              ) : null}
            </div>
          );
        })}
        {dayError ? <p className="text-xs text-destructive">{dayError}</p> : null}
        <div>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            aria-label={t('storeSettings.form.addLabel', { day: dayName })}
            onClick={() => {
              // A first opening gets a usual day to adjust; a further one starts blank.
              const last = fields.at(-1);
              append(last ? { opens: '', closes: '' } : { opens: '10:00', closes: '19:00' });
            }}
          >
            <Icon node={Plus} aria-hidden />
            {t('storeSettings.form.add')}
          </Button>
        </div>
      </div>
    </li>
  );
}
