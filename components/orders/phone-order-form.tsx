'use client';

import { useId, useState, useTransition, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useQueries } from '@tanstack/react-query';
import { LoaderCircle, Plus, Trash2 } from 'lucide-react';
import type { z } from 'zod';
import { actionErrorMessage } from '@/components/action-result';
import { lookupCode } from '@/components/inventory/lookup';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import type { ServerAction } from '@/lib/http/result';
import type { MessageKey } from '@/lib/i18n/core';
import { useI18n } from '@/lib/next/i18n-client';
import type { ZPhoneOrderRequest } from '@/lib/orders/create-phone-order';
import type { IngestResult } from '@/lib/orders/ingest-order';
import type { PhoneOrderFieldError } from '@/lib/orders/schemas';
import { cn } from '@/lib/utils';

export type StoreOption = { code: string; name: string };

type Line = {
  key: number;
  sku: string;
  /** The code last looked up (on blur or Enter). */ code: string;
  quantity: string;
};

/** The server's field error codes (lib/orders/schemas.ts), in the user's language. */
const FIELD_MESSAGES = {
  required: 'orders.new.required',
  too_long: 'orders.new.tooLong',
  email_invalid: 'orders.new.emailInvalid',
  phone_invalid: 'orders.new.phoneInvalid',
  contact_required: 'orders.new.emailOrPhone',
} as const satisfies Record<PhoneOrderFieldError, MessageKey>;

/** The customer's fields in the order they appear: the first wrong one gets the focus. */
const CUSTOMER_FIELDS = ['customer.firstName', 'customer.lastName', 'customer.email', 'customer.phone'] as const;

/** Euros as typed ("4,90", "4.9", "5") → cents; null when it is not an amount. */
function eurosToCents(value: string): number | null {
  const v = value.trim().replace(/\s/g, '').replace(',', '.');
  if (!v) return 0;
  if (!/^\d+(\.\d{1,2})?$/.test(v)) return null;
  return Math.round(Number(v) * 100);
}

/**
 * The phone order form: the customer, the items (each SKU looked up for its product, price and
 * stock), pickup at a store or delivery. One idempotency key per form, so a double submit or a
 * retry after a lost answer creates one order.
 */
/** The page's createPhoneOrderAction. */
export type CreatePhoneOrderCall = ServerAction<z.input<typeof ZPhoneOrderRequest>, IngestResult>;

