/**
 * npm run simulate:channels -- --url http://localhost:3000 --rate 20 [--duration 60 | --count 500]
 *   [--concurrency 16] [--replay 0.02] [--seed 42]
 *
 * Posts a realistic stream of signed orders from every demo channel (web, marketplaces, store
 * tills, phone) to a running Comptoir: channel mix, click-and-collect share, counter sales,
 * 1–3 lines from SKUs in stock (read from the channel SKU feed), and a few replayed deliveries
 * to show idempotency. Prints what came back, by status, with latency percentiles.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { signBody } from '../lib/channels/signature';
import { DEMO_CHANNELS, DEMO_LOCATIONS } from '@/lib/seed/constants';
import { Rng } from '@/lib/seed/random';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    rate: { type: 'string', default: '10' },
    duration: { type: 'string' },
    count: { type: 'string' },
    concurrency: { type: 'string', default: '16' },
    replay: { type: 'string', default: '0.02' },
    seed: { type: 'string', default: String(Date.now() % 100000) },
  },
});
const base = values.url.replace(/\/$/, '');
const rate = Number(values.rate);
const concurrency = Number(values.concurrency);
const replayShare = Number(values.replay);
const limit = values.count
  ? Number(values.count)
  : values.duration
    ? Math.round(Number(values.duration) * rate)
    : Math.round(60 * rate);
if (!(rate > 0) || !(limit > 0) || !(concurrency > 0)) {
  console.error('Usage: --url <base> --rate <orders/s> [--duration <s> | --count <n>] [--concurrency 16]');
  process.exit(2);
}
const rng = new Rng(Number(values.seed));
const web = DEMO_CHANNELS.find((c) => c.code === 'web')!;
const stores = DEMO_LOCATIONS.filter((l) => l.kind === 'store');

type Sku = { sku: string; priceCents: number };
async function loadSkus(): Promise<Sku[]> {
  const out: Sku[] = [];
  let after = '';
  while (out.length < 2000) {
    const res = await fetch(
      `${base}/api/v1/skus?channel=web&inStock=true&limit=1000&after=${encodeURIComponent(after)}`,
      {
        headers: { authorization: `Bearer ${web.secret}` },
      },
    );
    if (!res.ok) throw new Error(`SKU feed answered ${res.status}: ${await res.text()}`);
    const page = (await res.json()) as { skus: Sku[]; next: string | null };
    out.push(...page.skus);
    if (!page.next) break;
    after = page.next;
  }
  if (out.length === 0) throw new Error('No SKU in stock: seed the database first.');
  return out;
}

function pickChannel() {
  let x = rng.next() * DEMO_CHANNELS.reduce((a, c) => a + c.share, 0);
  for (const c of DEMO_CHANNELS) if ((x -= c.share) <= 0) return c;
  return DEMO_CHANNELS[0];
}

function buildOrder(skus: Sku[]) {
  const channel = pickChannel();
  const lines = Array.from({ length: 1 + Math.floor(rng.next() * rng.next() * 3) }, () => {
    const s = skus[Math.floor(rng.next() * skus.length)];
    return { sku: s.sku, quantity: rng.next() < 0.85 ? 1 : 2, unitPriceCents: s.priceCents };
  });
  const unique = [...new Map(lines.map((l) => [l.sku, l])).values()];
  const subtotal = unique.reduce((a, l) => a + l.quantity * l.unitPriceCents, 0);
  const store = stores[Math.floor(rng.next() * stores.length)];
  const fulfilment =
    channel.kind === 'pos'
      ? { type: 'in_store', locationCode: store.code }
      : rng.next() < 0.12
        ? { type: 'pickup', locationCode: store.code }
        : {
            type: 'ship',
            address: {
              line1: `${1 + Math.floor(rng.next() * 120)} rue de la République`,
              postalCode: '69002',
              city: 'Lyon',
              country: 'FR',
            },
          };
  const shipping = fulfilment.type === 'ship' && subtotal < 6000 ? 490 : 0;
  const n = Math.floor(rng.next() * 1e9);
  const body = JSON.stringify({
    externalId: `${channel.code.toUpperCase()}-SIM-${randomUUID().slice(0, 13)}`,
    placedAt: new Date().toISOString(),
    currency: 'EUR',
    customer: {
      email: `client${n % 50000}@exemple.fr`,
      firstName: 'Client',
      lastName: `N°${n % 50000}`,
      buyerId: channel.kind === 'marketplace' ? `B${n % 50000}` : undefined,
    },
    lines: unique,
    fulfilment,
    totals: {
      subtotalCents: subtotal,
      discountCents: 0,
      shippingCents: shipping,
      taxCents: Math.round((subtotal + shipping) / 6),
      totalCents: subtotal + shipping,
    },
  });
  return { channel, body };
}

const skus = await loadSkus();
console.log(`Simulating ${limit} orders at ${rate}/s against ${base} (${skus.length} SKUs in stock)…`);
const statuses = new Map<string, number>();
const latencies: number[] = [];
const sent: { channel: (typeof DEMO_CHANNELS)[number]; body: string }[] = [];
const start = performance.now();
let issued = 0;
let inFlight = 0;

async function deliver(order: { channel: (typeof DEMO_CHANNELS)[number]; body: string }, label?: string) {
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}/api/v1/channels/${order.channel.code}/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-comptoir-signature': signBody(order.channel.secret, order.body),
      },
      body: order.body,
    });
    const json = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
    const key = label ?? (res.ok ? String(res.status) : `${res.status} ${json.error?.code ?? ''}`.trim());
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
  } catch (e) {
    statuses.set('network error', (statuses.get('network error') ?? 0) + 1);
    if (statuses.get('network error') === 1) console.error(e);
  }
  latencies.push(performance.now() - t0);
}

await new Promise<void>((resolve) => {
  const tick = setInterval(() => {
    const due = Math.min(limit, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
    while (issued < due && inFlight < concurrency) {
      const replay = sent.length > 0 && rng.next() < replayShare;
      const order = replay ? sent[Math.floor(rng.next() * sent.length)] : buildOrder(skus);
      if (!replay) sent.push(order);
      issued += 1;
      inFlight += 1;
      void deliver(order, replay ? 'replay (200 expected)' : undefined).finally(() => {
        inFlight -= 1;
        if (issued >= limit && inFlight === 0) {
          clearInterval(tick);
          resolve();
        }
      });
    }
  }, 10);
});

const seconds = (performance.now() - start) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
console.table(Object.fromEntries([...statuses].sort()));
console.log(
  `${issued} deliveries in ${seconds.toFixed(1)} s (${(issued / seconds).toFixed(1)}/s); latency p50 ${pct(50)} ms, p95 ${pct(95)} ms.`,
);
