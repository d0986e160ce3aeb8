import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { addChannelCredential } from '../../lib/channels/credentials';
import { signBody } from '../../lib/channels/signature';
import { hashPassword } from '../../lib/auth/password';
import { percentile, summarize, type Scenario } from '../harness';
import { postJson, startServer } from '../server';

const GOAL_P95_MS = 1000;
/** The lane's port (coord protocol): the bench's server listens there for this scenario. */
const PORT = 3205;
const STOCK = 100_000;

type Made = { storeId: string; channelId: string; productId: string; variantId: string; userId: string };

/**
 * pickups.live — a pickup order posted by a channel reaching a store's open /pickups page: from
 * the POST (signed, to the production build the bench starts) to its event on the stream the page
 * follows (GET /api/backoffice/live?topic=pickups:<store>, server-sent events, read by a client
 * signed in as the store's manager through Auth.js's own sign-in). Orders one at a time at an
 * irregular pace, as a store sees them. The figure runs from sending the POST, so it includes the
 * ingestion itself: the event may even arrive before the 201 (NOTIFY goes at commit, the answer
 * after it); the note gives the 201-to-event figures too. Baseline, in the same run: the same POST
 * with nobody following the store (its answer is all there is to wait for).
 *
 * It writes to a store, a channel, a SKU and a manager of its own (the orders' customers too), all
 * deleted at the end with the orders, their ledger, KPI rows and messages.
 */
export const pickupsLive: Scenario = {
  name: 'pickups.live',
  goal: `p95 < ${GOAL_P95_MS} ms from the POST to the event`,
  async run(ctx) {
    const db = ctx.handle.db;
    const n = Math.max(10, Math.round(60 * ctx.options.scale));
    const run = randomUUID().slice(0, 6).toUpperCase();
    const tag = `bench-live-${run.toLowerCase()}`;
    const storeCode = `BLV-${run}`;
    const sku = `BENCH-LIVE-${run}`;
    const email = `${tag}@bench.example`;
    const password = `${randomUUID()}-${randomUUID()}`;
    const made = await makeFixtures(db, { tag, storeCode, sku, email, password });
    const { value: secret } = await addChannelCredential(db, { channelId: made.channelId, kind: 'signing' });

    const server = await startServer(ctx.databaseUrl, ctx.log, PORT);
    let stream: LiveStream | null = null;
    try {
      const cookie = await signIn(server.url, email, password);
      const post = async (i: number, phase: string) => {
        const raw = JSON.stringify({
          externalId: `${tag}-${phase}-${i}`,
          placedAt: new Date().toISOString(),
          currency: 'EUR',
          customer: { email: `${tag}-${phase}-${i}@bench.example`, firstName: 'Léa', lastName: 'Bench' },
          lines: [{ sku, quantity: 1, unitPriceCents: 2500 }],
          fulfilment: { type: 'pickup', locationCode: storeCode },
          totals: { subtotalCents: 2500, totalCents: 2500 },
        });
        const sent = performance.now();
        const res = await postJson(`${server.url}/api/v1/channels/${tag}/orders`, raw, {
          'x-comptoir-signature': signBody(secret, raw),
        });
        const answered = performance.now();
        if (res.status !== 201)
          throw new Error(`pickups.live: order answered ${res.status} ${JSON.stringify(res.json)}`);
        return { id: (res.json as { order: { id: string } }).order.id, sent, answered };
      };
      const pause = () => new Promise((r) => setTimeout(r, 100 + Math.random() * 300));

      // Warm-up: the first requests compile routes and open connections.
      for (let i = 0; i < 5; i++) await post(i, 'w');

      stream = await follow(server.url, `pickups:${made.storeId}`, cookie);
      const toEvent: number[] = [];
      const answerToEvent: number[] = [];
      const postOnly: number[] = [];
      for (let i = 0; i < n; i++) {
        await pause();
        const order = await post(i, 'o');
        const event = await stream.wait(order.id, 5000);
        toEvent.push(event.at - order.sent);
        answerToEvent.push(event.at - order.answered);
        postOnly.push(order.answered - order.sent);
      }
      stream.close();
      stream = null;

      // Baseline: the same POST with no one following.
      const base: number[] = [];
      for (let i = 0; i < n; i++) {
        await pause();
        const order = await post(i, 'b');
        base.push(order.answered - order.sent);
      }
      const ours = summarize(toEvent);
      const f = (ms: number[], p: number) => percentile(ms, p).toFixed(0);
      return {
        ours,
        baseline: summarize(base),
        ok: ours.p95_ms < GOAL_P95_MS,
        note:
          `${n} pickup orders one at a time to a store followed over SSE by its manager; 201 → event p50 ${f(answerToEvent, 50)} ms, ` +
          `p95 ${f(answerToEvent, 95)} ms (below 0: heard before the answer); the POST alone while followed p50 ${f(postOnly, 50)} / p95 ${f(postOnly, 95)} ms; ` +
          'baseline: the POST with no one following (to its 201)',
      };
    } finally {
      stream?.close();
      await server.stop();
      await cleanUp(db, made, tag);
    }
  },
};

