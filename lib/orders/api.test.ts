import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, useDatabaseInThisProcess, type DbHandle } from '@/db/client';
import { channels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { signBody } from '@/lib/channels/signature';
import { orderDeliveryChannel, serveOrderDelivery } from '@/lib/http/order-lane';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { GET as availability } from '@/app/api/v1/availability/route';
import { POST as postOrder } from '@/app/api/v1/channels/[channel]/orders/route';

let handle: DbHandle;
let w: InventoryWorld;
const SECRET = 'demo-secret-web';
// The production server's lane for deliveries (scripts/serve.ts), on a port of its own.
let lane: http.Server;
let laneUrl: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabaseInThisProcess(handle);
  w = await makeInventoryWorld(handle.db);
  await handle.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web', secret: SECRET });
  lane = http.createServer((req, res) => {
    const channel = orderDeliveryChannel(req);
    if (channel === null) res.writeHead(404).end('not the lane');
    else void serveOrderDelivery(getDb, channel, req, res);
  });
  await new Promise<void>((resolve) => lane.listen(0, '127.0.0.1', resolve));
  laneUrl = `http://127.0.0.1:${(lane.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => lane.close(resolve));
  await handle.close();
});

function body(externalId: string, qty = 1, sku = 'PULL-S') {
  return JSON.stringify({
    externalId,
    placedAt: '2026-11-22T09:30:00+01:00',
    currency: 'EUR',
    customer: { email: 'lea@example.fr', firstName: 'Léa', lastName: 'Dubois' },
    lines: [{ sku, quantity: qty, unitPriceCents: 5900 }],
    fulfilment: { type: 'pickup', locationCode: 'PAR' },
    totals: { subtotalCents: 5900 * qty, discountCents: 0, shippingCents: 0, taxCents: 983 * qty, totalCents: 5900 * qty },
  });
}

type Transport = 'route' | 'lane';
type PostOptions = { channel?: string; signature?: string | null };

/** Delivers through the App Router route handler, or over HTTP to the production server's lane. */
function deliver(transport: Transport, raw: string, opts: PostOptions = {}): Promise<Response> {
  const headers = new Headers({ 'content-type': 'application/json' });
  const signature = opts.signature === undefined ? signBody(SECRET, raw) : opts.signature;
  if (signature) headers.set('x-comptoir-signature', signature);
  const channel = opts.channel ?? 'web';
  if (transport === 'lane') return fetch(`${laneUrl}/api/v1/channels/${channel}/orders`, { method: 'POST', body: raw, headers });
  return postOrder(new Request(`http://test/api/v1/channels/${channel}/orders`, { method: 'POST', body: raw, headers }), {
    params: Promise.resolve({ channel }),
  });
}

