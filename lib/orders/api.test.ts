import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, useDatabaseInThisProcess, type DbHandle } from '@/db/client';
import { channelCredentials, channels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { channelAuthenticator } from '@/lib/channels/authenticate';
import { addChannelCredential, rotateChannelCredentials } from '@/lib/channels/credentials';
import { signBody } from '@/lib/channels/signature';
import { recordStatements } from '@/lib/testing/statements';
import { orderDeliveryChannel, serveOrderDelivery } from '@/lib/next/order-lane';
import { makeInventoryWorld } from '@/lib/testing/fixtures';
import { GET as availability } from '@/app/api/v1/availability/route';
import { POST as postOrder } from '@/app/api/v1/channels/[channel]/orders/route';

let handle: DbHandle;
const SECRET = 'demo-secret-web';
// This file's key for the signing secrets (else the data folder's would be generated).
process.env.COMPTOIR_SECRET_KEY ??= randomBytes(32).toString('base64');
// The production server's lane for deliveries (scripts/serve.ts), on a port of its own.
let lane: http.Server;
let laneUrl: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabaseInThisProcess(handle);
  await makeInventoryWorld(handle.db);
  // As the demo has it: one documented value that both signs and reads.
  const [web, old] = await handle.db
    .insert(channels)
    .values([
      { code: 'web', name: 'Web', kind: 'web' },
      { code: 'old', name: 'Old shop', kind: 'web', active: false },
    ])
    .returning({ id: channels.id });
  await addChannelCredential(handle.db, { channelId: web.id, kind: 'signing', value: SECRET });
  await addChannelCredential(handle.db, { channelId: web.id, kind: 'read', value: SECRET });
  await addChannelCredential(handle.db, { channelId: old.id, kind: 'signing', value: 'old-shop-secret' });
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
    totals: {
      subtotalCents: 5900 * qty,
      discountCents: 0,
      shippingCents: 0,
      taxCents: 983 * qty,
      totalCents: 5900 * qty,
    },
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
  if (transport === 'lane')
    return fetch(`${laneUrl}/api/v1/channels/${channel}/orders`, { method: 'POST', body: raw, headers });
  return postOrder(
    new Request(`http://test/api/v1/channels/${channel}/orders`, { method: 'POST', body: raw, headers }),
    {
      params: Promise.resolve({ channel }),
    },
  );
}

