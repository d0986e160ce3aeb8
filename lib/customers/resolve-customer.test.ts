import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels, customerDuplicates, customerIdentities, customers, orders } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ingestOrderReference } from '@/lib/orders/ingest-order.reference';
import { ZIngestOrderInput, type IngestOrderInput } from '@/lib/orders/schemas';
import { makeInventoryWorld } from '@/lib/testing/fixtures';

/**
 * Identity resolution, case by case, through both ingestions (the one statement and its readable
 * reference): buyer id, then email; a phone alone only without an email; a known phone with
 * another email is a new customer and a suggested duplicate, never someone else's order.
 */
describe.each([
  ['ingestOrder', ingestOrder],
  ['ingestOrderReference', ingestOrderReference],
] as const)('%s resolves customers', (_, ingest) => {
  let handle: DbHandle;
  let n = 0;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await makeInventoryWorld(handle.db);
    await handle.db.insert(channels).values([
      { code: 'web', name: 'Web', kind: 'web', allowBackorders: true },
      { code: 'amazon', name: 'Amazon', kind: 'marketplace', allowBackorders: true },
    ]);
  });
  afterAll(() => handle.close());

  async function place(channel: string, customer: IngestOrderInput['customer']) {
    n += 1;
    const input = ZIngestOrderInput.parse({
      externalId: `R-${n}`,
      placedAt: '2026-11-20T10:00:00Z',
      currency: 'EUR',
      customer,
      lines: [{ sku: 'PULL-S', quantity: 1, unitPriceCents: 1000 }],
      fulfilment: { type: 'ship', address: { line1: '1 rue X', postalCode: '75002', city: 'Paris', country: 'FR' } },
      totals: { subtotalCents: 1000, totalCents: 1000 },
    });
    const r = await ingest(handle.db, { code: channel }, input);
    const [o] = await handle.db.select({ customerId: orders.customerId }).from(orders).where(eq(orders.id, r.order.id));
    return o.customerId!;
  }
  const customer = async (id: string) => (await handle.db.select().from(customers).where(eq(customers.id, id)))[0];
  const identities = async (id: string) =>
    (await handle.db.select().from(customerIdentities).where(eq(customerIdentities.customerId, id)))
      .map((i) => `${i.kind}:${i.value}`)
      .sort();
  const suggestion = async (a: string, b: string) =>
    (
      await handle.db
        .select({
          score: customerDuplicates.score,
          reasons: customerDuplicates.reasons,
          status: customerDuplicates.status,
        })
        .from(customerDuplicates)
        .where(
          sql`${customerDuplicates.customerId} = least(${a}::uuid, ${b}::uuid) and ${customerDuplicates.otherCustomerId} = greatest(${a}::uuid, ${b}::uuid)`,
        )
    )[0];
  const suggestionCount = async () =>
    (await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from customer_duplicates`)).rows[0].n;

  it('a known phone with a new email: a new customer, the old profile untouched, a suggestion saying phone', async () => {
    const claire = await place('web', { email: 'claire@example.fr', phone: '06 11 11 11 11', firstName: 'Claire' });
    const other = await place('web', {
      email: 'Claire.New@Example.fr',
      phone: '+33 6 11 11 11 11',
      firstName: 'Claire',
    });
    expect(other).not.toBe(claire);
    expect(await customer(claire)).toMatchObject({ email: 'claire@example.fr', orderCount: 1 });
    expect(await customer(other)).toMatchObject({
      email: 'claire.new@example.fr',
      phone: '+33611111111',
      orderCount: 1,
    });
    // The phone stays the first customer's identity.
    expect(await identities(claire)).toEqual(['email:claire@example.fr', 'phone:+33611111111']);
    expect(await identities(other)).toEqual(['email:claire.new@example.fr']);
    expect(await suggestion(claire, other)).toEqual({ score: 70, reasons: ['phone'], status: 'open' });

    // Her next order with the new email lands on the new customer, the suggestion kept once.
    expect(await place('web', { email: 'claire.new@example.fr', phone: '0611111111' })).toBe(other);
    expect(await suggestion(claire, other)).toEqual({ score: 70, reasons: ['phone'], status: 'open' });
  });

  it('a phone alone attaches to the customer who has it, without a suggestion', async () => {
    const paul = await place('web', { email: 'paul@example.fr', phone: '06 22 22 22 22' });
    const before = await suggestionCount();
    expect(await place('web', { phone: '06 22 22 22 22', firstName: 'Paul' })).toBe(paul);
    expect(await customer(paul)).toMatchObject({ email: 'paul@example.fr', firstName: 'Paul', orderCount: 2 });
    expect(await suggestionCount()).toBe(before);
  });

  it('the email decides over a phone owned by someone else, and suggests the pair', async () => {
    const anne = await place('web', { email: 'anne@example.fr', phone: '06 33 33 33 33' });
    const bob = await place('web', { email: 'bob@example.fr', phone: '06 44 44 44 44' });
    expect(await place('web', { email: 'anne@example.fr', phone: '06 44 44 44 44' })).toBe(anne);
    expect(await identities(anne)).toEqual(['email:anne@example.fr', 'phone:+33633333333']);
    expect(await suggestion(anne, bob)).toEqual({ score: 70, reasons: ['phone'], status: 'open' });
  });

  it("a channel's buyer id decides over an email owned by someone else; both reasons add up", async () => {
    const eve = await place('amazon', { buyerId: 'AMZ-1', email: 'eve@example.fr' });
    const zoe = await place('web', { email: 'zoe@example.fr', phone: '06 55 55 55 55' });
    expect(await place('amazon', { buyerId: 'AMZ-1', email: 'zoe@example.fr', phone: '06 55 55 55 55' })).toBe(eve);
    expect(await customer(eve)).toMatchObject({ email: 'eve@example.fr', phone: '+33655555555' });
    expect(await suggestion(eve, zoe)).toEqual({ score: 100, reasons: ['email', 'phone'], status: 'open' });
  });

  it('an unknown buyer id with a known email matches by email and records the buyer id', async () => {
    const ida = await place('web', { email: 'ida@example.fr' });
    expect(await place('amazon', { buyerId: 'AMZ-9', email: 'IDA@example.fr' })).toBe(ida);
    expect(await identities(ida)).toEqual(['buyer_id:AMZ-9', 'email:ida@example.fr']);
  });

  it('a dismissed suggestion stays dismissed when the conflict comes again', async () => {
    const max = await place('web', { email: 'max@example.fr', phone: '06 66 66 66 66' });
    const other = await place('web', { email: 'max2@example.fr', phone: '06 66 66 66 66' });
    await handle.db
      .update(customerDuplicates)
      .set({ status: 'dismissed' })
      .where(sql`${customerDuplicates.customerId} = least(${max}::uuid, ${other}::uuid)`);
    expect(await place('web', { email: 'max2@example.fr', phone: '06 66 66 66 66' })).toBe(other);
    expect(await place('amazon', { buyerId: 'AMZ-M', email: 'max2@example.fr', phone: '06 66 66 66 66' })).toBe(other);
    expect(await suggestion(max, other)).toMatchObject({ reasons: ['phone'], status: 'dismissed' });
  });
});
