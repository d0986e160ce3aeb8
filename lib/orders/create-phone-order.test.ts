import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { DbHandle } from '@/db/client';
import { channels, customers, orders } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { fieldErrorsOf } from '@/lib/http/field-errors';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { createPhoneOrder } from './create-phone-order';
import { ZPhoneOrderRequest } from './phone-order-request';
import { findOrderDetail } from './queries';

let handle: DbHandle;
let w: InventoryWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db);
  await handle.db.insert(channels).values({ code: 'phone', name: 'Téléphone', kind: 'phone' });
});
afterAll(() => handle.close());

type Customer = { firstName: string; lastName: string; email: string; phone: string };
/** What the form sends: every field as typed (blank when left empty). */
const form = (customer: Partial<Customer>) => ({
  idempotencyKey: randomUUID(),
  customer: { firstName: 'Jeanne', lastName: 'Leroy', email: '', phone: '', ...customer },
  lines: [{ sku: 'PULL-M', quantity: 1 }],
  fulfilment: { type: 'pickup' as const, locationCode: 'PAR' },
});

const written = async () => ({
  orders: (await handle.db.select({ n: count() }).from(orders))[0].n,
  customers: (await handle.db.select({ n: count() }).from(customers))[0].n,
});

/** The field errors a refused phone order answers with, checking that nothing was written. */
async function refusal(customer: Partial<Customer>): Promise<Record<string, string[]>> {
  const before = await written();
  const error = await createPhoneOrder(handle.db, w.agent, form(customer)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZodError);
  expect(await written()).toEqual(before);
  const schema = ZPhoneOrderRequest.safeParse(form(customer));
  expect(schema.success).toBe(false);
  expect(fieldErrorsOf(schema.error!)).toEqual(fieldErrorsOf(error as ZodError));
  return fieldErrorsOf(error as ZodError);
}

describe('a phone order names a reachable customer, or is refused on the field that is wrong', () => {
  it('refuses a phone that is not a phone number when there is no email, instead of taking a nameless guest order', async () => {
    expect(await refusal({ phone: '12' })).toEqual({ 'customer.phone': ['phone_invalid'] });
    expect(await refusal({ phone: 'call after 6pm' })).toEqual({ 'customer.phone': ['phone_invalid'] });
  });

  it('refuses a wrong phone or email even when the other contact is good', async () => {
    expect(await refusal({ phone: '06 12', email: 'jeanne@example.fr' })).toEqual({
      'customer.phone': ['phone_invalid'],
    });
    expect(await refusal({ phone: '06 12 34 56 78', email: 'jeanne@' })).toEqual({
      'customer.email': ['email_invalid'],
    });
  });

  it('refuses a customer with no contact, on both contact fields', async () => {
    expect(await refusal({ phone: '  ', email: '' })).toEqual({
      'customer.email': ['contact_required'],
      'customer.phone': ['contact_required'],
    });
  });

  it('refuses a customer without a name, with every wrong field at once', async () => {
    expect(await refusal({ firstName: ' ', lastName: '', phone: '12' })).toEqual({
      'customer.firstName': ['required'],
      'customer.lastName': ['required'],
      'customer.phone': ['phone_invalid'],
    });
  });

  it('takes a valid phone alone: the customer is created with their name and the phone in E.164', async () => {
    const result = await createPhoneOrder(
      handle.db,
      w.agent,
      form({ firstName: 'Ana', lastName: 'Sousa', phone: '06 98 76 54 32' }),
    );
    expect(result.created).toBe(true);
    const detail = await findOrderDetail(handle.db, result.order.id);
    expect(detail).toMatchObject({ customerPhone: '+33698765432' });
    const [order] = await handle.db
      .select({ customerId: orders.customerId })
      .from(orders)
      .where(eq(orders.id, result.order.id));
    const [customer] = await handle.db.select().from(customers).where(eq(customers.id, order.customerId!));
    expect(customer).toMatchObject({ firstName: 'Ana', lastName: 'Sousa', phone: '+33698765432', email: null });
  });
});