const orderCount = async () =>
  (await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from orders`)).rows[0].n;

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

  it('answers the same 401 for an unknown channel, an inactive one and a bad or missing signature, writing nothing', async () => {
    const raw = body(id(1002));
    const before = await orderCount();
    const answer = async (res: Response) => ({ status: res.status, body: await res.json() });
    const bad = await answer(await post(raw, { signature: signBody('wrong', raw) }));
    expect(bad).toEqual({
      status: 401,
      body: { error: { code: 'invalid_signature', message: 'Missing or invalid X-Comptoir-Signature.', details: {} } },
    });
    expect(await answer(await post(raw, { signature: null }))).toEqual(bad);
    expect(await answer(await post(raw, { channel: 'nope' }))).toEqual(bad);
    expect(await answer(await post(raw, { channel: 'old', signature: signBody('old-shop-secret', raw) }))).toEqual(bad);
    // Who sent it comes before what it says.
    expect(await answer(await post('{not json', { signature: null }))).toEqual(bad);
    expect(await orderCount()).toBe(before);
  });

  it("does no database work for an unsigned or badly signed delivery beyond the channel's credentials", async () => {
    const raw = body(id(1005), 1, 'PULL-M');
    channelAuthenticator(handle.db).forget('web');
    channelAuthenticator(handle.db).forget('nope');
    // The earlier tests' accepted deliveries left a last-used write pending (flushed a second
    // later): written now, so that its timer cannot fire inside the recording on a slow machine.
    await channelAuthenticator(handle.db).flushUsage();
    const refused = await recordStatements(handle.db, async () => {
      expect((await post(raw, { signature: null })).status).toBe(401);
      expect((await post(raw, { signature: signBody('wrong', raw) })).status).toBe(401);
      expect((await post(raw, { channel: 'nope' })).status).toBe(401);
    });
    // Reads of the channels' credentials (remembered for the next requests), and nothing else.
    expect(refused.statements.length).toBeGreaterThanOrEqual(2);
    expect(
      refused.statements.filter(
        (s) => !(/from channels c where c\.code = \$\d/.test(s) && /channel_credentials/.test(s)),
      ),
    ).toEqual([]);
    // The same delivery signed is read and written (the recorder sees ingestion's statements).
    const accepted = await recordStatements(handle.db, async () => expect((await post(raw)).status).toBe(201));
    expect(accepted.statements.some((s) => /from variants/.test(s))).toBe(true);
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
  it("takes only POSTs to a channel orders path; every other request stays Next's", async () => {
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

  it('refuses a body over 1 MB with 400, writing nothing (lane)', async () => {
    const before = await orderCount();
    const raw = JSON.stringify({ externalId: 'BIG-1', padding: 'x'.repeat(1_000_001) });
    const res = await deliver('lane', raw);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/too large/),
    });
    expect(await orderCount()).toBe(before);
  });
  it('stops reading a body that grows past 1 MB, answers 400 and closes the connection (lane)', async () => {
    const before = await orderCount();
    const piece = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const answer = await new Promise<{ status: number; body: string; closed: boolean }>((resolve, reject) => {
      const req = http.request(`${laneUrl}/api/v1/channels/web/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      });
      req.on('error', () => {});
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text, closed: res.headers.connection === 'close' }),
        );
        res.on('error', reject);
      });
      // An endless body: only the server's refusal stops it.
      const pump = () => {
        while (sent < 50_000_000 && !req.destroyed) {
          sent += piece.length;
          if (!req.write(piece)) return void req.once('drain', pump);
        }
      };
      pump();
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.message).toMatch(/too large/);
    expect(answer.closed).toBe(true);
    expect(sent).toBeLessThan(50_000_000);
    expect(await orderCount()).toBe(before);
  });

  it('refuses a declared length over 1 MB without reading it (lane)', async () => {
    const res = await fetch(`${laneUrl}/api/v1/channels/web/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '2000000' },
      body: 'x'.repeat(2_000_000),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('connection')).toBe('close');
  });
});

/** A body that produces `chunk`-byte pieces on demand, forever unless `total` is given: counts what was pulled. */
function streamedBody(chunk: number, total = Infinity) {
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close();
      pulled.bytes += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(0x20));
    },
  });
  return { stream, pulled };
}

function postStream(stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  const init = {
    method: 'POST',
    body: stream,
    headers: { 'content-type': 'application/json', ...headers },
    duplex: 'half',
  };
  return postOrder(new Request('http://test/api/v1/channels/web/orders', init), {
    params: Promise.resolve({ channel: 'web' }),
  });
}

describe('the App Router route reads at most the body limit', () => {
  it('stops reading a body that grows past 1 MB and answers 400 without reading the rest', async () => {
    const before = await orderCount();
    const { stream, pulled } = streamedBody(64 * 1024);
    const res = await postStream(stream);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/too large/),
    });
    expect(pulled.bytes).toBeGreaterThan(1_000_000);
    expect(pulled.bytes).toBeLessThan(1_000_000 + 4 * 64 * 1024);
    expect(await orderCount()).toBe(before);
  });

  it('refuses a declared length over 1 MB without reading anything', async () => {
    const { stream, pulled } = streamedBody(64 * 1024, 2_000_000);
    const res = await postStream(stream, { 'content-length': '2000000' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/too large/);
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it('reads a body under the limit whole, in several pieces', async () => {
    const raw = body('WEB-stream-1', 1, 'PULL-M');
    const bytes = new TextEncoder().encode(raw);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 100) controller.enqueue(bytes.slice(i, i + 100));
        controller.close();
      },
    });
    const res = await postStream(stream, { 'x-comptoir-signature': signBody(SECRET, raw) });
    expect(res.status).toBe(201);
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
      pickup: [{ location: 'PAR', readyIn: 'today' }],
    });
  });

  it('says per store whether a pickup is ready today, in about N days via a transfer, or not offered', async () => {
    const pickup = async (extra: string) =>
      ((await (await availability(availabilityRequest('PULL-S', SECRET, extra))).json()) as { pickup: unknown }).pickup;
    expect(await pickup('&quantity=9')).toEqual([
      { location: 'LYS', readyIn: 'today' },
      { location: 'PAR', readyIn: 'unavailable' },
    ]);
    const db = handle.db;
    await db.update(channels).set({ allowShipToStore: true }).where(eq(channels.code, 'web'));
    channelAuthenticator(db).forget('web');
    try {
      // The warehouse first, ready in about its transfer lead days.
      expect(await pickup('&quantity=9')).toEqual([
        { location: 'LYS', readyIn: 'today' },
        { location: 'PAR', readyIn: 'transfer', days: 2, from: 'WH' },
      ]);
      expect(await pickup('&quantity=11')).toEqual([
        { location: 'LYS', readyIn: 'unavailable' },
        { location: 'PAR', readyIn: 'unavailable' },
      ]);
      // A store that paused click-and-collect is not offered.
      await db.execute(sql`update locations set pickup_paused = true where code = 'LYS'`);
      expect(await pickup('')).toEqual([{ location: 'PAR', readyIn: 'today' }]);
      expect((await availability(availabilityRequest('PULL-S', SECRET, '&quantity=0'))).status).toBe(400);
    } finally {
      await db.execute(sql`update locations set pickup_paused = false where code = 'LYS'`);
      await db.update(channels).set({ allowShipToStore: false }).where(eq(channels.code, 'web'));
      channelAuthenticator(db).forget('web');
    }
  });

  it('refuses a bad token (401), an unknown SKU (404) and a missing parameter (400)', async () => {
    const refused = await availability(availabilityRequest('PULL-S', 'nope'));
    expect(refused.status).toBe(401);
    const unknownChannel = await availability(
      new Request('http://test/api/v1/availability?channel=nope&sku=PULL-S', {
        headers: { authorization: `Bearer ${SECRET}` },
      }),
    );
    // An unknown channel cannot be told from a wrong token.
    expect(unknownChannel.status).toBe(401);
    expect(await unknownChannel.json()).toEqual(await refused.json());
    expect((await availability(availabilityRequest('NOPE-9'))).status).toBe(404);
    expect((await availability(new Request('http://test/api/v1/availability?channel=web'))).status).toBe(400);
  });
});

describe('GET /api/v1/skus', () => {
  it('pages the SKU feed by SKU with prices and availability, for an authenticated channel', async () => {
    const { GET: skus } = await import('@/app/api/v1/skus/route');
    const get = (qs: string, token = SECRET) =>
      skus(new Request(`http://test/api/v1/skus?channel=web&${qs}`, { headers: { authorization: `Bearer ${token}` } }));
    const first = await (await get('limit=2')).json();
    expect(first.skus.map((s: { sku: string }) => s.sku)).toEqual(['PULL-L', 'PULL-M']);
    expect(first.skus[0]).toMatchObject({ priceCents: 5900, currency: 'EUR', name: 'Pull marin — L', available: 30 });
    const second = await (await get(`limit=2&after=${first.next}`)).json();
    expect(second).toMatchObject({ skus: [{ sku: 'PULL-S' }], next: null });
    expect((await get('limit=2', 'bad')).status).toBe(401);
    expect((await get('limit=5000')).status).toBe(400);
  });
});

