import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDatabaseInThisProcess, type DbHandle } from '@/db/client';
import { channels, customers, inventoryLevels, notificationOutbox, stockAlerts } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addChannelCredential } from '@/lib/channels/credentials';
import { signBody } from '@/lib/channels/signature';
import { renderOutboxMessage } from '@/lib/messages/render';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { recordStatements } from '@/lib/testing/statements';
import { DELETE, POST } from '@/app/api/v1/stock-alerts/route';
import { mergeCustomers } from '@/lib/customers/merge';
import { changeStock } from '../ledger';
import { receiveStock } from '../receive-stock';
import { sweepStockAlerts } from './notify-stock-alerts';
import { listStockAlertDemand } from './queries';

const SECRET = 'alerts-secret-web';
process.env.COMPTOIR_SECRET_KEY ??= randomBytes(32).toString('base64');

let handle: DbHandle;
let w: InventoryWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabaseInThisProcess(handle);
  w = await makeInventoryWorld(handle.db, { stock: 0 });
  const [web] = await handle.db
    .insert(channels)
    .values({ code: 'web', name: 'Web', kind: 'web' })
    .returning({ id: channels.id });
  await addChannelCredential(handle.db, { channelId: web.id, kind: 'signing', value: SECRET });
});
afterAll(async () => {
  await handle?.close();
});

function call(method: 'POST' | 'DELETE', body: unknown, opts: { signature?: string | null; channel?: string } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const headers = new Headers({ 'content-type': 'application/json' });
  const signature = opts.signature === undefined ? signBody(SECRET, raw) : opts.signature;
  if (signature) headers.set('x-comptoir-signature', signature);
  const request = new Request(`http://test/api/v1/stock-alerts?channel=${opts.channel ?? 'web'}`, {
    method,
    headers,
    body: raw,
  });
  return method === 'POST' ? POST(request) : DELETE(request);
}

type Answer = { alert: { id: string; status: string; sku: string; location: string | null } };

function wish(email: string, sku: string, location: string | null, extra: Record<string, unknown> = {}) {
  return {
    sku,
    ...(location ? { location } : {}),
    customer: { email, firstName: 'Claire', lastName: 'Martin', language: 'fr' },
    productUrl: 'https://shop.example.fr/p/pull-marin',
    ...extra,
  };
}

function variantOf(sku: string): string {
  return w.skus.find((s) => s.sku === sku)!.id;
}

async function receive(sku: string, locationId: string, quantity = 2) {
  await receiveStock(handle.db, w.owner, {
    locationId,
    reference: `BL-${Math.random()}`,
    lines: [{ variantId: variantOf(sku), quantity }],
  });
}

async function messagesTo(email: string) {
  return handle.db
    .select({ id: notificationOutbox.id, kind: notificationOutbox.kind, payload: notificationOutbox.payload })
    .from(notificationOutbox)
    .where(eq(notificationOutbox.recipient, email));
}

async function statusOf(id: string) {
  const [row] = await handle.db
    .select({ status: stockAlerts.status, messageId: stockAlerts.messageId, notifiedAt: stockAlerts.notifiedAt })
    .from(stockAlerts)
    .where(eq(stockAlerts.id, id));
  return row;
}

describe('POST /api/v1/stock-alerts', () => {
  it('refuses an unsigned or badly signed request, whatever the body', async () => {
    for (const signature of [null, 'sha256=00', signBody('another secret', '{}')]) {
      const res = await call('POST', wish('x@example.fr', 'PULL-S', 'PAR'), { signature });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('invalid_signature');
    }
    expect((await call('POST', 'not json', { signature: null })).status).toBe(401);
    expect((await call('POST', wish('x@example.fr', 'PULL-S', 'PAR'), { channel: 'nope' })).status).toBe(401);
  });

  it('answers bad input with a 400 saying what is wrong', async () => {
    const notJson = await call('POST', '{"sku":');
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.message).toMatch(/JSON/);
    for (const bad of [
      { sku: 'PULL-S' },
      wish('not-an-email', 'PULL-S', 'PAR'),
      wish('x@example.fr', '', 'PAR'),
      wish('x@example.fr', 'PULL-S', 'PAR', { productUrl: 'javascript:alert(1)' }),
      wish('x@example.fr', 'PULL-S', 'PAR', { customer: { email: 'x@example.fr', language: 'de' } }),
    ]) {
      const res = await call('POST', bad);
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe('validation_failed');
      expect(error.message).toBeTruthy();
      expect(Object.keys(error.details.fields).length).toBeGreaterThan(0);
    }
  });

  it('refuses an unknown SKU, an unknown store and a warehouse with a 422', async () => {
    for (const [sku, location, says] of [
      ['NOPE', 'PAR', /SKU/],
      ['PULL-S', 'XXX', /store/],
      ['PULL-S', 'WH', /store/],
    ] as const) {
      const res = await call('POST', wish('x@example.fr', sku, location));
      expect(res.status).toBe(422);
      expect((await res.json()).error.message).toMatch(says);
    }
    expect(await handle.db.select().from(stockAlerts)).toEqual([]);
  });

  it('registers once: a replay or the same wish answers the waiting alert', async () => {
    const first = await call('POST', wish('claire@example.fr', 'PULL-S', 'par'));
    expect(first.status).toBe(201);
    const a = ((await first.json()) as Answer).alert;
    expect(a).toMatchObject({ status: 'waiting', sku: 'PULL-S', location: 'PAR' });

    const replay = await call('POST', wish('claire@example.fr', 'PULL-S', 'par'));
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as Answer).alert.id).toBe(a.id);
    const again = await call(
      'POST',
      wish('Claire@Example.fr ', 'PULL-S', 'PAR', { productUrl: 'https://shop.example.fr/other' }),
    );
    expect(again.status).toBe(200);
    expect(((await again.json()) as Answer).alert.id).toBe(a.id);

    // Online is another wish of the same customer.
    const online = await call('POST', wish('claire@example.fr', 'PULL-S', null));
    expect(online.status).toBe(201);
    expect(((await online.json()) as Answer).alert).toMatchObject({ status: 'waiting', location: null });

    const people = await handle.db
      .select({ id: customers.id, locale: customers.locale, orderCount: customers.orderCount })
      .from(customers)
      .where(eq(customers.email, 'claire@example.fr'));
    expect(people).toEqual([{ id: expect.any(String), locale: 'fr', orderCount: 0 }]);
  });
});

