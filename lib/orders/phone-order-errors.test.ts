import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/http/field-errors';
import { ZPhoneOrderRequest } from './phone-order-request';
import { PHONE_ORDER_FIELD_ERRORS } from './schemas';

const valid = () => ({
  idempotencyKey: '0b6c1f8e-3d2a-4c5b-9e7f-1a2b3c4d5e6f',
  customer: { firstName: 'Jeanne', lastName: 'Leroy', email: '', phone: '06 12 34 56 78' },
  lines: [{ sku: 'PULL-M', quantity: '1' }],
  fulfilment: {
    type: 'ship',
    address: { name: '', line1: '3 rue des Essais', line2: '', postalCode: '75011', city: 'Paris', country: 'FR' },
  },
  shippingCents: 490,
});
type Form = ReturnType<typeof valid>;

/** The field errors of a form changed by `change`: path → codes. */
function errors(change: (f: Form) => unknown): Record<string, string[]> {
  const f = valid();
  const changed = (change(f) ?? f) as unknown;
  const parsed = ZPhoneOrderRequest.safeParse(changed);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

describe('the phone order’s errors', () => {
  it('name each wrong field with a code the form says in English and French', () => {
    expect(errors(() => undefined)).toEqual({});
    const cases: [(f: Form) => unknown, Record<string, string[]>][] = [
      [(f) => void (f.lines[0].quantity = '0'), { 'lines.0.quantity': ['quantity_invalid'] }],
      [(f) => void (f.lines[0].quantity = '1.5'), { 'lines.0.quantity': ['quantity_invalid'] }],
      [(f) => void (f.lines[0].quantity = 'deux'), { 'lines.0.quantity': ['quantity_invalid'] }],
      [(f) => void (f.lines[0].quantity = '1001'), { 'lines.0.quantity': ['quantity_invalid'] }],
      [(f) => void (f.lines[0].sku = 'X'.repeat(65)), { 'lines.0.sku': ['too_long'] }],
      [(f) => void (f.lines = []), { lines: ['no_lines'] }],
      [(f) => void (f.lines = Array.from({ length: 51 }, () => f.lines[0])), { lines: ['too_many_lines'] }],
      [(f) => void (f.shippingCents = Number.NaN), { shippingCents: ['amount_invalid'] }],
      [(f) => void (f.shippingCents = -1), { shippingCents: ['amount_invalid'] }],
      [(f) => void (f.shippingCents = 100_001), { shippingCents: ['amount_invalid'] }],
      [(f) => void (f.fulfilment.address.country = 'XX'), { 'fulfilment.address.country': ['country_invalid'] }],
      [(f) => void (f.fulfilment.address.country = ''), { 'fulfilment.address.country': ['country_invalid'] }],
      [(f) => void (f.fulfilment.address.line1 = ' '), { 'fulfilment.address.line1': ['required'] }],
      [(f) => void (f.fulfilment.address.city = 'x'.repeat(101)), { 'fulfilment.address.city': ['too_long'] }],
      [(f) => void (f.fulfilment.address.line2 = 'x'.repeat(201)), { 'fulfilment.address.line2': ['too_long'] }],
      [
        (f) => ({ ...f, fulfilment: { type: 'pickup', locationCode: '' } }),
        { 'fulfilment.locationCode': ['store_required'] },
      ],
      [(f) => ({ ...f, fulfilment: { type: 'teleport' } }), { 'fulfilment.type': ['invalid'] }],
      [(f) => void (f.customer.firstName = ''), { 'customer.firstName': ['required'] }],
      [(f) => void (f.customer.lastName = 'x'.repeat(101)), { 'customer.lastName': ['too_long'] }],
      [(f) => void (f.customer.phone = '12 34'), { 'customer.phone': ['phone_invalid'] }],
      [(f) => void (f.customer.email = 'jeanne@'), { 'customer.email': ['email_invalid'] }],
      [
        (f) => void (f.customer.phone = ''),
        { 'customer.email': ['contact_required'], 'customer.phone': ['contact_required'] },
      ],
      [(f) => void (f.idempotencyKey = 'again'), { idempotencyKey: ['invalid'] }],
      [
        () => ({}),
        { idempotencyKey: ['invalid'], customer: ['invalid'], lines: ['no_lines'], fulfilment: ['invalid'] },
      ],
    ];
    for (const [change, expected] of cases) expect(errors(change)).toEqual(expected);
  });

  it('never raise a message that is not one of the codes', () => {
    const codes: readonly string[] = PHONE_ORDER_FIELD_ERRORS;
    const wrong = [null, 0, 1.5, -3, '', ' ', 'x'.repeat(300), [], {}, Number.NaN, true];
    const paths: ((f: Form, v: unknown) => void)[] = [
      (f, v) => ((f as Record<string, unknown>).idempotencyKey = v),
      (f, v) => ((f as Record<string, unknown>).customer = v),
      (f, v) => ((f.customer as Record<string, unknown>).firstName = v),
      (f, v) => ((f.customer as Record<string, unknown>).email = v),
      (f, v) => ((f.customer as Record<string, unknown>).phone = v),
      (f, v) => ((f as Record<string, unknown>).lines = v),
      (f, v) => ((f.lines as unknown[])[0] = v),
      (f, v) => ((f.lines[0] as Record<string, unknown>).sku = v),
      (f, v) => ((f.lines[0] as Record<string, unknown>).quantity = v),
      (f, v) => ((f as Record<string, unknown>).fulfilment = v),
      (f, v) => ((f.fulfilment as Record<string, unknown>).address = v),
      (f, v) => ((f.fulfilment.address as Record<string, unknown>).postalCode = v),
      (f, v) => ((f.fulfilment.address as Record<string, unknown>).country = v),
      (f, v) => ((f as Record<string, unknown>).shippingCents = v),
    ];
    for (const set of paths)
      for (const v of wrong) {
        const messages = Object.values(errors((f) => void set(f, v))).flat();
        for (const m of messages) expect(codes, JSON.stringify(v)).toContain(m);
      }
  });
});

describe('the phone check', () => {
  it('is said along with the other fields’ mistakes', () => {
    expect(
      errors((f) => {
        f.customer.phone = '12 34';
        f.lines[0].quantity = '1.5';
      }),
    ).toEqual({ 'customer.phone': ['phone_invalid'], 'lines.0.quantity': ['quantity_invalid'] });
  });
});
