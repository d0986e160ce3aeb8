import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { DEMO_CHANNELS } from '@/lib/seed/constants';
import { signBody } from '../lib/channels/signature';

// The demo web shop talking to the channel API, as a real channel does: reads with its bearer
// token, writes signed with the HMAC of the raw body (X-Comptoir-Signature). One copy for every spec.

export const WEB = DEMO_CHANNELS.find((c) => c.code === 'web')!;
/** The web channel's read token, for GET /api/v1/skus, /availability, /loyalty/balance… */
export const BEARER = { authorization: `Bearer ${WEB.secret}` };

export type FeedSku = { sku: string; name: string; priceCents: number; available: number };
export type Availability = {
  sku: string;
  total: number;
  locations: { code: string; available: number }[];
  pickup: { location: string; readyIn: string; days?: number; from?: string }[];
};

/**
 * Posts `body` to the channel API as the web shop signs it: the raw JSON and its signature. A
 * string is sent as it is (a replay of the same bytes); anything else is serialized once.
 */
export function postSigned(
  request: APIRequestContext,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return request.post(path, {
    data: raw,
    headers: { 'content-type': 'application/json', 'x-comptoir-signature': signBody(WEB.secret, raw), ...headers },
  });
}

/** A signed order delivery (POST /api/v1/channels/web/orders): its status and JSON answer. */
export async function deliverOrder(request: APIRequestContext, body: unknown) {
  const response = await postSigned(request, '/api/v1/channels/web/orders', body);
  return { status: response.status(), body: await response.json() };
}

type OrderLine = { sku: { sku: string; priceCents: number }; quantity: number };

/**
 * A new order from the web shop, for `customer`, fulfilled as said (a pickup, or shipped to an
 * address), placed now: its totals are the lines'. Expects 201; returns the order's id and number.
 */
export async function placeOrder(
  request: APIRequestContext,
  order: {
    lines: OrderLine[];
    customer: Record<string, string>;
    fulfilment: Record<string, unknown>;
    /** The external id's prefix, so a failing run says which spec posted it. */
    prefix?: string;
  },
): Promise<{ id: string; number: string }> {
  const total = order.lines.reduce((n, l) => n + l.sku.priceCents * l.quantity, 0);
  const { status, body } = await deliverOrder(request, {
    externalId: `${order.prefix ?? 'E2E'}-${randomUUID()}`,
    placedAt: new Date().toISOString(),
    currency: 'EUR',
    customer: order.customer,
    lines: order.lines.map((l) => ({ sku: l.sku.sku, quantity: l.quantity, unitPriceCents: l.sku.priceCents })),
    fulfilment: order.fulfilment,
    totals: { subtotalCents: total, totalCents: total },
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return (body as { order: { id: string; number: string } }).order;
}

/** The web shop's catalogue feed, in SKU order (inStock: only what some location can promise). */
export async function feedSkus(
  request: APIRequestContext,
  { inStock = true, limit = 200 }: { inStock?: boolean; limit?: number } = {},
): Promise<FeedSku[]> {
  const response = await request.get(`/api/v1/skus?channel=web&inStock=${inStock}&limit=${limit}`, {
    headers: BEARER,
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { skus: FeedSku[] }).skus;
}

/** What the web shop may promise of a SKU per location, and where it may offer click-and-collect. */
export async function availability(
  request: APIRequestContext,
  sku: string,
  options: { location?: string; quantity?: number } = {},
): Promise<Availability> {
  const query = new URLSearchParams({ channel: 'web', sku });
  if (options.location) query.set('location', options.location);
  if (options.quantity) query.set('quantity', String(options.quantity));
  const response = await request.get(`/api/v1/availability?${query}`, { headers: BEARER });
  expect(response.status()).toBe(200);
  return (await response.json()) as Availability;
}

/**
 * The first `count` SKUs of the feed (`limit` long, read from its end with `fromEnd`: specs running
 * side by side then take different SKUs) that the web shop may promise `units` of at every one of
 * `locations`. Throws when the demo data has not that many.
 */
export async function skusAvailableAt(
  request: APIRequestContext,
  locations: readonly string[],
  {
    units = 1,
    count = 1,
    limit = 200,
    fromEnd = false,
  }: { units?: number; count?: number; limit?: number; fromEnd?: boolean } = {},
): Promise<FeedSku[]> {
  const skus = await feedSkus(request, { limit });
  const found: FeedSku[] = [];
  for (const sku of fromEnd ? skus.reverse() : skus) {
    const a = await availability(request, sku.sku, locations.length === 1 ? { location: locations[0] } : {});
    const at = (code: string) => a.locations.find((l) => l.code === code)?.available ?? 0;
    if (locations.every((code) => at(code) >= units)) found.push(sku);
    if (found.length === count) return found;
  }
  throw new Error(`the demo has no ${count} SKU(s) of which ${locations.join(' and ')} can promise ${units}`);
}

/** A phone number no demo customer has: 06 plus eight digits drawn for this run, as typed and in E.164. */
export function newPhone(): { typed: string; e164: string } {
  const digits = String(Math.floor(10_000_000 + Math.random() * 89_999_999));
  return { typed: `06 ${digits.replace(/(\d{2})(?=\d)/g, '$1 ')}`, e164: `+336${digits}` };
}
