import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDatabaseInThisProcess, type DbHandle } from '@/db/client';
import { channels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { GET as availability } from '@/app/api/v1/availability/route';
import { POST as postOrder } from '@/app/api/v1/channels/[channel]/orders/route';
import { GET as skuFeed } from '@/app/api/v1/skus/route';
import { GET as health } from '@/app/api/health/route';
import { addChannelCredential } from '@/lib/channels/credentials';
import { signBody } from '@/lib/channels/signature';
import { apiAnswerFrom } from '@/lib/http/api';
import type { SearchParams } from '@/lib/http/search-params';
import { listCounts, startCount } from '@/lib/inventory/counts';
import { inventoryToCsv } from '@/lib/inventory/csv';
import { encodeCursor } from '@/lib/http/cursor';
import {
  createdCursorParam,
  parseInventoryExportParams,
  parseInventoryListParams,
  replenishmentPageParam,
} from '@/lib/inventory/list-params';
import { listInventory } from '@/lib/inventory/queries/list';
import { effectiveLocations, listLocations } from '@/lib/inventory/queries/locations';
import { findVariantByCode } from '@/lib/inventory/queries/codes';
import { findSkuDetail } from '@/lib/inventory/queries/sku-detail';
import { listTransfersForActor } from '@/lib/inventory/queries/transfers';
import { listReplenishment } from '@/lib/inventory/replenishment';
import { createTransfer } from '@/lib/inventory/transfers';
import { logTo } from '@/lib/log';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { parseCustomerOrdersParams, parseOrderListParams } from '@/lib/orders/list-params';
import { listOrders } from '@/lib/orders/queries';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';

/**
 * Bad input is never a 500: generated search params go through every list page's parser and the
 * query it feeds, on a real engine (no throw); generated bodies and query strings go to every
 * route handler of the channels' API (no 5xx, and nothing written unless the answer is a success).
 */
let handle: DbHandle;
let w: InventoryWorld;
let customerId: string;
const SECRET = 'bad-input-secret';
process.env.COMPTOIR_SECRET_KEY ??= randomBytes(32).toString('base64');
const RUNS = Number(process.env.FC_RUNS ?? 150);
let restoreLogs: () => void;

function validOrder(externalId: string) {
  return {
    externalId,
    placedAt: '2026-11-22T09:30:00+01:00',
    currency: 'EUR',
    customer: { email: 'lea@example.fr', phone: '+33612345678', firstName: 'Léa', lastName: 'Dubois' },
    lines: [{ sku: 'PULL-S', quantity: 1, unitPriceCents: 5900 }],
    fulfilment: { type: 'pickup', locationCode: 'PAR' },
    totals: { subtotalCents: 5900, discountCents: 0, shippingCents: 0, taxCents: 983, totalCents: 5900 },
  };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabaseInThisProcess(handle);
  w = await makeInventoryWorld(handle.db, { stock: 50 });
  const [web] = await handle.db
    .insert(channels)
    .values({ code: 'web', name: 'Web', kind: 'web' })
    .returning({ id: channels.id });
  await addChannelCredential(handle.db, { channelId: web.id, kind: 'signing', value: SECRET });
  await addChannelCredential(handle.db, { channelId: web.id, kind: 'read', value: SECRET });
  // Something in every list, so that cursors and filters meet rows.
  const { ZIngestOrderInput } = await import('@/lib/orders/schemas');
  for (let i = 0; i < 3; i++)
    await ingestOrder(handle.db, { code: 'web' }, ZIngestOrderInput.parse(validOrder(`SEED-${i}`)));
  customerId = (await handle.db.execute<{ id: string }>(sql`select id from customers limit 1`)).rows[0].id;
  await createTransfer(handle.db, w.owner, {
    sourceLocationId: w.paris,
    destinationLocationId: w.lyon,
    lines: [{ variantId: w.skus[0].id, quantity: 1 }],
  });
  await startCount(handle.db, w.owner, { locationId: w.lyon, scope: { kind: 'all' } });
  // Unexpected errors would be logged: keep the run quiet, the assertions say what matters.
  restoreLogs = logTo({ write: () => {} });
});
afterAll(async () => {
  restoreLogs?.();
  await handle.close();
});