describe('telling waiting customers', () => {
  it('a receipt elsewhere tells the online alert, not the store one; a receipt at the store tells it once', async () => {
    const store = ((await (await call('POST', wish('paul@example.fr', 'PULL-M', 'PAR'))).json()) as Answer).alert;
    const online = ((await (await call('POST', wish('ines@example.fr', 'PULL-M', null))).json()) as Answer).alert;

    await receive('PULL-M', w.lyon);
    expect((await statusOf(store.id)).status).toBe('waiting');
    expect(await messagesTo('paul@example.fr')).toEqual([]);
    expect((await statusOf(online.id)).status).toBe('notified');
    const [toInes] = await messagesTo('ines@example.fr');
    expect(toInes.kind).toBe('stock.available');
    expect(toInes.payload).toMatchObject({ sku: 'PULL-M', product: 'Pull marin', variant: 'M', store: null });

    await receive('PULL-M', w.paris);
    const told = await statusOf(store.id);
    expect(told.status).toBe('notified');
    const toPaul = await messagesTo('paul@example.fr');
    expect(toPaul).toHaveLength(1);
    expect(told.messageId).toBe(toPaul[0].id);
    expect(toPaul[0].payload).toMatchObject({
      alertId: store.id,
      locale: 'fr',
      firstName: 'Claire',
      store: { code: 'PAR', name: 'Paris Rivoli' },
      productUrl: 'https://shop.example.fr/p/pull-marin',
    });
    // What was written renders as the customer will read it.
    const rendered = await renderOutboxMessage({
      kind: 'stock.available',
      payload: toPaul[0].payload,
      createdAt: new Date(),
    });
    expect(rendered.subject).toBe('Pull marin — M est disponible à Paris Rivoli');

    await receive('PULL-M', w.paris);
    await receive('PULL-M', w.lyon);
    expect(await messagesTo('paul@example.fr')).toHaveLength(1);
    expect(await messagesTo('ines@example.fr')).toHaveLength(1);

    // The API answers the told alert, and a new wish after it is a new alert, told at once (in stock now).
    const after = await call('POST', wish('paul@example.fr', 'PULL-M', 'PAR'));
    expect(after.status).toBe(201);
    const now = ((await after.json()) as Answer).alert;
    expect(now.id).not.toBe(store.id);
    expect(now.status).toBe('notified');
    expect(await messagesTo('paul@example.fr')).toHaveLength(2);
  });

  it('waits while the stock is all reserved or kept back as safety stock', async () => {
    const a = ((await (await call('POST', wish('zoe@example.fr', 'PULL-L', 'LYS'))).json()) as Answer).alert;
    await handle.db
      .update(inventoryLevels)
      .set({ safetyStock: 5 })
      .where(and(eq(inventoryLevels.variantId, variantOf('PULL-L')), eq(inventoryLevels.locationId, w.lyon)));
    await receive('PULL-L', w.lyon, 5);
    expect((await statusOf(a.id)).status).toBe('waiting');
    await receive('PULL-L', w.lyon, 1);
    expect((await statusOf(a.id)).status).toBe('notified');
  });

  it('the job tells what stock changes outside changeStock made available', async () => {
    const a = ((await (await call('POST', wish('leo@example.fr', 'PULL-S', 'LYS'))).json()) as Answer).alert;
    // A set-based writer (as the pickup expiry's release): the row changes without changeStock.
    await handle.db.execute(
      sql`update inventory_levels set on_hand = on_hand + 3 where variant_id = ${variantOf('PULL-S')} and location_id = ${w.lyon}`,
    );
    expect((await statusOf(a.id)).status).toBe('waiting');
    const first = await sweepStockAlerts(handle.db, { now: new Date('2026-12-06T21:00:00Z') });
    expect(first.notified).toBeGreaterThanOrEqual(1);
    const told = await statusOf(a.id);
    expect(told.status).toBe('notified');
    expect(told.notifiedAt?.toISOString()).toBe('2026-12-06T21:00:00.000Z');
    expect(await sweepStockAlerts(handle.db, { now: new Date() })).toEqual({ notified: 0 });
    expect(await messagesTo('leo@example.fr')).toHaveLength(1);
  });

  it('costs a stock increase nobody waits for no statement of its own: the probe rides in the update', async () => {
    const pullS = variantOf('PULL-S');
    const receipt = () =>
      changeStock(handle.db, { variantId: pullS, locationId: w.warehouse, deltaOnHand: 1, reason: 'receipt' });
    await handle.db
      .update(stockAlerts)
      .set({ status: 'cancelled', cancelledAt: new Date() })
      .where(and(eq(stockAlerts.variantId, pullS), eq(stockAlerts.status, 'waiting')));
    // The row (created if missing), its update, its ledger entry: nothing more.
    expect((await recordStatements(handle.db, receipt)).statements).toHaveLength(3);

    // Someone waits online: the same receipt tells them.
    const [max] = await handle.db
      .insert(customers)
      .values({ email: 'max@example.fr', firstName: 'Max' })
      .returning({ id: customers.id });
    const [web] = await handle.db.select({ id: channels.id }).from(channels).where(eq(channels.code, 'web'));
    const [alert] = await handle.db
      .insert(stockAlerts)
      .values({ customerId: max.id, variantId: pullS, channelId: web.id })
      .returning({ id: stockAlerts.id });
    expect((await recordStatements(handle.db, receipt)).statements.length).toBeGreaterThan(3);
    expect((await statusOf(alert.id)).status).toBe('notified');
    expect(await messagesTo('max@example.fr')).toHaveLength(1);
  });
});