describe('a channel deactivated while its credentials are remembered', () => {
  it('answers its next delivery with the same 401, not as an unknown channel', async () => {
    const [gone] = await handle.db
      .insert(channels)
      .values({ code: 'gone', name: 'Gone', kind: 'web' })
      .returning({ id: channels.id });
    await addChannelCredential(handle.db, { channelId: gone.id, kind: 'signing', value: 'gone-shop-secret' });
    const raw = body('GONE-1', 1, 'PULL-M');
    expect(
      (await deliver('route', raw, { channel: 'gone', signature: signBody('gone-shop-secret', raw) })).status,
    ).toBe(201);
    await handle.db.update(channels).set({ active: false }).where(eq(channels.id, gone.id));
    const again = body('GONE-2', 1, 'PULL-M');
    const res = await deliver('route', again, { channel: 'gone', signature: signBody('gone-shop-secret', again) });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toEqual({
      code: 'invalid_signature',
      message: 'Missing or invalid X-Comptoir-Signature.',
      details: {},
    });
  });
});

describe("rotating a channel's credentials", () => {
  it('gives new values that work at once, while the old ones last through the overlap; uses are recorded', async () => {
    const rotation = await rotateChannelCredentials(handle.db, {
      code: 'web',
      kinds: ['signing', 'read'],
      overlapMs: 3_600_000,
    });
    const secret = rotation.created.find((c) => c.kind === 'signing')!.value;
    const token = rotation.created.find((c) => c.kind === 'read')!.value;
    for (const transport of ['route', 'lane'] as const) {
      const raw = body(`WEB-rotated-${transport}`);
      expect((await deliver(transport, raw, { signature: signBody(secret, raw) })).status).toBe(201);
      const old = body(`WEB-old-${transport}`);
      expect((await deliver(transport, old, { signature: signBody(SECRET, old) })).status).toBe(201);
    }
    expect((await availability(availabilityRequest('PULL-S', token))).status).toBe(200);
    expect((await availability(availabilityRequest('PULL-S', SECRET))).status).toBe(200);

    await channelAuthenticator(handle.db).flushUsage();
    const used = await handle.db
      .select({ id: channelCredentials.id, lastUsedAt: channelCredentials.lastUsedAt })
      .from(channelCredentials);
    for (const created of rotation.created)
      expect(used.find((u) => u.id === created.id)?.lastUsedAt).toBeInstanceOf(Date);

    // With no overlap, the old values stop at once.
    await rotateChannelCredentials(handle.db, { code: 'web', kinds: ['signing', 'read'], overlapMs: 0 });
    const raw = body('WEB-after-rotation');
    expect((await deliver('route', raw, { signature: signBody(secret, raw) })).status).toBe(401);
    expect((await availability(availabilityRequest('PULL-S', token))).status).toBe(401);
  });
});