export function PhoneOrderForm({
  action,
  stores,
  idempotencyKey,
}: {
  action: CreatePhoneOrderCall;
  stores: readonly StoreOption[];
  idempotencyKey: string;
}) {
  const { t, formatMoney, formatNumber } = useI18n();
  const router = useRouter();
  const ids = useId();
  const [key] = useState(idempotencyKey);
  const [pending, startTransition] = useTransition();
  const [customer, setCustomer] = useState({ firstName: '', lastName: '', email: '', phone: '' });
  const [lines, setLines] = useState<Line[]>([{ key: 1, sku: '', code: '', quantity: '1' }]);
  const [nextKey, setNextKey] = useState(2);
  const [type, setType] = useState<'pickup' | 'ship'>('pickup');
  const [store, setStore] = useState('');
  const [address, setAddress] = useState({ name: '', line1: '', line2: '', postalCode: '', city: '', country: 'FR' });
  const [fee, setFee] = useState('0');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [shortSkus, setShortSkus] = useState<string[]>([]);

  const lookups = useQueries({
    queries: lines.map((l) => ({
      queryKey: ['backoffice-sku', l.code.toUpperCase()],
      queryFn: () => lookupCode(l.code),
      enabled: l.code.trim().length > 0,
      retry: false,
      staleTime: 10_000,
    })),
  });

  const feeCents = type === 'ship' ? eurosToCents(fee) : 0;
  const subtotal = lines.reduce((sum, l, i) => {
    const info = lookups[i]?.data;
    const q = Number.parseInt(l.quantity, 10);
    return info && q > 0 ? sum + info.priceCents * q : sum;
  }, 0);
  const total = subtotal + (feeCents ?? 0);

  const invalid = (path: string) => (fieldErrors[path] ? true : undefined);
  const fieldError = (path: string) =>
    fieldErrors[path] ? (
      <p id={`${ids}-${path}-error`} className="text-xs text-destructive">
        {path === 'fulfilment.locationCode'
          ? t('orders.new.storeRequired')
          : t(FIELD_MESSAGES[fieldErrors[path][0] as PhoneOrderFieldError] ?? 'orders.new.fieldInvalid')}
      </p>
    ) : null;
  const describedBy = (path: string) => (fieldErrors[path] ? `${ids}-${path}-error` : undefined);

  const field = (path: string, label: ReactNode, input: (id: string) => ReactNode, className?: string) => (
    <div className={cn('grid content-start gap-1.5', className)}>
      <Label htmlFor={`${ids}-${path}`}>{label}</Label>
      {input(`${ids}-${path}`)}
      {fieldError(path)}
    </div>
  );
  const optional = (label: string) => (
    <>
      {label} <span className="font-normal text-muted-foreground">{t('orders.new.optional')}</span>
    </>
  );

  /** A corrected field loses its message; the others keep theirs until the next submit. */
  function editCustomer(name: keyof typeof customer, value: string) {
    setCustomer((c) => ({ ...c, [name]: value }));
    setFieldErrors((errors) => {
      const path = `customer.${name}`;
      if (!errors[path]) return errors;
      const { [path]: _, ...rest } = errors;
      // Either contact answers "an email or a phone is needed".
      if (errors[path][0] === 'contact_required') {
        delete rest['customer.email'];
        delete rest['customer.phone'];
      }
      return rest;
    });
  }

  function updateLine(k: number, patch: Partial<Line>) {
    setLines((ls) => ls.map((l) => (l.key === k ? { ...l, ...patch } : l)));
  }
  function commitSku(line: Line) {
    if (line.sku.trim() !== line.code) updateLine(line.key, { code: line.sku.trim() });
  }
  function onSkuKey(e: KeyboardEvent<HTMLInputElement>, line: Line) {
    if (e.key !== 'Enter') return;
    // A scanner ends with Enter: look the code up instead of submitting the form.
    e.preventDefault();
    commitSku(line);
    document.getElementById(`${ids}-qty-${line.key}`)?.focus();
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setShortSkus([]);
    const filled = lines.filter((l) => l.sku.trim());
    if (feeCents === null) {
      setFieldErrors({ shippingCents: ['invalid'] });
      setError(t('errors.validation'));
      return;
    }
    const input = {
      idempotencyKey: key,
      // As typed: the server decides what is missing or wrong (a phone that is no phone number, no contact at all).
      customer: {
        firstName: customer.firstName.trim(),
        lastName: customer.lastName.trim(),
        email: customer.email.trim(),
        phone: customer.phone.trim(),
      },
      lines: filled.map((l) => ({ sku: l.sku.trim(), quantity: Number.parseInt(l.quantity, 10) || 0 })),
      fulfilment:
        type === 'pickup'
          ? { type: 'pickup' as const, locationCode: store }
          : {
              type: 'ship' as const,
              address: {
                name: address.name.trim() || undefined,
                line1: address.line1.trim(),
                line2: address.line2.trim() || undefined,
                postalCode: address.postalCode.trim(),
                city: address.city.trim(),
                country: address.country.trim(),
              },
            },
      shippingCents: feeCents,
    };
    startTransition(async () => {
      const result = await action(input);
      if (result.ok) {
        router.push(`/orders/${result.data.order.id}`);
        return;
      }
      // Field paths count filled lines only: map them back to the rows on screen.
      const errors: Record<string, string[]> = {};
      for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
        const m = path.match(/^lines\.(\d+)\.(\w+)$/);
        if (m) errors[`lines.${filled[Number(m[1])]?.key}.${m[2]}`] = messages;
        else errors[path] = messages;
      }
      if (filled.length === 0) errors['lines'] = ['empty'];
      // Everything typed stays in place (controlled fields); the message sits on the wrong field.
      setFieldErrors(errors);
      const skus = Array.isArray(result.details?.skus) ? result.details.skus.map(String) : [];
      setShortSkus(skus);
      // Without an email or a phone the customer cannot be matched, created or told the parcel is ready.
      const noContact = errors['customer.email']?.[0] === 'contact_required';
      setError(noContact ? t('orders.new.contactRequired') : actionErrorMessage(t, result));
      const first = CUSTOMER_FIELDS.find((path) => errors[path]);
      if (first) document.getElementById(`${ids}-${first}`)?.focus();
    });
  }

  const storeLabel = stores.find((s) => s.code === store);

  return (
    <form onSubmit={submit} noValidate className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="grid min-w-0 gap-6">
        <Card>
          <CardHeader>
            <CardTitle>{t('orders.new.customer')}</CardTitle>
            <CardDescription>{t('orders.new.customerHint')}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            {field('customer.firstName', t('orders.new.firstName'), (id) => (
              <Input
                id={id}
                required
                autoComplete="off"
                value={customer.firstName}
                onChange={(e) => editCustomer('firstName', e.target.value)}
                aria-invalid={invalid('customer.firstName')}
                aria-describedby={describedBy('customer.firstName')}
              />
            ))}
            {field('customer.lastName', t('orders.new.lastName'), (id) => (
              <Input
                id={id}
                required
                autoComplete="off"
                value={customer.lastName}
                onChange={(e) => editCustomer('lastName', e.target.value)}
                aria-invalid={invalid('customer.lastName')}
                aria-describedby={describedBy('customer.lastName')}
              />
            ))}
            {field('customer.email', t('orders.new.email'), (id) => (
              <Input
                id={id}
                type="email"
                autoComplete="off"
                spellCheck={false}
                value={customer.email}
                onChange={(e) => editCustomer('email', e.target.value)}
                aria-invalid={invalid('customer.email')}
                aria-describedby={describedBy('customer.email')}
              />
            ))}
            {field('customer.phone', t('orders.new.phone'), (id) => (
              <Input
                id={id}
                type="tel"
                autoComplete="off"
                value={customer.phone}
                onChange={(e) => editCustomer('phone', e.target.value)}
                aria-invalid={invalid('customer.phone')}
                aria-describedby={describedBy('customer.phone')}
              />
            ))}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t('orders.new.items')}</CardTitle>
            <CardDescription>{t('orders.new.itemsHint')}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3">
            <ol className="grid gap-3">
              {lines.map((line, i) => {
                const lookup = lookups[i];
                const info = lookup?.data;
                const qty = Number.parseInt(line.quantity, 10) || 0;
                const available =
                  info && type === 'pickup' && store
                    ? (info.levels.find((l) => l.code === store)?.available ?? 0)
                    : (info?.available ?? null);
                const short = (info && available !== null && qty > available) || (info && shortSkus.includes(info.sku));
                const unknown = line.code && lookup?.isSuccess && info === null;
                const n = i + 1;
                const skuError = invalid(`lines.${line.key}.sku`) || unknown || undefined;
                return (
                  <li
                    key={line.key}
                    aria-label={t('orders.new.lineLabel', { n })}
                    className="grid grid-cols-[minmax(0,1fr)_5.5rem_auto] items-start gap-x-3 gap-y-2 rounded-md border border-border p-3 md:grid-cols-[12rem_5.5rem_minmax(0,1fr)_auto]"
                  >
                    <div className="grid gap-1.5">
                      <Label htmlFor={`${ids}-sku-${line.key}`} className="text-xs text-muted-foreground">
                        {t('orders.new.sku')}
                      </Label>
                      <Input
                        id={`${ids}-sku-${line.key}`}
                        value={line.sku}
                        autoComplete="off"
                        spellCheck={false}
                        className="font-mono uppercase"
                        onChange={(e) => updateLine(line.key, { sku: e.target.value })}
                        onBlur={() => commitSku(line)}
                        onKeyDown={(e) => onSkuKey(e, line)}
                        aria-invalid={skuError}
                        aria-describedby={`${ids}-info-${line.key}`}
                      />
                    </div>
                    <div className="grid gap-1.5">
                      <Label htmlFor={`${ids}-qty-${line.key}`} className="text-xs text-muted-foreground">
                        {t('orders.new.quantity')}
                      </Label>
                      <Input
                        id={`${ids}-qty-${line.key}`}
                        type="number"
                        inputMode="numeric"
                        min={1}
                        max={1000}
                        step={1}
                        value={line.quantity}
                        onChange={(e) => updateLine(line.key, { quantity: e.target.value })}
                        className="text-right tabular-nums"
                        aria-invalid={invalid(`lines.${line.key}.quantity`) || (short ? true : undefined)}
                        aria-describedby={`${ids}-info-${line.key}`}
                      />
                    </div>
                    <div
                      id={`${ids}-info-${line.key}`}
                      aria-live="polite"
                      className="col-span-3 min-h-9 text-sm md:col-span-1 md:pt-6"
                    >
                      {lookup?.isFetching ? (
                        <span className="inline-flex items-center gap-1.5 text-muted-foreground">
                          <LoaderCircle aria-hidden className="size-3.5 animate-spin" />
                          {t('orders.new.looking')}
                        </span>
                      ) : unknown ? (
                        <span className="text-destructive">{t('orders.new.unknownSku')}</span>
                      ) : lookup?.isError ? (
                        <span className="text-destructive">{t('orders.new.lookupFailed')}</span>
                      ) : info ? (
                        <div className="grid gap-0.5">
                          <span className="truncate font-medium" title={`${info.productName} — ${info.title}`}>
                            {info.productName} — {info.title}
                          </span>
                          <span className="flex flex-wrap gap-x-3 text-xs text-muted-foreground">
                            <span className="tabular-nums">
                              {t('orders.new.each', { price: formatMoney(info.priceCents, info.currency) })}
                            </span>
                            <span className={cn('tabular-nums', short && 'font-medium text-waiting')}>
                              {type === 'pickup' && storeLabel
                                ? t('orders.new.availableAt', {
                                    count: formatNumber(available ?? 0),
                                    location: storeLabel.code,
                                  })
                                : t('orders.new.available', { count: formatNumber(info.available) })}
                              {short ? ` — ${t('orders.new.notEnough')}` : null}
                            </span>
                          </span>
                        </div>
                      ) : invalid(`lines.${line.key}.sku`) ? (
                        <span className="text-destructive">{t('orders.new.fieldInvalid')}</span>
                      ) : null}
                    </div>
                    <div className="col-start-3 row-start-1 flex items-center gap-3 self-start pt-6 md:col-start-4">
                      {info && qty > 0 ? (
                        <span className="whitespace-nowrap text-right text-sm font-medium tabular-nums">
                          {formatMoney(info.priceCents * qty, info.currency)}
                        </span>
                      ) : null}
                      <Button
                        variant="ghost"
                        size="icon-sm"
                        aria-label={t('orders.new.removeLine', { n })}
                        disabled={lines.length === 1}
                        onClick={() => setLines((ls) => ls.filter((l) => l.key !== line.key))}
                      >
                        <Trash2 aria-hidden />
                      </Button>
                    </div>
                  </li>
                );
              })}
            </ol>
            {fieldErrors['lines'] ? (
              <p role="alert" className="text-sm text-destructive">
                {t('orders.new.noLines')}
              </p>
            ) : null}
            <div>
              <Button
                variant="secondary"
                size="sm"
                onClick={() => {
                  setLines((ls) => [...ls, { key: nextKey, sku: '', code: '', quantity: '1' }]);
                  setNextKey((k) => k + 1);
                  setTimeout(() => document.getElementById(`${ids}-sku-${nextKey}`)?.focus(), 0);
                }}
              >
                <Plus aria-hidden />
                {t('orders.new.addLine')}
              </Button>
            </div>
          </CardContent>
        </Card>

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
                  className={cn(
                    'flex cursor-pointer items-center gap-2.5 rounded-md border px-3 py-2.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring/40',
                    type === option ? 'border-primary bg-primary-soft font-medium' : 'border-border',
                  )}
                >
                  <input
                    type="radio"
                    name="fulfilment"
                    value={option}
                    checked={type === option}
                    onChange={() => setType(option)}
                    className="size-4 accent-primary"
                  />
                  {t(`orders.new.${option}`)}
                </label>
              ))}
            </fieldset>
            {type === 'pickup' ? (
              field(
                'fulfilment.locationCode',
                t('orders.new.store'),
                (id) => (
                  <NativeSelect
                    id={id}
                    required
                    value={store}
                    onChange={(e) => setStore(e.target.value)}
                    aria-invalid={invalid('fulfilment.locationCode')}
                    aria-describedby={describedBy('fulfilment.locationCode')}
                  >
                    <option value="">{t('orders.new.chooseStore')}</option>
                    {stores.map((s) => (
                      <option key={s.code} value={s.code}>
                        {s.code} · {s.name}
                      </option>
                    ))}
                  </NativeSelect>
                ),
                'sm:max-w-sm',
              )
            ) : (
              <div className="grid gap-4 sm:grid-cols-6">
                {field(
                  'fulfilment.address.name',
                  optional(t('orders.new.recipient')),
                  (id) => (
                    <Input
                      id={id}
                      autoComplete="off"
                      value={address.name}
                      onChange={(e) => setAddress({ ...address, name: e.target.value })}
                    />
                  ),
                  'sm:col-span-6',
                )}
                {field(
                  'fulfilment.address.line1',
                  t('orders.new.line1'),
                  (id) => (
                    <Input
                      id={id}
                      required
                      autoComplete="off"
                      value={address.line1}
                      onChange={(e) => setAddress({ ...address, line1: e.target.value })}
                      aria-invalid={invalid('fulfilment.address.line1')}
                      aria-describedby={describedBy('fulfilment.address.line1')}
                    />
                  ),
                  'sm:col-span-6',
                )}
                {field(
                  'fulfilment.address.line2',
                  optional(t('orders.new.line2')),
                  (id) => (
                    <Input
                      id={id}
                      autoComplete="off"
                      value={address.line2}
                      onChange={(e) => setAddress({ ...address, line2: e.target.value })}
                    />
                  ),
                  'sm:col-span-6',
                )}
                {field(
                  'fulfilment.address.postalCode',
                  t('orders.new.postalCode'),
                  (id) => (
                    <Input
                      id={id}
                      required
                      autoComplete="off"
                      inputMode="numeric"
                      value={address.postalCode}
                      onChange={(e) => setAddress({ ...address, postalCode: e.target.value })}
                      aria-invalid={invalid('fulfilment.address.postalCode')}
                      aria-describedby={describedBy('fulfilment.address.postalCode')}
                    />
                  ),
                  'sm:col-span-2',
                )}
                {field(
                  'fulfilment.address.city',
                  t('orders.new.city'),
                  (id) => (
                    <Input
                      id={id}
                      required
                      autoComplete="off"
                      value={address.city}
                      onChange={(e) => setAddress({ ...address, city: e.target.value })}
                      aria-invalid={invalid('fulfilment.address.city')}
                      aria-describedby={describedBy('fulfilment.address.city')}
                    />
                  ),
                  'sm:col-span-2',
                )}
                {field(
                  'fulfilment.address.country',
                  t('orders.new.country'),
                  (id) => (
                    <Input
                      id={id}
                      required
                      maxLength={2}
                      autoComplete="off"
                      className="uppercase"
                      value={address.country}
                      onChange={(e) => setAddress({ ...address, country: e.target.value.toUpperCase() })}
                      aria-invalid={invalid('fulfilment.address.country')}
                      aria-describedby={describedBy('fulfilment.address.country')}
                    />
                  ),
                  'sm:col-span-2',
                )}
                {field(
                  'shippingCents',
                  t('orders.new.shippingFee'),
                  (id) => (
                    <Input
                      id={id}
                      inputMode="decimal"
                      autoComplete="off"
                      className="text-right tabular-nums"
                      value={fee}
                      onChange={(e) => setFee(e.target.value)}
                      aria-invalid={invalid('shippingCents')}
                      aria-describedby={describedBy('shippingCents')}
                    />
                  ),
                  'sm:col-span-2',
                )}
              </div>
            )}
          </CardContent>
        </Card>
      </div>

      <Card className="w-full sm:ml-auto sm:max-w-sm xl:sticky xl:top-6 xl:max-w-none">
        <CardHeader>
          <CardTitle>{t('orders.new.summary')}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1.5 text-sm">
            <div className="col-span-2 grid grid-cols-subgrid">
              <dt className="text-muted-foreground">{t('orders.totals.subtotal')}</dt>
              <dd className="text-right tabular-nums">{formatMoney(subtotal)}</dd>
            </div>
            <div className="col-span-2 grid grid-cols-subgrid">
              <dt className="text-muted-foreground">{t('orders.totals.shipping')}</dt>
              <dd className="text-right tabular-nums">{formatMoney(feeCents ?? 0)}</dd>
            </div>
            <div className="col-span-2 grid grid-cols-subgrid border-t border-border pt-2 font-semibold">
              <dt>{t('orders.totals.total')}</dt>
              <dd className="text-right tabular-nums">{formatMoney(total)}</dd>
            </div>
          </dl>
          <p className="text-xs text-muted-foreground">{t('orders.new.priceNote')}</p>
          {error ? <Alert tone="error">{error}</Alert> : null}
          <Button type="submit" size="lg" disabled={pending} aria-busy={pending || undefined}>
            {pending ? <LoaderCircle aria-hidden className="animate-spin" /> : null}
            {pending ? t('orders.new.submitting') : t('orders.new.submit')}
          </Button>
        </CardContent>
      </Card>
    </form>
  );
}