describe('DELETE /api/v1/stock-alerts', () => {
  it('cancels a waiting alert, which is then never told', async () => {
    await handle.db.execute(sql`update inventory_levels set on_hand = 0, safety_stock = 0`);
    const a = ((await (await call('POST', wish('nina@example.fr', 'PULL-S', 'PAR'))).json()) as Answer).alert;
    expect(a.status).toBe('waiting');
    const res = await call('DELETE', { id: a.id });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Answer).alert.status).toBe('cancelled');
    const again = await call('DELETE', { id: a.id });
    expect(again.status).toBe(200);
    await receive('PULL-S', w.paris);
    expect((await statusOf(a.id)).status).toBe('cancelled');
    expect(await messagesTo('nina@example.fr')).toEqual([]);

    // A told alert cannot be cancelled; an unknown one is not found; the body must be signed and valid.
    const told = ((await (await call('POST', wish('nina@example.fr', 'PULL-S', 'PAR'))).json()) as Answer).alert;
    expect(told.status).toBe('notified');
    expect((await call('DELETE', { id: told.id })).status).toBe(409);
    expect((await call('DELETE', { id: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await call('DELETE', { id: 'nope' })).status).toBe(400);
    expect((await call('DELETE', { id: a.id }, { signature: null })).status).toBe(401);
  });
});

describe('merging customers', () => {
  it("moves the merged customer's alerts to the survivor; the same wish on both stays one", async () => {
    await handle.db.execute(sql`update inventory_levels set on_hand = 0, safety_stock = 0`);
    const both1 = ((await (await call('POST', wish('anna@example.fr', 'PULL-L', 'PAR'))).json()) as Answer).alert;
    const both2 = ((await (await call('POST', wish('anna.b@example.fr', 'PULL-L', 'PAR'))).json()) as Answer).alert;
    const own = ((await (await call('POST', wish('anna.b@example.fr', 'PULL-M', null))).json()) as Answer).alert;
    const idOf = async (email: string) =>
      (await handle.db.select({ id: customers.id }).from(customers).where(eq(customers.email, email)))[0].id;
    const survivorId = await idOf('anna@example.fr');
    await mergeCustomers(handle.db, w.agent, { survivorId, mergedId: await idOf('anna.b@example.fr') });
    const rows = await handle.db
      .select({ id: stockAlerts.id, customerId: stockAlerts.customerId, status: stockAlerts.status })
      .from(stockAlerts)
      .where(eq(stockAlerts.customerId, survivorId));
    expect(new Map(rows.map((r) => [r.id, r.status]))).toEqual(
      new Map([
        [both1.id, 'waiting'],
        [both2.id, 'cancelled'],
        [own.id, 'waiting'],
      ]),
    );
  });
});

describe('listStockAlertDemand', () => {
  it('counts the customers waiting per store, then online', async () => {
    await call('POST', wish('tom@example.fr', 'PULL-L', 'PAR'));
    await call('POST', wish('tom@example.fr', 'PULL-L', null));
    expect(await listStockAlertDemand(handle.db, variantOf('PULL-L'), 'fr')).toEqual([
      { code: 'PAR', name: 'Paris Rivoli', customers: 2 },
      { code: null, name: null, customers: 1 },
    ]);
  });
});