// ——— Generators ———

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Dates and instants with every field anywhere from absurd to plausible. */
const dateish = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
  fc
    .date({ noInvalidDate: true, min: new Date('1990-01-01'), max: new Date('2040-01-01') })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2024-13-45', '2024-02-30', '0000-01-01', '2023-02-29', '99999-01-01', '2024-1-1', ''),
);
const timeish = fc
  .tuple(
    dateish,
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 999_999 }),
  )
  .map(([day, h, m, s, us]) => `${day}T${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(us, 6)}Z`);
const msTimeish = timeish.map((t) => `${t.slice(0, -4)}Z`);
const uuidish = fc.oneof(
  fc.uuid(),
  fc.constant('-'.repeat(36)),
  fc.constant('g'.repeat(36)),
  fc.string({ maxLength: 40 }),
);
const nasty = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    "'; select 1; --",
    '%',
    '_',
    '\\',
    '-1',
    '1e309',
    'NaN',
    'null',
    'x'.repeat(300),
  ),
);
const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : (JSON.stringify(value) ?? '')).toString('base64url');
/** Cursors that decode but lie: impossible times, malformed ids, wrong shapes; and plain junk. */
const cursorish = fc.oneof(
  fc.record({ t: fc.oneof(msTimeish, timeish, nasty), id: uuidish }).map(b64),
  fc.anything().map(b64),
  nasty,
  fc.constant(encodeCursor({ cursorTime: '2024-99-99T00:00:00.000000Z', id: '00000000-0000-4000-8000-000000000000' })),
);
const value = fc.oneof(nasty, dateish, cursorish, fc.uuid(), fc.integer().map(String));
const paramValue = fc.oneof(value, fc.array(value, { maxLength: 3 }));
const paramsOf = (keys: string[]): fc.Arbitrary<SearchParams> =>
  fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })), paramValue, { maxKeys: 8 });

const ORDER_KEYS = ['channel', 'status', 'fulfilment', 'location', 'customer', 'from', 'to', 'q', 'dir', 'after'];
const INVENTORY_KEYS = ['loc', 'category', 'brand', 'status', 'q', 'sort', 'dir', 'page'];

// ——— Pages ———