async function makeFixtures(
  db: Db,
  input: { tag: string; storeCode: string; sku: string; email: string; password: string },
): Promise<Made> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const one = async (q: ReturnType<typeof sql>) => (await tx.execute<{ id: string }>(q)).rows[0].id;
    const storeId = await one(sql`
      insert into locations (code, name, kind, city, pickup_enabled)
      values (${input.storeCode}, ${input.tag}, 'store', 'Bench', true) returning id`);
    const channelId = await one(
      sql`insert into channels (code, name, kind) values (${input.tag}, ${input.tag}, 'web') returning id`,
    );
    const productId = await one(
      sql`insert into products (name, brand, category) values (${`Bench live ${input.tag}`}, 'Bench', 'Bench') returning id`,
    );
    const variantId = await one(sql`
      insert into variants (product_id, sku, title, price_cents, cost_cents)
      values (${productId}, ${input.sku}, 'Unique', 2500, 1000) returning id`);
    await tx.execute(
      sql`insert into inventory_levels (variant_id, location_id, on_hand) values (${variantId}, ${storeId}, ${STOCK})`,
    );
    await tx.execute(sql`
      insert into inventory_movements (variant_id, location_id, delta_on_hand, reason, reference_type, reference_id)
      values (${variantId}, ${storeId}, ${STOCK}, 'receipt', 'receipt', ${input.tag})`);
    const userId = await one(sql`
      insert into staff_users (email, name, password_hash, role)
      values (${input.email}, 'Bench Live', ${passwordHash}, 'manager') returning id`);
    await tx.execute(sql`insert into user_locations (user_id, location_id) values (${userId}, ${storeId})`);
    return { storeId, channelId, productId, variantId, userId };
  });
}

async function cleanUp(db: Db, made: Made, tag: string): Promise<void> {
  await db.transaction(async (tx) => {
    const orders = sql`(select id from orders where channel_id = ${made.channelId})`;
    await tx.execute(sql`delete from notification_outbox where order_id in ${orders}`);
    // Lines, timeline, reservations and pickups go with their orders; then their customers.
    const { rows } = await tx.execute<{ customer_id: string | null }>(
      sql`delete from orders where channel_id = ${made.channelId} returning customer_id`,
    );
    const customers = [...new Set(rows.flatMap((r) => (r.customer_id ? [r.customer_id] : [])))];
    if (customers.length) {
      await tx.execute(
        sql`delete from customer_identities where customer_id = any(${`{${customers.join(',')}}`}::uuid[])`,
      );
      await tx.execute(sql`delete from customers where id = any(${`{${customers.join(',')}}`}::uuid[])`);
    }
    await tx.execute(sql`delete from kpi_daily where channel_id = ${made.channelId} or location_id = ${made.storeId}`);
    await tx.execute(sql`delete from inventory_movements where location_id = ${made.storeId}`);
    await tx.execute(sql`delete from inventory_levels where location_id = ${made.storeId}`);
    await tx.execute(sql`delete from variants where id = ${made.variantId}`);
    await tx.execute(sql`delete from products where id = ${made.productId}`);
    await tx.execute(sql`delete from user_locations where user_id = ${made.userId}`);
    await tx.execute(sql`delete from staff_users where id = ${made.userId}`);
    await tx.execute(sql`delete from login_throttle where key like ${`%${tag}%`}`);
    await tx.execute(sql`delete from channels where id = ${made.channelId}`);
    await tx.execute(sql`delete from locations where id = ${made.storeId}`);
  });
}

/** Cookies of a response, as one Cookie header's pairs by name. */
function cookiesOf(res: http.IncomingMessage, into: Map<string, string>): void {
  for (const c of res.headers['set-cookie'] ?? []) {
    const pair = c.split(';')[0];
    const eq = pair.indexOf('=');
    into.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
}

function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ res: http.IncomingMessage; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ res, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Signs in through Auth.js's credentials callback (what the login form ends up calling); the Cookie header. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await request(`${base}/api/auth/csrf`, {});
  cookiesOf(csrf.res, jar);
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/` }).toString();
  const signed = await request(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body,
  });
  cookiesOf(signed.res, jar);
  if (![...jar.keys()].some((k) => k.includes('session-token')))
    throw new Error(`pickups.live: sign-in failed (${signed.res.statusCode} ${signed.res.headers.location ?? ''})`);
  return header();
}

type LiveStream = {
  /** When the event about `id` arrived (it may have before the call: every event is kept). */
  wait: (id: string, timeoutMs: number) => Promise<{ at: number }>;
  close: () => void;
};

/** Follows a topic over server-sent events as the page's EventSource does; resolves once the server says it listens. */
function follow(base: string, topic: string, cookie: string): Promise<LiveStream> {
  const heard = new Map<string, number>();
  const waiters = new Map<string, (at: number) => void>();
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${base}/api/backoffice/live?topic=${encodeURIComponent(topic)}`,
      { headers: { cookie, accept: 'text/event-stream' } },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`pickups.live: the stream answered ${res.statusCode}`));
          res.resume();
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          const at = performance.now();
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const lines = block.split('\n');
            const event = lines
              .find((l) => l.startsWith('event:'))
              ?.slice(6)
              .trim();
            const data = lines
              .find((l) => l.startsWith('data:'))
              ?.slice(5)
              .trim();
            if (event === 'ready') resolve(stream);
            else if (!event && data) {
              const { id } = JSON.parse(data) as { id: string };
              heard.set(id, at);
              waiters.get(id)?.(at);
            }
          }
        });
      },
    );
    req.on('error', reject);
    const stream: LiveStream = {
      wait: (id, timeoutMs) =>
        new Promise((done, fail) => {
          const at = heard.get(id);
          if (at !== undefined) return done({ at });
          const timer = setTimeout(
            () => fail(new Error(`pickups.live: no event for ${id} within ${timeoutMs} ms`)),
            timeoutMs,
          );
          waiters.set(id, (t) => {
            clearTimeout(timer);
            done({ at: t });
          });
        }),
      close: () => req.destroy(),
    };
  });
}
