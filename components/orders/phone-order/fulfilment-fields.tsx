'use client';

import { useMemo } from 'react';
import { useFormState, useWatch } from 'react-hook-form';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/select';
import { countryOptions } from '@/lib/i18n/countries';
import { useI18n } from '@/lib/next/i18n-client';
import { clsx } from 'clsx';
import { fieldErrorText, type PhoneOrderFormApi, type StoreOption } from './use-phone-order-form';

/** Pickup at a store, or delivery to an address with its fee; switching keeps what was typed in the other. */
export function FulfilmentFields({ form, stores }: { form: PhoneOrderFormApi; stores: readonly StoreOption[] }) {
  const { t, locale } = useI18n();
  // By name in the reader's language, the home country first (and chosen at the start).
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const type = useWatch({ control: form.control, name: 'fulfilment.type' });
  const { errors } = useFormState({ control: form.control, name: ['fulfilment', 'shippingFee'] });
  const error = (path: string) => fieldErrorText(t, errors, path);
  const optional = (label: string) => (
    <>
      {label} <span className="font-normal text-muted-foreground">{t('orders.new.optional')}</span>
    </>
  );
  const { register } = form;

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('orders.new.fulfilment')}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <fieldset className="grid gap-2 sm:grid-cols-2">
          <legend className="sr-only">{t('orders.new.fulfilment')}</legend>
          {(['pickup', 'ship'] as const).map((option) => (
            <label
              key={option}
              className={clsx(
                'flex cursor-pointer items-center gap-2.5 rounded-md border px-3 py-2.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring/40',
                type === option ? 'border-primary bg-primary-soft font-medium' : 'border-border',
              )}
            >
              <input type="radio" value={option} className="size-4 accent-primary" {...register('fulfilment.type')} />
              {t(`orders.new.${option}`)}
            </label>
          ))}
        </fieldset>
        {type === 'pickup' ? (
          <Field
            label={t('orders.new.store')}
            error={error('fulfilment.locationCode')}
            required
            className="sm:max-w-sm"
          >
            {(props) => (
              <NativeSelect {...props} {...register('fulfilment.locationCode')}>
                <option value="">{t('orders.new.chooseStore')}</option>
                {stores.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.code} · {s.name}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
        ) : (
          <div className="grid gap-4 sm:grid-cols-6">
            <Field label={optional(t('orders.new.recipient'))} className="sm:col-span-6">
              {(props) => <Input {...props} autoComplete="off" {...register('fulfilment.address.name')} />}
            </Field>
            <Field
              label={t('orders.new.line1')}
              error={error('fulfilment.address.line1')}
              required
              className="sm:col-span-6"
            >
              {(props) => <Input {...props} autoComplete="off" {...register('fulfilment.address.line1')} />}
            </Field>
            <Field label={optional(t('orders.new.line2'))} className="sm:col-span-6">
              {(props) => <Input {...props} autoComplete="off" {...register('fulfilment.address.line2')} />}
            </Field>
            <Field
              label={t('orders.new.postalCode')}
              error={error('fulfilment.address.postalCode')}
              required
              className="sm:col-span-2"
            >
              {(props) => (
                <Input
                  {...props}
                  autoComplete="off"
                  inputMode="numeric"
                  {...register('fulfilment.address.postalCode')}
                />
              )}
            </Field>
            <Field
              label={t('orders.new.city')}
              error={error('fulfilment.address.city')}
              required
              className="sm:col-span-2"
            >
              {(props) => <Input {...props} autoComplete="off" {...register('fulfilment.address.city')} />}
            </Field>
            <Field
              label={t('orders.new.country')}
              error={error('fulfilment.address.country')}
              required
              className="sm:col-span-2"
            >
              {(props) => (
                <NativeSelect {...props} {...register('fulfilment.address.country')}>
                  {countries.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </NativeSelect>
              )}
            </Field>
            <Field label={t('orders.new.shippingFee')} error={error('shippingFee')} className="sm:col-span-2">
              {(props) => (
                <Input
                  {...props}
                  inputMode="decimal"
                  autoComplete="off"
                  className="text-right tabular-nums"
                  {...register('shippingFee')}
                />
              )}
            </Field>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