const orderCount = async () => (await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from orders`)).rows[0].n;

describe.each(['route', 'lane'] as const)('POST /api/v1/channels/{channel}/orders (%s)', (transport) => {
  const post = (raw: string, opts?: PostOptions) => deliver(transport, raw, opts);
  const id = (n: number) => `WEB-${transport}-${n}`;

  it('creates with 201, replays with 200 and the same body', async () => {
    const raw = body(id(1001));
    const first = await post(raw);
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created.order).toMatchObject({ externalId: id(1001), status: 'placed' });
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(created.order).sort()).toEqual(['externalId', 'id', 'number', 'status']);
    const before = await orderCount();
    const replay = await post(raw);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual(created);
    expect(await orderCount()).toBe(before);
  });

  it('answers 404 for an unknown channel and 401 for a bad or missing signature, writing nothing', async () => {
    const raw = body(id(1002));
    const before = await orderCount();
    expect((await post(raw, { channel: 'nope' })).status).toBe(404);
    const bad = await post(raw, { signature: signBody('wrong', raw) });
    expect(bad.status).toBe(401);
    expect((await bad.json()).error.code).toBe('invalid_signature');
    expect((await post(raw, { signature: null })).status).toBe(401);
    expect(await orderCount()).toBe(before);
  });

  it('answers 400 with field details for bad input, and for bad JSON', async () => {
    const invalid = await post(JSON.stringify({ externalId: '', lines: [] }));
    expect(invalid.status).toBe(400);
    const json = await invalid.json();
    expect(json.error.code).toBe('validation_failed');
    expect(Object.keys(json.error.details.fields)).toEqual(expect.arrayContaining(['externalId', 'lines', 'placedAt']));
    expect((await post('{not json')).status).toBe(400);
  });

  it('answers 409 out_of_stock naming the SKUs and leaves stock untouched; 422 for an unknown SKU', async () => {
    const before = (await availability(availabilityRequest('PULL-M'))).json();
    const res = await post(body(id(1003), 500, 'PULL-M'));
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: { code: 'out_of_stock', message: expect.any(String), details: { skus: ['PULL-M'] } },
    });
    expect(await (await availability(availabilityRequest('PULL-M'))).json()).toEqual(await before);
    expect((await post(body(id(1004), 1, 'NOPE-1'))).status).toBe(422);
  });
});

describe('the production server lane for deliveries', () => {
  it('takes only POSTs to a channel orders path; every other request stays Next\'s', async () => {
    const match = (method: string, url: string) => orderDeliveryChannel({ method, url } as http.IncomingMessage);
    expect(match('POST', '/api/v1/channels/web/orders')).toBe('web');
    expect(match('POST', '/api/v1/channels/web/orders?via=test')).toBe('web');
    expect(match('POST', '/api/v1/channels/caf%C3%A9/orders')).toBe('café');
    expect(match('GET', '/api/v1/channels/web/orders')).toBeNull();
    expect(match('POST', '/api/v1/channels/web/orders/1')).toBeNull();
    expect(match('POST', '/api/v1/channels/web/ordersx')).toBeNull();
    expect(match('POST', '/api/v1/channels/%E0%A4%A/orders')).toBeNull();
    expect(match('POST', '/api/v1/availability')).toBeNull();
  });

  it('refuses a body over 1 MB with 400, writing nothing', async () => {
    const before = await orderCount();
    const raw = JSON.stringify({ externalId: 'BIG-1', padding: 'x'.repeat(1_000_001) });
    const res = await deliver('lane', raw);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/too large/) });
    expect(await orderCount()).toBe(before);
  });
});

function availabilityRequest(sku: string, token = SECRET, extra = '') {
  return new Request(`http://test/api/v1/availability?channel=web&sku=${sku}${extra}`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

describe('GET /api/v1/availability', () => {
  // Each delivery suite above (route, lane) reserved one PULL-S at Paris.
  it('answers per location for the channel, or for one location', async () => {
    const res = await availability(availabilityRequest('pull-s'));
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json).toMatchObject({ sku: 'PULL-S', total: 28 });
    expect(json.locations).toEqual([
      { code: 'LYS', available: 10 },
      { code: 'PAR', available: 8 },
      { code: 'WH', available: 10 },
    ]);
    expect(await (await availability(availabilityRequest('PULL-S', SECRET, '&location=par'))).json()).toEqual({
      sku: 'PULL-S',
      total: 8,
      locations: [{ code: 'PAR', available: 8 }],
    });
  });

  it('refuses a bad token (401), an unknown SKU (404) and a missing parameter (400)', async () => {
    expect((await availability(availabilityRequest('PULL-S', 'nope'))).status).toBe(401);
    expect((await availability(availabilityRequest('NOPE-9'))).status).toBe(404);
    expect((await availability(new Request('http://test/api/v1/availability?channel=web'))).status).toBe(400);
  });
});

describe('GET /api/v1/skus', () => {
  it('pages the SKU feed by SKU with prices and availability, for an authenticated channel', async () => {
    const { GET: skus } = await import('@/app/api/v1/skus/route');
    const get = (qs: string, token = SECRET) => skus(new Request(`http://test/api/v1/skus?channel=web&${qs}`, { headers: { authorization: `Bearer ${token}` } }));
    const first = await (await get('limit=2')).json();
    expect(first.skus.map((s: { sku: string }) => s.sku)).toEqual(['PULL-L', 'PULL-M']);
    expect(first.skus[0]).toMatchObject({ priceCents: 5900, currency: 'EUR', name: 'Pull marin — L', available: 30 });
    const second = await (await get(`limit=2&after=${first.next}`)).json();
    expect(second).toMatchObject({ skus: [{ sku: 'PULL-S' }], next: null });
    expect((await get('limit=2', 'bad')).status).toBe(401);
    expect((await get('limit=5000')).status).toBe(400);
  });
});
