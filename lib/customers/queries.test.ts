import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels, customers } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { makeInventoryWorld } from '@/lib/testing/fixtures';
import { cancelOrder } from '@/lib/orders/cancel-order';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { findCustomerProfile } from './queries';

let handle: DbHandle;
let web: typeof channels.$inferSelect;
let amazon: typeof channels.$inferSelect;
let owner: Awaited<ReturnType<typeof makeInventoryWorld>>['owner'];

beforeAll(async () => {
  handle = await createTestDatabase();
  ({ owner } = await makeInventoryWorld(handle.db, { stock: 20 }));
  [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web shop', kind: 'web' }).returning();
  [amazon] = await handle.db
    .insert(channels)
    .values({ code: 'amazon', name: 'Amazon', kind: 'marketplace' })
    .returning();
});
afterAll(() => handle.close());

function order(externalId: string, placedAt: string, customer: Record<string, string>, cents = 5900) {
  return ZIngestOrderInput.parse({
    externalId,
    placedAt,
    currency: 'EUR',
    customer,
    lines: [{ sku: 'PULL-M', quantity: 1, unitPriceCents: cents }],
    fulfilment: { type: 'pickup', locationCode: 'PAR' },
    totals: { subtotalCents: cents, totalCents: cents },
  });
}

describe('findCustomerProfile', () => {
  it('returns null for an unknown customer', async () => {
    expect(await findCustomerProfile(handle.db, randomUUID())).toBeNull();
  });

  it('gathers identities, the order summary and the channels used across channels', async () => {
    const first = await ingestOrder(
      handle.db,
      web,
      order('W-1', '2026-11-01T10:00:00Z', {
        email: 'Zoe.Martin@example.fr',
        phone: '06 11 22 33 44',
        firstName: 'Zoé',
        lastName: 'Martin',
      }),
    );
    await ingestOrder(
      handle.db,
      amazon,
      order('A-1', '2026-11-05T09:00:00Z', { email: 'zoe.martin@example.fr', buyerId: 'AMZ-ZOE' }, 2500),
    );
    const [row] = await handle.db
      .select({ id: customers.id })
      .from(customers)
      .where(eq(customers.email, 'zoe.martin@example.fr'));

    const profile = await findCustomerProfile(handle.db, row.id);
    expect(profile).toMatchObject({
      firstName: 'Zoé',
      lastName: 'Martin',
      email: 'zoe.martin@example.fr',
      phone: '+33611223344',
      mergedIntoId: null,
      orderCount: 2,
      lifetimeValueCents: 8400,
    });
    expect(profile?.lastOrderAt?.toISOString()).toBe('2026-11-05T09:00:00.000Z');
    expect(profile?.identities.map((i) => [i.kind, i.scope, i.value])).toEqual([
      ['email', '', 'zoe.martin@example.fr'],
      ['phone', '', '+33611223344'],
      ['buyer_id', 'amazon', 'AMZ-ZOE'],
    ]);
    expect(profile?.channels).toEqual([
      { code: 'amazon', name: 'Amazon' },
      { code: 'web', name: 'Web shop' },
    ]);

    // A cancelled order leaves the lifetime value; it still counts as an order placed.
    await cancelOrder(handle.db, owner, { orderId: first.order.id, reason: 'changed her mind' });
    expect((await findCustomerProfile(handle.db, row.id))?.lifetimeValueCents).toBe(2500);
  });

  it('returns a merged profile with its survivor and nothing else', async () => {
    const [survivor] = await handle.db
      .insert(customers)
      .values({ firstName: 'Ana', lastName: 'Silva' })
      .returning({ id: customers.id });
    const [merged] = await handle.db
      .insert(customers)
      .values({ firstName: 'Anna', lastName: 'Silva', mergedIntoId: survivor.id, mergedAt: new Date() })
      .returning({ id: customers.id });
    expect(await findCustomerProfile(handle.db, merged.id)).toMatchObject({
      mergedIntoId: survivor.id,
      identities: [],
      channels: [],
    });
    expect(await findCustomerProfile(handle.db, survivor.id)).toMatchObject({
      mergedIntoId: null,
      orderCount: 0,
      lastOrderAt: null,
      channels: [],
    });
  });
});
