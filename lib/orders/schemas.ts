import { z } from 'zod';
import {
  FULFILMENT_TYPES,
  normalizeOrderTag,
  ORDER_BULK_MAX,
  ORDER_STATUSES,
  ORDER_TAG_MAX,
  ORDER_VIEWS,
} from './constants';
import { isCalendarDate } from '@/lib/dates';
import { isCountryCode } from '@/lib/i18n/countries';

const cents = z.number().int().min(0).max(1_000_000_000);

export const ZShippingAddress = z.object({
  name: z.string().trim().max(200).optional(),
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).optional(),
  postalCode: z.string().trim().min(1).max(20),
  city: z.string().trim().min(1).max(100),
  country: z.string().trim().length(2).toUpperCase(),
});

/** Earliest and latest an order may say it was placed: no shop sold before 2000, and clocks drift by less than a day. */
export const PLACED_AT_MIN = Date.UTC(2000, 0, 1);
export const PLACED_AT_MAX_AHEAD_MS = 86_400_000;

/**
 * An order's time: ISO 8601 with an offset, on a day that exists (not 2023-02-29), from 2000 to
 * a day ahead of now; anything else is refused here rather than by the database.
 */
const ZPlacedAt = z.iso
  .datetime({ offset: true })
  .refine((v) => isCalendarDate(v.slice(0, 10)), { message: 'Not a real date.' })
  .refine(
    (v) => {
      const t = Date.parse(v);
      return t >= PLACED_AT_MIN && t <= Date.now() + PLACED_AT_MAX_AHEAD_MS;
    },
    { message: 'Must be between 2000-01-01 and a day from now.' },
  );

/** The channel order contract (v1): fields may be added later, never renamed. */
export const ZIngestOrderInput = z
  .object({
    externalId: z.string().trim().min(1).max(100),
    placedAt: ZPlacedAt,
    currency: z.string().regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as EUR'),
    customer: z
      .object({
        email: z.email().max(254).optional(),
        phone: z.string().trim().max(40).optional(),
        firstName: z.string().trim().max(100).optional(),
        lastName: z.string().trim().max(100).optional(),
        buyerId: z.string().trim().max(100).optional(),
      })
      .optional(),
    lines: z
      .array(
        z.object({
          sku: z.string().trim().min(1).max(64),
          quantity: z.number().int().min(1).max(10_000),
          unitPriceCents: cents,
        }),
      )
      .min(1)
      .max(200),
    fulfilment: z.discriminatedUnion('type', [
      z.object({ type: z.literal('ship'), address: ZShippingAddress }),
      z.object({ type: z.literal('pickup'), locationCode: z.string().trim().min(1).max(20) }),
      z.object({ type: z.literal('in_store'), locationCode: z.string().trim().min(1).max(20) }),
    ]),
    totals: z.object({
      subtotalCents: cents,
      discountCents: cents.default(0),
      shippingCents: cents.default(0),
      taxCents: cents.default(0),
      totalCents: cents,
    }),
  })
  .superRefine((o, ctx) => {
    const lines = o.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
    if (lines !== o.totals.subtotalCents) {
      ctx.addIssue({
        code: 'custom',
        path: ['totals', 'subtotalCents'],
        message: `Must equal the sum of the lines (${lines}).`,
      });
    }
    // Prices include tax (French TTC) unless the channel adds tax on top: both add up.
    const total = o.totals.subtotalCents - o.totals.discountCents + o.totals.shippingCents;
    if (o.totals.totalCents !== total && o.totals.totalCents !== total + o.totals.taxCents) {
      ctx.addIssue({
        code: 'custom',
        path: ['totals', 'totalCents'],
        message: `Must equal subtotal − discount + shipping (${total}), plus tax when prices exclude it.`,
      });
    }
  });
export type IngestOrderInput = z.infer<typeof ZIngestOrderInput>;

// The database's enums (they cannot name what the column cannot hold), for the server code that imports them from here;
// browser code takes them from ./constants, without zod.
export { FULFILMENT_TYPES, ORDER_STATUSES };

