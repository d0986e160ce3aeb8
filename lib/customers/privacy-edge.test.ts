import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useDatabaseInThisProcess, type DbHandle } from '@/db/client';
import { channels, customers, orders } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { signIn } from '@/lib/testing/session';

// The session is Auth.js's cookie, which a test has not got: the signed-in staff member is set here.
vi.mock('@/lib/next/session', () => import('@/lib/testing/session'));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
const { GET } = await import('@/app/(backoffice)/customers/[id]/export/route');
const { eraseCustomerAction } = await import('@/lib/next/actions/customer-privacy');

let handle: DbHandle;
let w: InventoryWorld;
let customerId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabaseInThisProcess(handle);
  w = await makeInventoryWorld(handle.db, { stock: 50 });
  const [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web' }).returning();
  const { order } = await ingestOrder(
    handle.db,
    web,
    ZIngestOrderInput.parse({
      externalId: 'W-1',
      placedAt: new Date().toISOString(),
      currency: 'EUR',
      customer: { email: 'nina.roux@example.fr', firstName: 'Nina', lastName: 'Roux' },
      lines: [{ sku: 'PULL-M', quantity: 1, unitPriceCents: 4200 }],
      fulfilment: { type: 'pickup', locationCode: 'PAR' },
      totals: { subtotalCents: 4200, totalCents: 4200 },
    }),
  );
  customerId = (await handle.db.select().from(orders).where(eq(orders.id, order.id)))[0].customerId!;
});
afterAll(() => handle?.close());

function exportOf(id: string) {
  return GET(new Request(`http://localhost/customers/${id}/export`), { params: Promise.resolve({ id }) });
}

describe('GET /customers/[id]/export', () => {
  it('sends an agent the JSON as an attachment named with the id and the date', async () => {
    signIn(w.agent);
    const response = await exportOf(customerId);
    expect(response.status).toBe(200);
    const date = new Date().toISOString().slice(0, 10);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="customer-${customerId}-${date}.json"`,
    );
    const body = await response.json();
    expect(body.customer.email).toBe('nina.roux@example.fr');
    expect(body.orders[0].totalCents).toBe(4200);
  });

  it('refuses a manager (even of the store) and a signed-out caller, and answers 404 for an unknown id', async () => {
    signIn(w.manager);
    expect((await exportOf(customerId)).status).toBe(403);
    signIn(null);
    expect((await exportOf(customerId)).status).toBe(403);
    signIn(w.owner);
    expect((await exportOf('not-a-uuid')).status).toBe(404);
  });
});

describe('eraseCustomerAction', () => {
  it('refuses an agent and a manager, a wrong confirmation and a malformed input, then erases for the owner', async () => {
    for (const actor of [w.agent, w.manager]) {
      signIn(actor);
      expect(await eraseCustomerAction({ customerId, confirmation: 'ERASE' })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    }
    signIn(w.owner);
    expect(await eraseCustomerAction({ customerId, confirmation: 'ERASER' })).toMatchObject({
      ok: false,
      code: 'validation_failed',
      details: { fields: { confirmation: ['mismatch'] } },
    });
    expect(await eraseCustomerAction({ customerId: 'x', confirmation: '' })).toMatchObject({
      ok: false,
      code: 'validation_failed',
      fieldErrors: { customerId: ['invalid_customer'], confirmation: ['required'] },
    });
    expect((await handle.db.select().from(customers).where(eq(customers.id, customerId)))[0].email).toBe(
      'nina.roux@example.fr',
    );
    const done = await eraseCustomerAction({ customerId, confirmation: 'nina.roux@example.fr' });
    expect(done).toMatchObject({ ok: true, data: { customerId, alreadyErased: false } });
    expect((await handle.db.select().from(customers).where(eq(customers.id, customerId)))[0]).toMatchObject({
      firstName: '',
      email: null,
    });
  });
});
