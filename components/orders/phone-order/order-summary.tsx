'use client';

import { lazy, Suspense } from 'react';
import { useFormState } from 'react-hook-form';
import { Icon } from '@/components/ui/icons';
import { LoaderCircle } from 'lucide';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { useI18n } from '@/lib/next/i18n-client';
import type { PhoneOrderFormApi } from './use-phone-order-form';

// Shown only once a submit found something wrong: its code (and its four icons) load then.
const Alert = lazy(() => import('@/components/ui/alert').then((m) => ({ default: m.Alert })));

/**
 * The totals as catalogue prices make them, what still needs fixing, and the submit button: a
 * column beside the form from the xl breakpoint, below it a bar stuck to the bottom of the window
 * (the total, what is wrong, the button), so that a 1024 px tablet reaches the button without
 * scrolling past the whole form.
 */
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
    <Card className="w-full max-xl:sticky max-xl:bottom-0 max-xl:z-10 max-xl:rounded-b-none max-xl:shadow-[0_-6px_16px_-10px_rgb(0_0_0/0.3)] xl:sticky xl:top-20">
      <CardHeader className="max-xl:sr-only">
        <CardTitle>{t('orders.new.summary')}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 max-xl:flex max-xl:flex-wrap max-xl:items-center max-xl:gap-x-6 max-xl:gap-y-2 max-xl:py-3">
        <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1.5 text-sm">
          {rows.map(([label, cents]) => (
            <div key={label} className="col-span-2 grid grid-cols-subgrid max-xl:hidden">
              <dt className="text-muted-foreground">{t(label)}</dt>
              <dd className="text-right tabular-nums">{formatMoney(cents)}</dd>
            </div>
          ))}
          <div className="col-span-2 grid grid-cols-subgrid border-t border-border pt-2 font-semibold max-xl:border-t-0 max-xl:pt-0 max-xl:text-base">
            <dt>{t('orders.totals.total')}</dt>
            <dd className="text-right tabular-nums">{formatMoney(totals.totalCents)}</dd>
          </div>
        </dl>
        <p className="text-xs text-muted-foreground max-xl:hidden">{t('orders.new.priceNote')}</p>
        <Suspense fallback={null}>
          {invalid ? (
            <Alert tone="error" className="max-xl:min-w-0 max-xl:flex-1 max-xl:py-1.5">
              {noContact ? t('orders.new.contactRequired') : t('errors.validation')}
            </Alert>
          ) : null}
        </Suspense>
        <Button type="submit" size="lg" disabled={pending} aria-busy={pending || undefined} className="max-xl:ml-auto">
          {pending ? <Icon node={LoaderCircle} aria-hidden className="animate-spin" /> : null}
          {pending ? t('orders.new.submitting') : t('orders.new.submit')}
        </Button>
      </CardContent>
    </Card>
  );
}