const optionalText = z.string().trim().max(100).optional().catch(undefined);
/** A day that exists (2024-13-45 and 2023-02-29 do not): anything else is no filter. */
const optionalDate = z.string().refine(isCalendarDate).optional().catch(undefined);

/** The /orders view, from the URL: bad values fall back to "no filter" instead of failing. */
export const ZOrderListQuery = z.object({
  channel: optionalText,
  status: z.enum(ORDER_STATUSES).optional().catch(undefined),
  fulfilment: z.enum(FULFILMENT_TYPES).optional().catch(undefined),
  location: z.uuid().optional().catch(undefined),
  customer: z.uuid().optional().catch(undefined),
  from: optionalDate,
  to: optionalDate,
  q: optionalText,
  /** A saved view (tab): what needs doing next. */
  view: z.enum(ORDER_VIEWS).optional().catch(undefined),
  /** Orders holding this tag. */
  tag: z.string().transform(normalizeOrderTag).pipe(z.string().min(1).max(ORDER_TAG_MAX)).optional().catch(undefined),
  dir: z.enum(['desc', 'asc']).default('desc').catch('desc'),
  /** Opaque keyset cursor: the last row of the previous page. */
  after: z.string().max(200).optional().catch(undefined),
});
export type OrderListQuery = z.infer<typeof ZOrderListQuery>;

export const ZOrderIdInput = z.object({ orderId: z.uuid() });
export const ZShipOrderInput = ZOrderIdInput.extend({
  carrier: z.string().trim().max(50).optional(),
  tracking: z.string().trim().max(100).optional(),
});
export const ZCancelOrderInput = ZOrderIdInput.extend({ reason: z.string().trim().min(3).max(500) });
/**
 * A checkbox or hidden field's boolean: true/false, or the strings a form sends ('true', 'on',
 * '1' / 'false', '0', 'off'); an unchecked box sends nothing. z.coerce.boolean() read 'false' as true.
 */
const formBoolean = z.union([
  z.boolean(),
  z.enum(['true', 'on', '1', 'false', 'off', '0']).transform((v) => v === 'true' || v === 'on' || v === '1'),
]);

export const ZReturnOrderInput = ZOrderIdInput.extend({
  locationId: z.uuid(),
  reason: z.string().trim().min(3).max(500),
  lines: z
    .array(
      z.object({
        lineId: z.uuid(),
        quantity: z.coerce.number().int().min(1).max(10_000),
        restock: formBoolean.default(false),
      }),
    )
    .min(1)
    .max(200),
});

/**
 * Field error codes of the phone order: every issue ZPhoneOrderInput (and ZPhoneOrderRequest) can
 * raise is one of these, and the form says each in the user's language (schemas.test.ts proves it).
 */
export const PHONE_ORDER_FIELD_ERRORS = [
  'required',
  'too_long',
  'email_invalid',
  'phone_invalid',
  'contact_required',
  'quantity_invalid',
  'amount_invalid',
  'country_invalid',
  'store_required',
  'no_lines',
  'too_many_lines',
  /** What the form never sends wrong (the idempotency key, the fulfilment type): a client out of step. */
  'invalid',
] as const;
export type PhoneOrderFieldError = (typeof PHONE_ORDER_FIELD_ERRORS)[number];

/** Most items one phone order takes, and most units of one item. */
export const PHONE_ORDER_MAX_LINES = 50;
export const PHONE_ORDER_MAX_QUANTITY = 1000;

const requiredText = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'too_long' });
const optionalPhoneText = (max: number) =>
  z.string({ error: 'invalid' }).trim().max(max, { error: 'too_long' }).optional();
const requiredName = requiredText(100);

/** A delivery address as the agent types it: ZShippingAddress's rules, each with a code the form says, and a country that exists. */
const ZPhoneShippingAddress = z.object(
  {
    name: optionalPhoneText(200),
    line1: requiredText(200),
    line2: optionalPhoneText(200),
    postalCode: requiredText(20),
    city: requiredText(100),
    country: z
      .string({ error: 'country_invalid' })
      .trim()
      .toUpperCase()
      .refine(isCountryCode, { error: 'country_invalid' }),
  },
  { error: 'invalid' },
);
/**
 * A whole number in a range, from a number or the text of a field. One refinement rather than
 * .int(): zod's type and format issues abort the parse, and the phone's check (ZPhoneOrderRequest)
 * would then wait for the quantity to be fixed before saying anything.
 */
