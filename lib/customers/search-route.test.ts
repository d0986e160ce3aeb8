import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useDatabaseInThisProcess, type DbHandle } from '@/db/client';
import { channels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { signIn } from '@/lib/testing/session';
import type { CustomerSearchHit } from './search';

// The session is Auth.js's cookie, which a test has not got: the signed-in staff member is set here.
vi.mock('@/lib/next/session', () => import('@/lib/testing/session'));
vi.mock('@/lib/next/i18n', () => ({ getI18n: () => Promise.resolve({ locale: 'fr' }) }));
const { GET } = await import('@/app/api/backoffice/customers/search/route');

let handle: DbHandle;
let w: InventoryWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabaseInThisProcess(handle);
  w = await makeInventoryWorld(handle.db, { stock: 50 });
  const [web] = await handle.db
    .insert(channels)
    .values({ code: 'web', name: 'Web', names: { fr: 'Boutique en ligne' }, kind: 'web' })
    .returning();
  await ingestOrder(
    handle.db,
    web,
    ZIngestOrderInput.parse({
      externalId: 'W-1',
      placedAt: new Date().toISOString(),
      currency: 'EUR',
      customer: { email: 'helene.lefevre@example.fr', phone: '+33612345678', firstName: 'Hélène', lastName: 'Lefèvre' },
      lines: [{ sku: 'PULL-M', quantity: 1, unitPriceCents: 5000 }],
      fulfilment: { type: 'pickup', locationCode: 'PAR' },
      totals: { subtotalCents: 5000, totalCents: 5000 },
    }),
  );
});
afterAll(() => handle?.close());

async function search(query: string) {
  const response = await GET(new Request(`http://localhost/api/backoffice/customers/search?${query}`));
  return {
    status: response.status,
    body: (await response.json()) as { results: CustomerSearchHit[] } & { error?: { message: string } },
  };
}

describe('GET /api/backoffice/customers/search', () => {
  it('finds a customer from a phone typed with spaces, with the reason, for an agent', async () => {
    signIn(w.agent);
    const { status, body } = await search(new URLSearchParams({ q: '06 12 34 56 78' }).toString());
    expect(status).toBe(200);
    expect(body.results).toHaveLength(1);
    expect(body.results[0]).toMatchObject({
      firstName: 'Hélène',
      lastName: 'Lefèvre',
      exact: true,
      reason: { kind: 'phone' },
      phone: '06 12 34 56 78',
      channels: ['Boutique en ligne'],
      lastOrder: { number: expect.stringMatching(/^CMP-/), placedAt: expect.any(String) },
    });
    expect(Number.isNaN(Date.parse(body.results[0].lastOrder!.placedAt))).toBe(false);
  });

  it('finds a name typed without its accents, for the owner', async () => {
    signIn(w.owner);
    const { status, body } = await search('q=lefevre&limit=5');
    expect(status).toBe(200);
    expect(body.results.map((r) => r.lastName)).toEqual(['Lefèvre']);
    expect(body.results[0].reason).toEqual({ kind: 'name' });
  });

  it('answers an empty list when nothing matches', async () => {
    signIn(w.agent);
    const { status, body } = await search('q=zzzzqqq');
    expect(status).toBe(200);
    expect(body.results).toEqual([]);
  });

  it('lets the Paris manager find a customer who ordered in Paris, not one who never did', async () => {
    signIn(w.manager);
    expect((await search('q=lefevre')).body.results.map((r) => r.lastName)).toEqual(['Lefèvre']);
    signIn({ ...w.manager, locationIds: [w.lyon] });
    const { status, body } = await search('q=lefevre');
    expect(status).toBe(200);
    expect(body.results).toEqual([]);
    signIn({ ...w.manager, locationIds: [] });
    expect((await search('q=lefevre')).status).toBe(403);
  });

  it('refuses a signed-out caller (403), before reading the query', async () => {
    signIn(null);
    expect((await search('')).status).toBe(403);
  });

  it('answers a 400 saying what to give for a missing, blank or too long query, or a bad limit', async () => {
    signIn(w.agent);
    for (const query of [
      '',
      'q=%20%20',
      `q=${'a'.repeat(201)}`,
      'q=dupont&limit=0',
      'q=dupont&limit=500',
      'q=x&limit=abc',
    ]) {
      const { status, body } = await search(query);
      expect(status, query).toBe(400);
      expect(body.error?.message).toMatch(/\?q=<text>/);
    }
  });
});
