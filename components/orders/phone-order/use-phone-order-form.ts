'use client';

import { useEffect, useRef, useState, useTransition, type FormEvent } from 'react';
import { useQueries } from '@tanstack/react-query';
import {
  get,
  set,
  useFieldArray,
  useForm,
  useWatch,
  type FieldErrors,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import { toast } from '@/components/ui/toast';
import type { z } from 'zod';
import { HOME_COUNTRY } from '@/lib/i18n/countries';
import { randomUuid } from '@/lib/uuid';
import { actionErrorMessage, skusOf } from '@/components/action-result';
import { setServerErrors } from '@/components/form-errors';
import { lookupCode } from '@/components/inventory/lookup';
import { fieldErrorsOf } from '@/lib/http/field-errors';
import { createPhoneOrderAction } from '@/lib/next/actions/orders';
import type { MessageKey, Translate } from '@/lib/next/i18n';
import { useI18n } from '@/lib/next/i18n-client';
import type { ZPhoneOrderRequest } from '@/lib/orders/phone-order-request';
import type { PhoneOrderFieldError } from '@/lib/orders/schemas';

export type StoreOption = { code: string; name: string };

/** The form as the agent fills it: text as typed, both fulfilment branches kept while switching. */
export type PhoneOrderValues = {
  customer: { firstName: string; lastName: string; email: string; phone: string };
  /** `code` is the SKU last looked up (on blur or Enter), so typing does not fire a lookup per key. */
  lines: { sku: string; quantity: string; code: string }[];
  fulfilment: {
    type: 'pickup' | 'ship';
    locationCode: string;
    address: { name: string; line1: string; line2: string; postalCode: string; city: string; country: string };
  };
  /** Euros as typed ("4,90"); the request carries cents. */
  shippingFee: string;
};

type PhoneOrderRequest = z.input<typeof ZPhoneOrderRequest>;

/** The form's react-hook-form handle, as the parts of the form receive it. */
export type PhoneOrderFormApi = UseFormReturn<PhoneOrderValues, unknown, PhoneOrderRequest>;

export const EMPTY_LINE: PhoneOrderValues['lines'][number] = { sku: '', quantity: '1', code: '' };

const EMPTY_ORDER: PhoneOrderValues = {
  customer: { firstName: '', lastName: '', email: '', phone: '' },
  lines: [EMPTY_LINE],
  fulfilment: {
    type: 'pickup',
    locationCode: '',
    address: { name: '', line1: '', line2: '', postalCode: '', city: '', country: HOME_COUNTRY },
  },
  shippingFee: '0',
};

/** The order just created, as the confirmation shows it. */
export type CreatedOrder = { id: string; number: string; totalCents: number; currency: string };

/** The confirmation's code, fetched as the order goes out: it shows only after one. */
export const loadOrderCreated = () => import('./order-created');

/** Euros as typed ("4,90", "4.9", "5") → cents; NaN when it is not an amount, which the schema refuses. */
export function eurosToCents(value: string): number {
  const v = value.trim().replace(/\s/g, '').replace(',', '.');
  if (!v) return 0;
  return /^\d+(\.\d{1,2})?$/.test(v) ? Math.round(Number(v) * 100) : Number.NaN;
}

/**
 * The request the action takes, from the form: blank item rows left out (`rows[i]` is the form
 * row of request line i), only the chosen fulfilment, the fee in cents. Text goes as typed: the
 * schema trims, and decides what is missing or wrong.
 */
function toRequest(values: PhoneOrderValues, idempotencyKey: string): { request: PhoneOrderRequest; rows: number[] } {
  const rows = values.lines.flatMap((line, i) => (line.sku.trim() ? [i] : []));
  const { type, locationCode, address } = values.fulfilment;
  const request: PhoneOrderRequest = {
    idempotencyKey,
    customer: values.customer,
    lines: rows.map((i) => ({ sku: values.lines[i].sku, quantity: values.lines[i].quantity })),
    fulfilment:
      type === 'pickup'
        ? { type, locationCode }
        : {
            type,
            address: { ...address, name: address.name.trim() || undefined, line2: address.line2.trim() || undefined },
          },
    shippingCents: type === 'ship' ? eurosToCents(values.shippingFee) : 0,
  };
  return { request, rows };
}

/** A request path ('lines.0.sku', 'shippingCents') → the form field it is about. */
function formPath(path: string, rows: number[]): string {
  if (path === 'shippingCents') return 'shippingFee';
  if (path === 'lines') return 'lines.root';
  const line = /^lines\.(\d+)\.(.+)$/.exec(path);
  return line ? `lines.${rows[Number(line[1])] ?? 0}.${line[2]}` : path;
}

// libphonenumber's metadata makes the schema heavy: it loads after the page, not with it. If it
// cannot load, the form sends what it has and the action (same schema) answers on the fields.
let requestSchema: Promise<typeof ZPhoneOrderRequest | null> | null = null;
function loadRequestSchema() {
  requestSchema ??= import('@/lib/orders/phone-order-request').then(
    (m) => m.ZPhoneOrderRequest,
    () => {
      requestSchema = null;
      return null;
    },
  );
  return requestSchema;
}

/**
 * Everything the phone order form does, apart from how it looks: the values (react-hook-form),
 * validation in the browser with the action's own schema (ZPhoneOrderRequest), the SKU lookups
 * and totals, the submit and its confirmation — one idempotency key per order taken, so a double
 * submit or a retry after a lost answer creates one order; the server's field errors land on their
 * fields. Everything is state of this hook: the action's revalidation re-renders the page, and
 * nothing here depends on what the server renders, so the confirmation survives it.
 */
export function usePhoneOrderForm() {
  const { t } = useI18n();
  // Made in the browser (the server's render would hand a new one to every re-render).
  const [key, setKey] = useState(randomUuid);
  const [pending, startTransition] = useTransition();
  /** SKUs the last refusal said were short. */
  const [shortSkus, setShortSkus] = useState<string[]>([]);
  const [created, setCreated] = useState<CreatedOrder | null>(null);
  /** Set by "Take another order": the first name takes the focus once the form is back. */
  const restarted = useRef(false);

  useEffect(() => void loadRequestSchema(), []);

  const resolver: Resolver<PhoneOrderValues, unknown, PhoneOrderRequest> = async (values) => {
    const { request, rows } = toRequest(values, key);
    const schema = await loadRequestSchema();
    const parsed = schema?.safeParse(request);
    if (!parsed || parsed.success) return { values: request, errors: {} };
    const errors: FieldErrors<PhoneOrderValues> = {};
    for (const [path, [message]] of Object.entries(fieldErrorsOf(parsed.error)))
      set(errors, formPath(path, rows), { type: 'validation', message });
    return { values: {}, errors };
  };

  const form = useForm<PhoneOrderValues, unknown, PhoneOrderRequest>({ resolver, defaultValues: EMPTY_ORDER });
  const lineArray = useFieldArray({ control: form.control, name: 'lines' });
  const lines = useWatch({ control: form.control, name: 'lines' });
  const fulfilment = useWatch({ control: form.control, name: 'fulfilment' });
  const shippingFee = useWatch({ control: form.control, name: 'shippingFee' });

  const lookups = useQueries({
    queries: lines.map((l) => ({
      queryKey: ['backoffice-sku', l.code.toUpperCase()],
      queryFn: () => lookupCode(l.code),
      enabled: l.code.trim().length > 0,
      retry: false,
      staleTime: 10_000,
    })),
  });

  const fee = fulfilment.type === 'ship' ? eurosToCents(shippingFee) : 0;
  const shippingCents = Number.isNaN(fee) ? 0 : fee;
  const subtotalCents = lines.reduce((sum, l, i) => {
    const info = lookups[i]?.data;
    const q = Number.parseInt(l.quantity, 10);
    return info && q > 0 ? sum + info.priceCents * q : sum;
  }, 0);

  useEffect(() => {
    if (!restarted.current || created) return;
    restarted.current = false;
    form.setFocus('customer.firstName');
  }, [created, form]);

  function send(request: PhoneOrderRequest) {
    setShortSkus([]);
    void loadOrderCreated();
    startTransition(async () => {
      const result = await createPhoneOrderAction(request);
      if (result.ok) {
        const { order, totalCents, currency } = result.data;
        setCreated({ id: order.id, number: order.number, totalCents, currency });
        return;
      }
      const { rows } = toRequest(form.getValues(), key);
      // Everything typed stays in place; a field error sits on its field, anything else is a toast.
      if (setServerErrors(form.setError, result.fieldErrors, (path) => formPath(path, rows))) return;
      setShortSkus(skusOf(result));
      toast.error(actionErrorMessage(t, result));
    });
  }

  /** A new order: empty form, a new idempotency key, the focus on the first name. */
  function takeAnother() {
    form.reset(EMPTY_ORDER);
    setKey(randomUuid());
    setShortSkus([]);
    setCreated(null);
    restarted.current = true;
  }

  return {
    form,
    lineArray,
    lookups,
    shortSkus,
    totals: { subtotalCents, shippingCents, totalCents: subtotalCents + shippingCents },
    pending,
    created,
    takeAnother,
    onSubmit: (event: FormEvent<HTMLFormElement>) => void form.handleSubmit(send)(event),
  };
}

/** The schema's field error codes (lib/orders/schemas.ts), in the user's language. */
const FIELD_MESSAGES = {
  required: 'orders.new.required',
  too_long: 'orders.new.tooLong',
  email_invalid: 'orders.new.emailInvalid',
  phone_invalid: 'orders.new.phoneInvalid',
  contact_required: 'orders.new.emailOrPhone',
  quantity_invalid: 'orders.new.quantityInvalid',
  amount_invalid: 'orders.new.amountInvalid',
  country_invalid: 'orders.new.countryInvalid',
  store_required: 'orders.new.storeRequired',
  no_lines: 'orders.new.noLines',
  too_many_lines: 'orders.new.tooManyLines',
  invalid: 'orders.new.fieldInvalid',
} as const satisfies Record<PhoneOrderFieldError, MessageKey>;

/** What to say under a field, or null: the same words whether the browser or the server found it. */
export function fieldErrorText(t: Translate, errors: FieldErrors<PhoneOrderValues>, path: string): string | null {
  const message = get<typeof errors, { message?: string } | undefined>(errors, path)?.message;
  if (message === undefined) return null;
  return t(FIELD_MESSAGES[message as PhoneOrderFieldError] ?? 'orders.new.fieldInvalid');
}