const wholeNumber = (min: number, max: number, error: PhoneOrderFieldError) =>
  z.coerce
    .number()
    .catch(Number.NaN)
    .refine((n) => Number.isInteger(n) && n >= min && n <= max, { error });
/** Blank is "not given"; anything else must be the thing it claims to be. */
const optionalContact = (error: PhoneOrderFieldError, max: number, valid: (v: string) => boolean = () => true) =>
  z
    .string({ error })
    .trim()
    .max(max, { error })
    .refine((v) => v === '' || valid(v), { error })
    .transform((v) => v || undefined)
    .optional();

/**
 * An agent's phone order: the same contract as a channel's, with an idempotency key from the
 * form. The customer is named and reachable (an email or a phone), or the order is refused on
 * the field that is wrong — never quietly taken as a nameless guest order. Whether the phone is
 * a phone number is checked by ZPhoneOrderRequest (lib/orders/phone-order-request.ts), so
 * libphonenumber's metadata stays out of what imports this file.
 */
export const ZPhoneOrderInput = z.object(
  {
    idempotencyKey: z.uuid({ error: 'invalid' }),
    customer: z
      .object(
        {
          email: optionalContact('email_invalid', 254, (v) => z.email().safeParse(v).success),
          phone: optionalContact('phone_invalid', 40),
          firstName: requiredName,
          lastName: requiredName,
        },
        { error: 'invalid' },
      )
      .superRefine((c, ctx) => {
        if (c.email || c.phone) return;
        for (const path of ['email', 'phone'])
          ctx.addIssue({ code: 'custom', path: [path], message: 'contact_required' });
      }),
    lines: z
      .array(
        z.object(
          { sku: requiredText(64), quantity: wholeNumber(1, PHONE_ORDER_MAX_QUANTITY, 'quantity_invalid') },
          { error: 'invalid' },
        ),
        { error: 'no_lines' },
      )
      .min(1, { error: 'no_lines' })
      .max(PHONE_ORDER_MAX_LINES, { error: 'too_many_lines' }),
    fulfilment: z.discriminatedUnion(
      'type',
      [
        z.object({ type: z.literal('ship'), address: ZPhoneShippingAddress }),
        z.object({
          type: z.literal('pickup'),
          locationCode: z
            .string({ error: 'store_required' })
            .trim()
            .min(1, { error: 'store_required' })
            .max(20, { error: 'store_required' }),
        }),
      ],
      { error: 'invalid' },
    ),
    // Cents: the form turns the euros typed into cents, NaN when they are not an amount.
    shippingCents: wholeNumber(0, 100_000, 'amount_invalid').default(0),
  },
  { error: 'invalid' },
);
export type PhoneOrderInput = z.infer<typeof ZPhoneOrderInput>;

/** A note's text: what the form, the action and the use case accept. */
const ZOrderNoteBody = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(2000, { error: 'too_long' });
export const ZAddOrderNoteInput = ZOrderIdInput.extend({ body: ZOrderNoteBody });
export type AddOrderNoteInput = z.input<typeof ZAddOrderNoteInput>;
export const ZEditOrderNoteInput = z.object({ noteId: z.uuid(), body: ZOrderNoteBody });
export type EditOrderNoteInput = z.input<typeof ZEditOrderNoteInput>;

/** A tag as typed ("Gift wrap "), stored normalised ("gift wrap"). */
export const ZOrderTag = z
  .string({ error: 'required' })
  .transform(normalizeOrderTag)
  .pipe(z.string().min(1, { error: 'required' }).max(ORDER_TAG_MAX, { error: 'too_long' }));
export const ZOrderTagInput = ZOrderIdInput.extend({ tag: ZOrderTag });
export type OrderTagInput = z.input<typeof ZOrderTagInput>;

/** The rows chosen on the list for a bulk action: at most a page of them. */
export const ZOrderIdsInput = z.object({ orderIds: z.array(z.uuid()).min(1).max(ORDER_BULK_MAX) });