describe('every list page parser, then its query, on generated search params', () => {
  const actors = () => [w.owner, w.manager, w.agent];

  it('/orders', async () => {
    await fc.assert(
      fc.asyncProperty(paramsOf(ORDER_KEYS), async (sp) => {
        for (const actor of actors()) await listOrders(handle.db, actor, parseOrderListParams(sp));
      }),
      { numRuns: RUNS },
    );
  });

  it('/orders: the cases from the issue', async () => {
    const forged = b64({ t: '2024-99-99T10:00:00.000Z', id: '00000000-0000-4000-8000-000000000000' });
    for (const sp of [
      { from: '2024-13-45' },
      { to: '0000-01-01' },
      { after: forged },
      { after: b64({ t: '1', id: '-'.repeat(36) }) },
      { q: 'a\u0000' },
    ]) {
      await listOrders(handle.db, w.owner, parseOrderListParams(sp));
    }
  });

  it('/customers/[id] order history', async () => {
    await fc.assert(
      fc.asyncProperty(paramsOf(['after']), async (sp) => {
        await listOrders(handle.db, w.agent, parseCustomerOrdersParams(customerId, sp));
      }),
      { numRuns: RUNS },
    );
  });

  it('/inventory', async () => {
    const locations = await listLocations(handle.db);
    await fc.assert(
      fc.asyncProperty(paramsOf(INVENTORY_KEYS), async (sp) => {
        const query = parseInventoryListParams(sp);
        for (const actor of actors())
          await listInventory(handle.db, query, effectiveLocations(actor, query.loc, locations));
      }),
      { numRuns: RUNS },
    );
  });

  it('/inventory/export (its CSV), from the URL the route reads', async () => {
    const locations = await listLocations(handle.db);
    const codes = new Map(locations.map((l) => [l.id, l.code]));
    const urlOf = (sp: SearchParams) => {
      const params = new URLSearchParams();
      for (const [key, v] of Object.entries(sp)) for (const one of [v ?? ''].flat()) params.append(key, one);
      return params;
    };
    const query = fc.oneof(
      paramsOf(INVENTORY_KEYS).map(urlOf),
      fc.string({ maxLength: 80 }).map((raw) => new URLSearchParams(raw)),
    );
    await fc.assert(
      fc.asyncProperty(query, async (params) => {
        const parsed = parseInventoryExportParams(params);
        expect(parsed.page).toBe(1);
        for (const actor of actors()) {
          const page = await listInventory(handle.db, parsed, effectiveLocations(actor, parsed.loc, locations), {
            pageSize: 10_000,
          });
          inventoryToCsv(page.rows, codes);
        }
      }),
      { numRuns: RUNS },
    );
    // A shared link with a location id that is none, a NUL and a repeated filter: the default view.
    const bad = parseInventoryExportParams(new URLSearchParams(`loc=nope&loc=${w.paris}&q=a%00b&sort=zzz&page=7`));
    expect(bad).toMatchObject({ loc: [], q: 'ab', sort: 'name', page: 1 });
  });

  it('/inventory/transfers', async () => {
    await fc.assert(
      fc.asyncProperty(paramsOf(['before', 'inBefore', 'outBefore', 'loc']), async (sp) => {
        await listTransfersForActor(handle.db, w.owner, { locationIds: null, before: createdCursorParam(sp.before) });
        await listTransfersForActor(handle.db, w.manager, {
          locationIds: [w.paris],
          direction: 'in',
          before: createdCursorParam(sp.inBefore),
        });
        await listTransfersForActor(handle.db, w.manager, {
          locationIds: [w.paris],
          direction: 'out',
          before: createdCursorParam(sp.outBefore),
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('/inventory/counts', async () => {
    await fc.assert(
      fc.asyncProperty(paramsOf(['before']), async (sp) => {
        await listCounts(handle.db, w.owner, { before: createdCursorParam(sp.before) });
        await listCounts(handle.db, w.manager, { before: createdCursorParam(sp.before) });
      }),
      { numRuns: RUNS },
    );
  });

  it('/inventory/replenishment', async () => {
    await fc.assert(
      fc.asyncProperty(paramsOf(['page', 'loc']), async (sp) => {
        const page = replenishmentPageParam(sp.page);
        await listReplenishment(handle.db, [w.paris, w.lyon], { limit: 50, offset: (page - 1) * 50 });
      }),
      { numRuns: RUNS },
    );
  });

  it('the back-office lookups (SKU of a phone order, scan, lookup)', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, async (code) => {
        // What the routes do: their zod schema, the query, and apiErrorFrom for whatever throws.
        try {
          const found = await findVariantByCode(handle.db, code.trim());
          if (found) await findSkuDetail(handle.db, found.id);
        } catch (error) {
          expect(apiAnswerFrom(error).status).toBeLessThan(500);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// ——— Routes ———

/** Rows in every table of the schema, in one statement. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = (
    await handle.db.execute<{ name: string }>(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    )
  ).rows.map((r) => r.name);
  const counts = sql.join(
    tables.map((t) => sql`(select count(*)::int from ${sql.identifier(t)}) as ${sql.identifier(t)}`),
    sql`, `,
  );
  return (await handle.db.execute<Record<string, number>>(sql`select ${counts}`)).rows[0];
}

/** A route's answer to bad input: no 5xx, and nothing written unless it succeeded. */
async function expectSafe(call: () => Promise<Response>): Promise<void> {
  const before = await rowCounts();
  const response = await call();
  expect(response.status, await response.clone().text()).toBeLessThan(500);
  if (response.status >= 400) expect(await rowCounts()).toEqual(before);
}

const queryString = (keys: string[]) =>
  fc
    .dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 6 })), value, { maxKeys: 6 })
    .map((d) => new URLSearchParams(d).toString());
// A header value is printable Latin-1 (fetch refuses the rest before any route sees it).
const bearer = fc.oneof(
  fc.constant(`Bearer ${SECRET}`),
  fc.constant(null),
  nasty.map((v) => `Bearer ${v.replace(/[^\x20-\x7e]/g, '')}`.trim()),
);

/** Orders a channel might send by mistake (or on purpose): a valid one with parts replaced. */
const orderBody = fc.oneof(
  fc
    .record({
      placedAt: fc.oneof(
        msTimeish,
        timeish,
        dateish,
        nasty,
        fc.constantFrom('0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2024-99-99T00:00:00Z'),
      ),
      externalId: nasty,
    })
    .map(({ placedAt, externalId }) => JSON.stringify({ ...validOrder(externalId), placedAt })),
  fc
    .record({
      key: fc.constantFrom('externalId', 'currency', 'customer', 'lines', 'fulfilment', 'totals', 'placedAt'),
      value: fc.anything(),
    })
    .map(({ key, value }) => JSON.stringify({ ...validOrder('X-1'), [key]: value })),
  fc.record({ email: nasty, phone: nasty, sku: nasty, code: nasty }).map(({ email, phone, sku, code }) =>
    JSON.stringify({
      ...validOrder('X-2'),
      customer: { email, phone },
      lines: [{ sku, quantity: 1, unitPriceCents: 5900 }],
      fulfilment: { type: 'pickup', locationCode: code },
    }),
  ),
  fc.string({ maxLength: 200 }),
  fc.json(),
);

describe('every route of the channels API, on generated requests', () => {
  it('POST /api/v1/channels/{channel}/orders, signed or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        orderBody,
        fc.constantFrom('web', 'nope', 'w\u0000b', '%'),
        fc.boolean(),
        async (raw, channel, signed) => {
          const headers = new Headers({ 'content-type': 'application/json' });
          if (signed) headers.set('x-comptoir-signature', signBody(SECRET, raw));
          await expectSafe(() =>
            postOrder(
              new Request(`http://test/api/v1/channels/${encodeURIComponent(channel)}/orders`, {
                method: 'POST',
                body: raw,
                headers,
              }),
              {
                params: Promise.resolve({ channel }),
              },
            ),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('an order placed in year 0000, on an impossible day or far in the future is a 400', async () => {
    const inTenYears = new Date(Date.now() + 10 * 365 * 86_400_000).toISOString();
    for (const placedAt of ['0000-01-01T00:00:00Z', '2024-99-99T10:00:00Z', '2023-02-29T10:00:00Z', inTenYears]) {
      const raw = JSON.stringify({ ...validOrder(`BAD-${placedAt}`), placedAt });
      const response = await postOrder(
        new Request('http://test/api/v1/channels/web/orders', {
          method: 'POST',
          body: raw,
          headers: { 'x-comptoir-signature': signBody(SECRET, raw) },
        }),
        { params: Promise.resolve({ channel: 'web' }) },
      );
      expect(response.status, placedAt).toBe(400);
      expect((await response.json()).error.details.fields).toHaveProperty('placedAt');
    }
  });

  it('GET /api/v1/availability', async () => {
    await fc.assert(
      fc.asyncProperty(queryString(['channel', 'sku', 'location']), bearer, async (qs, authorization) => {
        const headers = authorization ? { authorization } : undefined;
        await expectSafe(() => availability(new Request(`http://test/api/v1/availability?${qs}`, { headers })));
      }),
      { numRuns: RUNS },
    );
  });

  it('GET /api/v1/skus', async () => {
    await fc.assert(
      fc.asyncProperty(queryString(['channel', 'after', 'limit', 'inStock']), bearer, async (qs, authorization) => {
        const headers = authorization ? { authorization } : undefined;
        await expectSafe(() => skuFeed(new Request(`http://test/api/v1/skus?${qs}`, { headers })));
      }),
      { numRuns: RUNS },
    );
  });

  it('GET /api/health', async () => {
    await expectSafe(() => health());
  });
});
