'use client';

import { useFormState } from 'react-hook-form';
import { LoaderCircle } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { useI18n } from '@/lib/next/i18n-client';
import type { PhoneOrderFormApi } from './use-phone-order-form';

/** The totals as catalogue prices make them, what still needs fixing, and the submit button. */
export function OrderSummary({
  form,
  totals,
  pending,
}: {
  form: PhoneOrderFormApi;
  totals: { subtotalCents: number; shippingCents: number; totalCents: number };
  pending: boolean;
}) {
  const { t, formatMoney } = useI18n();
  const { errors } = useFormState({ control: form.control });
  const invalid = Object.keys(errors).length > 0;
  // Without an email or a phone the customer cannot be matched, created or told the parcel is ready.
  const noContact = errors.customer?.email?.message === 'contact_required';
  const rows = [
    ['orders.totals.subtotal', totals.subtotalCents],
    ['orders.totals.shipping', totals.shippingCents],
  ] as const;
  return (
    <Card className="w-full sm:ml-auto sm:max-w-sm xl:sticky xl:top-6 xl:max-w-none">
      <CardHeader>
        <CardTitle>{t('orders.new.summary')}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1.5 text-sm">
          {rows.map(([label, cents]) => (
            <div key={label} className="col-span-2 grid grid-cols-subgrid">
              <dt className="text-muted-foreground">{t(label)}</dt>
              <dd className="text-right tabular-nums">{formatMoney(cents)}</dd>
            </div>
          ))}
          <div className="col-span-2 grid grid-cols-subgrid border-t border-border pt-2 font-semibold">
            <dt>{t('orders.totals.total')}</dt>
            <dd className="text-right tabular-nums">{formatMoney(totals.totalCents)}</dd>
          </div>
        </dl>
        <p className="text-xs text-muted-foreground">{t('orders.new.priceNote')}</p>
        {invalid ? (
          <Alert tone="error">{noContact ? t('orders.new.contactRequired') : t('errors.validation')}</Alert>
        ) : null}
        <Button type="submit" size="lg" disabled={pending} aria-busy={pending || undefined}>
          {pending ? <LoaderCircle aria-hidden className="animate-spin" /> : null}
          {pending ? t('orders.new.submitting') : t('orders.new.submit')}
        </Button>
      </CardContent>
    </Card>
  );
}
