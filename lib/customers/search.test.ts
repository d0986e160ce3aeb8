import { eq, inArray, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels, customerNameWords, customers } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { makeInventoryWorld } from '@/lib/testing/fixtures';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { orderNumberFrom, phoneFrom, searchCustomers } from './search';

let handle: DbHandle;
let paris: string;
let lyon: string;
let web: typeof channels.$inferSelect;
let amazon: typeof channels.$inferSelect;
let lefevre: string;
let dubois: string;
let duboisOrder: string;

type Customer = { email?: string; phone?: string; firstName?: string; lastName?: string; buyerId?: string };

function order(externalId: string, placedAt: string, customer: Customer, store: 'PAR' | 'LYS' | 'ship' = 'PAR') {
  return ZIngestOrderInput.parse({
    externalId,
    placedAt,
    currency: 'EUR',
    customer,
    lines: [{ sku: 'PULL-M', quantity: 1, unitPriceCents: 4000 }],
    fulfilment:
      store === 'ship'
        ? { type: 'ship', address: { line1: '3 rue Mercière', postalCode: '69002', city: 'Lyon', country: 'FR' } }
        : { type: 'pickup', locationCode: store },
    totals: { subtotalCents: 4000, totalCents: 4000 },
  });
}

beforeAll(async () => {
  handle = await createTestDatabase();
  ({ paris, lyon } = await makeInventoryWorld(handle.db, { stock: 50 }));
  [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web shop', kind: 'web' }).returning();
  [amazon] = await handle.db
    .insert(channels)
    .values({ code: 'amazon', name: 'Amazon', kind: 'marketplace' })
    .returning();
  const a = await ingestOrder(
    handle.db,
    web,
    order('W-100', '2026-11-01T10:00:00Z', {
      email: 'claire.lefevre@example.fr',
      phone: '06 12 34 56 78',
      firstName: 'Claire',
      lastName: 'Lefèvre',
    }),
  );
  await ingestOrder(
    handle.db,
    amazon,
    order('402-7781', '2026-11-03T10:00:00Z', { email: 'claire.lefevre@example.fr', buyerId: 'AMZ-CL' }, 'ship'),
  );
  const b = await ingestOrder(
    handle.db,
    web,
    order(
      'W-101',
      '2026-11-02T10:00:00Z',
      { email: 'paul.dubois@example.com', firstName: 'Paul', lastName: 'Dubois' },
      'LYS',
    ),
  );
  // Someone who merely resembles: ranks after the exact identity.
  await ingestOrder(
    handle.db,
    web,
    order('W-102', '2026-11-02T11:00:00Z', {
      email: 'pauline.duval@example.com',
      firstName: 'Pauline',
      lastName: 'Duval',
    }),
  );
  const [ca] = await handle.db.select().from(customers).where(eq(customers.email, 'claire.lefevre@example.fr'));
  const [cb] = await handle.db.select().from(customers).where(eq(customers.email, 'paul.dubois@example.com'));
  lefevre = ca.id;
  dubois = cb.id;
  expect(a).toBeTruthy();
  duboisOrder = (b as { order?: { number: string } }).order?.number ?? '';
});
afterAll(() => handle.close());

describe('input parsing', () => {
  it('reads order numbers and phones in any format', () => {
    expect(orderNumberFrom('cmp-100123')).toBe('CMP-100123');
    expect(orderNumberFrom('100123')).toBe('CMP-100123');
    expect(orderNumberFrom('Dubois')).toBeNull();
    expect(phoneFrom('06 12 34 56 78')).toBe('+33612345678');
    expect(phoneFrom('+33 6 12 34 56 78')).toBe('+33612345678');
    expect(phoneFrom('0033 6 12 34 56 78')).toBe('+33612345678');
    expect(phoneFrom('06.12.34.56.78')).toBe('+33612345678');
    expect(phoneFrom('Lefevre')).toBeNull();
  });
});

describe('searchCustomers', () => {
  it('finds a name without its accent and a misspelled name', async () => {
    const [first] = await searchCustomers(handle.db, 'Lefevre');
    expect(first).toMatchObject({ id: lefevre, firstName: 'Claire', lastName: 'Lefèvre', reason: { kind: 'name' } });
    expect(first.exact).toBe(false);
    const typo = await searchCustomers(handle.db, 'Dubios');
    expect(typo[0]).toMatchObject({ id: dubois, reason: { kind: 'name' } });
    expect((await searchCustomers(handle.db, 'claire lefevre'))[0]?.id).toBe(lefevre);
  });

  it('wants every word of a full name to resemble the name, and reads no name in a scrap with a digit', async () => {
    // Each word matches, one of them misspelled: found.
    expect((await searchCustomers(handle.db, 'Paul Dubios')).map((r) => r.id)).toEqual([dubois]);
    // "Paul" alone would bring Pauline Duval (and every other Paul); with a surname unlike hers, not.
    const paul = await searchCustomers(handle.db, 'Paul');
    expect(paul.map((r) => `${r.firstName} ${r.lastName}`)).toContain('Pauline Duval');
    expect((await searchCustomers(handle.db, 'Paul Lefevre')).map((r) => r.id)).toEqual([]);
    // A scrap with a digit is matched as an e-mail or a reference, never as a name ("paul dubois"
    // resembles it, but no e-mail holds it).
    expect(await searchCustomers(handle.db, 'paul.dubois2')).toEqual([]);
  });

  it('answers a whole e-mail someone holds with that customer only, and part of one with every e-mail holding it', async () => {
    const [other] = await handle.db
      .insert(customers)
      .values({ firstName: 'Jean', lastName: 'Martin', email: 'xpaul.dubois@example.com' })
      .returning({ id: customers.id });
    expect((await searchCustomers(handle.db, 'paul.dubois@example.com')).map((r) => r.id)).toEqual([dubois]);
    const partial = await searchCustomers(handle.db, 'paul.dubois@example');
    expect(partial.map((r) => r.id).sort()).toEqual([dubois, other.id].sort());
    await handle.db.delete(customers).where(eq(customers.id, other.id));
  });

  it('finds a phone typed with spaces, in international form or with 0033', async () => {
    for (const q of ['06 12 34 56 78', '+33 6 12 34 56 78', '0033612345678']) {
      const results = await searchCustomers(handle.db, q);
      expect(results.map((r) => r.id)).toEqual([lefevre]);
      expect(results[0]).toMatchObject({ exact: true, reason: { kind: 'phone' } });
    }
  });

  it('finds a whole e-mail exactly and part of one', async () => {
    const exact = await searchCustomers(handle.db, 'Claire.Lefevre@Example.fr');
    expect(exact[0]).toMatchObject({ id: lefevre, exact: true, reason: { kind: 'email' } });
    const partial = await searchCustomers(handle.db, 'dubois@exa');
    expect(partial[0]).toMatchObject({ id: dubois, exact: false, reason: { kind: 'email_partial' } });
  });

  it('finds an order number, a channel’s external id and a marketplace buyer id, with the reason', async () => {
    expect(duboisOrder).toMatch(/^CMP-\d+$/);
    const byNumber = await searchCustomers(handle.db, duboisOrder.toLowerCase());
    expect(byNumber[0]).toMatchObject({ id: dubois, reason: { kind: 'order', number: duboisOrder } });
    const byExternal = await searchCustomers(handle.db, '402-7781');
    expect(byExternal[0]).toMatchObject({
      id: lefevre,
      reason: { kind: 'external_order', channel: 'amazon', externalId: '402-7781' },
    });
    const byBuyer = await searchCustomers(handle.db, 'AMZ-CL');
    expect(byBuyer[0]).toMatchObject({ id: lefevre, exact: true, reason: { kind: 'buyer_id', value: 'AMZ-CL' } });
  });

  it('still answers one- and two-character inputs for exact identities only', async () => {
    await ingestOrder(handle.db, web, order('7', '2026-11-04T10:00:00Z', { email: 'paul.dubois@example.com' }, 'LYS'));
    const results = await searchCustomers(handle.db, '7');
    expect(results.map((r) => r.id)).toEqual([dubois]);
    expect(results[0].reason).toEqual({ kind: 'external_order', channel: 'web', externalId: '7' });
    expect(await searchCustomers(handle.db, 'Du')).toEqual([]);
    expect(await searchCustomers(handle.db, '   ')).toEqual([]);
  });

  it('ranks an exact identity before names that merely resemble', async () => {
    const results = await searchCustomers(handle.db, 'paul.dubois@example.com');
    expect(results[0]).toMatchObject({ id: dubois, exact: true });
    const names = await searchCustomers(handle.db, 'Paul');
    expect(names.map((r) => r.id)).toContain(dubois);
    expect(names.every((r) => !r.exact)).toBe(true);
  });

  it('shows what an agent needs on each result: city, last order, channels', async () => {
    const [claire] = await searchCustomers(handle.db, 'AMZ-CL', { locale: 'fr' });
    expect(claire.email).toBe('claire.lefevre@example.fr');
    expect(claire.phone).toBe('+33612345678');
    expect(claire.city).toBe('Lyon');
    expect(claire.lastOrder?.number).toMatch(/^CMP-/);
    expect(claire.lastOrder?.placedAt.toISOString()).toBe('2026-11-03T10:00:00.000Z');
    expect(claire.channels).toEqual(['Amazon', 'Web shop']);
  });

  it('finds a customer created by an order a moment ago (no indexing delay)', async () => {
    await ingestOrder(
      handle.db,
      web,
      order('W-NEW', '2026-12-01T10:00:00Z', {
        email: 'ines.nouveau@example.fr',
        firstName: 'Inès',
        lastName: 'Nouveau',
      }),
    );
    expect((await searchCustomers(handle.db, 'ines nouveau'))[0]?.lastName).toBe('Nouveau');
  });

  it('keeps the vocabulary of name words with the names: a rename is found at once, a word nobody holds any more goes', async () => {
    const words = async () =>
      (
        await handle.db.execute<{ word: string }>(
          sql`SELECT word FROM customer_name_words WHERE word IN ('duval', 'duvallon', 'pauline') ORDER BY word`,
        )
      ).rows.map((r) => r.word);
    expect(await words()).toEqual(['duval', 'pauline']);
    await handle.db
      .update(customers)
      .set({ lastName: 'Duvallon' })
      .where(eq(customers.email, 'pauline.duval@example.com'));
    expect(await words()).toEqual(['duvallon', 'pauline']);
    expect((await searchCustomers(handle.db, 'Pauline Duvalon'))[0]?.lastName).toBe('Duvallon');
    // A word spelt right is found even when the vocabulary lacks it (a lost race between two writers).
    await handle.db.execute(sql`DELETE FROM customer_name_words WHERE word = 'duvallon'`);
    expect((await searchCustomers(handle.db, 'Pauline Duvallon'))[0]?.lastName).toBe('Duvallon');
    await handle.db
      .update(customers)
      .set({ lastName: 'Duval' })
      .where(eq(customers.email, 'pauline.duval@example.com'));
    expect(await words()).toEqual(['duval', 'pauline']);
  });

  it('limits a manager to customers who ordered at their stores', async () => {
    expect((await searchCustomers(handle.db, 'Dubois', { locationIds: [lyon] })).map((r) => r.id)).toEqual([dubois]);
    expect(await searchCustomers(handle.db, 'Dubois', { locationIds: [paris] })).not.toContainEqual(
      expect.objectContaining({ id: dubois }),
    );
    expect(await searchCustomers(handle.db, 'Dubois', { locationIds: [] })).toEqual([]);
  });

  it('caps the number of results', async () => {
    expect((await searchCustomers(handle.db, 'example', { limit: 2 })).length).toBe(2);
  });
});

describe('the vocabulary of name words, kept by statement (migration 0041)', () => {
  /** What the vocabulary lacks of the customers' words, and what it holds that no customer does. */
  async function drift() {
    const { rows } = await handle.db.execute<{ missing: string[]; extra: string[] }>(sql`
      WITH held AS (SELECT DISTINCT w AS word FROM customers, unnest(search_words(first_name || ' ' || last_name)) w)
      SELECT array(SELECT word FROM held EXCEPT SELECT word FROM customer_name_words ORDER BY 1) AS missing,
        array(SELECT word FROM customer_name_words EXCEPT SELECT word FROM held ORDER BY 1) AS extra`);
    return rows[0];
  }
  async function held(words: string[]) {
    const rows = await handle.db
      .select({ word: customerNameWords.word })
      .from(customerNameWords)
      .where(inArray(customerNameWords.word, words));
    return rows.map((r) => r.word).sort();
  }
  const exact = { missing: [], extra: [] };
  const numbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

  it('adds the words of several customers inserted in one statement, each once', async () => {
    expect(await drift()).toEqual(exact);
    await handle.db.insert(customers).values([
      { firstName: 'Isaure', lastName: 'Quillon' },
      { firstName: 'Isaure', lastName: 'Trémaine' },
      { firstName: 'Gaspard', lastName: 'Quillon-Trémaine' },
    ]);
    expect(await held(['gaspard', 'isaure', 'quillon', 'tremaine'])).toEqual([
      'gaspard',
      'isaure',
      'quillon',
      'tremaine',
    ]);
    expect(await drift()).toEqual(exact);
  });

  it('removes, after a bulk delete, exactly the words nobody else holds', async () => {
    await handle.db
      .insert(customers)
      .values([
        { firstName: 'Ondrea', lastName: 'Brisemoulin' },
        { firstName: 'Maëlis', lastName: 'Hautbois 7' },
        { firstName: 'Corentine', lastName: 'Vasquelin' },
        ...numbers(1, 200).map((n) => ({ firstName: 'Ondrea', lastName: `Vasquelin ${n}` })),
      ]);
    expect(await held(['vasquelin', 'corentine', '1', '8', '200'])).toEqual([
      '1',
      '200',
      '8',
      'corentine',
      'vasquelin',
    ]);
    const deleted = await handle.db
      .delete(customers)
      .where(like(customers.lastName, 'Vasquelin%'))
      .returning({ id: customers.id });
    expect(deleted).toHaveLength(201);
    // "ondrea" and "7" have other holders; "vasquelin", "corentine" and the other numbers had none.
    expect(
      await held(['ondrea', 'brisemoulin', 'maelis', 'hautbois', 'vasquelin', 'corentine', ...numbers(1, 200)]),
    ).toEqual(['7', 'brisemoulin', 'hautbois', 'maelis', 'ondrea']);
    expect(await drift()).toEqual(exact);
  });

  it('follows a bulk rename: new words added, old ones kept while someone holds them', async () => {
    await handle.db
      .insert(customers)
      .values([
        { firstName: 'Corentine', lastName: 'Vasquelin' },
        ...numbers(1, 100).map((n) => ({ firstName: 'Ondrea', lastName: `Vasquelin ${n}` })),
      ]);
    await handle.db.execute(sql`
      UPDATE customers SET last_name = 'Morvandiau ' || split_part(last_name, ' ', 2) WHERE last_name LIKE 'Vasquelin %'`);
    // Corentine still holds "vasquelin"; the numbers moved with their customers.
    expect(await held(['vasquelin', 'morvandiau', '1', '100'])).toEqual(['1', '100', 'morvandiau', 'vasquelin']);
    expect(await drift()).toEqual(exact);
    // Two customers swapping their surnames in one statement: both words still held.
    await handle.db.execute(sql`
      UPDATE customers SET last_name = CASE last_name WHEN 'Quillon' THEN 'Trémaine' ELSE 'Quillon' END
      WHERE first_name = 'Isaure'`);
    expect(await held(['quillon', 'tremaine'])).toEqual(['quillon', 'tremaine']);
    // The last holders of a word renamed together: it goes.
    await handle.db.execute(sql`UPDATE customers SET first_name = 'Corentin' WHERE first_name = 'Corentine'`);
    expect(await held(['corentin', 'corentine'])).toEqual(['corentin']);
    expect(await drift()).toEqual(exact);
  });

  it('keeps the words a rename keeps, and changes nothing when an update leaves the names alone', async () => {
    // The numbers go (but "7", which Maëlis Hautbois holds); "ondrea" and "morvandiau" stay.
    await handle.db.execute(sql`UPDATE customers SET last_name = 'Morvandiau' WHERE last_name LIKE 'Morvandiau %'`);
    expect(await held(['ondrea', 'morvandiau', ...numbers(1, 100)])).toEqual(['7', 'morvandiau', 'ondrea']);
    await handle.db.update(customers).set({ lastName: 'Quillon' }).where(eq(customers.lastName, 'Quillon-Trémaine'));
    expect(await held(['gaspard', 'quillon', 'tremaine'])).toEqual(['gaspard', 'quillon', 'tremaine']);
    expect(await drift()).toEqual(exact);
    const vocabulary = () =>
      handle.db.select({ word: customerNameWords.word }).from(customerNameWords).orderBy(customerNameWords.word);
    const before = await vocabulary();
    await handle.db.update(customers).set({ orderCount: sql`order_count`, firstName: sql`first_name` });
    expect(await vocabulary()).toEqual(before);
  });

  it('leaves no trace of the names deleted', async () => {
    const names = ['Isaure', 'Gaspard', 'Ondrea', 'Maëlis', 'Corentin'];
    await handle.db.delete(customers).where(inArray(customers.firstName, names));
    expect(
      await held(['isaure', 'gaspard', 'ondrea', 'maelis', 'corentin', 'quillon', 'tremaine', 'morvandiau', '7']),
    ).toEqual([]);
    expect(await drift()).toEqual(exact);
  });
});
