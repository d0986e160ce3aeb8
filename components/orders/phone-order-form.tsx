'use client';

import { lazy, Suspense } from 'react';
import { CustomerFields } from './phone-order/customer-fields';
import { FulfilmentFields } from './phone-order/fulfilment-fields';
import { OrderLines } from './phone-order/order-lines';
import { OrderSummary } from './phone-order/order-summary';
import { loadOrderCreated, usePhoneOrderForm, type StoreOption } from './phone-order/use-phone-order-form';
import { useI18n } from '@/lib/next/i18n-client';

export type { StoreOption };

const OrderCreated = lazy(loadOrderCreated);

/**
 * The phone order form: the customer, the items, pickup at a store or delivery, and the summary;
 * once the order is created, its confirmation in the form's place.
 * What it does lives in usePhoneOrderForm; each part reads the form through react-hook-form.
 */
export function PhoneOrderForm({ stores }: { stores: readonly StoreOption[] }) {
  const { t } = useI18n();
  const { form, lineArray, lookups, shortSkus, totals, pending, created, takeAnother, onSubmit } = usePhoneOrderForm();
  if (created)
    return (
      <Suspense fallback={null}>
        <OrderCreated order={created} onAnother={takeAnother} />
      </Suspense>
    );
  return (
    <form onSubmit={onSubmit} noValidate className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="grid min-w-0 gap-6">
        <p className="-mb-3 text-xs text-muted-foreground">{t('orders.new.requiredNote')}</p>
        <CustomerFields form={form} />
        <OrderLines form={form} lineArray={lineArray} lookups={lookups} shortSkus={shortSkus} stores={stores} />
        <FulfilmentFields form={form} stores={stores} />
      </div>
      <OrderSummary form={form} totals={totals} pending={pending} />
    </form>
  );
}
