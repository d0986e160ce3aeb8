'use client';

import { CustomerFields } from './phone-order/customer-fields';
import { FulfilmentFields } from './phone-order/fulfilment-fields';
import { OrderLines } from './phone-order/order-lines';
import { OrderSummary } from './phone-order/order-summary';
import { usePhoneOrderForm, type StoreOption } from './phone-order/use-phone-order-form';

export type { StoreOption };

/**
 * The phone order form: the customer, the items, pickup at a store or delivery, and the summary.
 * What it does lives in usePhoneOrderForm; each part reads the form through react-hook-form.
 */
export function PhoneOrderForm({ stores, idempotencyKey }: { stores: readonly StoreOption[]; idempotencyKey: string }) {
  const { form, lineArray, lookups, shortSkus, totals, pending, onSubmit } = usePhoneOrderForm(idempotencyKey);
  return (
    <form onSubmit={onSubmit} noValidate className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="grid min-w-0 gap-6">
        <CustomerFields form={form} />
        <OrderLines form={form} lineArray={lineArray} lookups={lookups} shortSkus={shortSkus} stores={stores} />
        <FulfilmentFields form={form} stores={stores} />
      </div>
      <OrderSummary form={form} totals={totals} pending={pending} />
    </form>
  );
}
