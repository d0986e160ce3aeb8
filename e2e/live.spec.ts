import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { postSigned, skusAvailableAt } from './channel-api';
import { authFile } from './fixtures';

// The live updates' stream (GET /api/backoffice/live), from a signed-in page, before the pickup
// queue that will use it exists: the Paris manager follows Paris's queue, a channel posts a pickup
// order for Paris, and the event reaches the open page.

test.use({ storageState: authFile('manager') });

/** Location ids by code, from the lookup route the line editors use. */
async function locationIds(page: Page, sku: string): Promise<Record<string, string>> {
  const res = await page.request.get(`/inventory/lookup?code=${encodeURIComponent(sku)}`);
  expect(res.ok()).toBe(true);
  const { levels } = (await res.json()) as { levels: { locationId: string; code: string }[] };
  return Object.fromEntries(levels.map((l) => [l.code, l.locationId]));
}

type Heard = { id: string; kind: string; topic: string; ms: number };

/** Opens an EventSource on `topic` in the page; resolves when the server says it listens. */
async function follow(page: Page, topic: string): Promise<void> {
  await page.evaluate(
    (topic) =>
      new Promise<void>((resolve, reject) => {
        const heard: Heard[] = [];
        const source = new EventSource(`/api/backoffice/live?topic=${encodeURIComponent(topic)}`);
        Object.assign(window, { liveHeard: heard });
        source.addEventListener('message', (e: MessageEvent<string>) =>
          heard.push({ ...(JSON.parse(e.data) as Omit<Heard, 'ms'>), ms: Date.now() }),
        );
        source.addEventListener('ready', () => resolve());
        source.addEventListener('error', () => reject(new Error('the live stream failed')));
      }),
    topic,
  );
}

const heard = (page: Page) => page.evaluate(() => (window as unknown as { liveHeard: Heard[] }).liveHeard);

test('a pickup order posted for Paris reaches the Paris manager’s open page within a second', async ({
  page,
  request,
}) => {
  const [sku] = await skusAvailableAt(request, ['PAR'], { limit: 100 });
  const ids = await locationIds(page, sku.sku);
  await page.goto('/');
  await follow(page, `pickups:${ids.PAR}`);

  const response = await postSigned(request, '/api/v1/channels/web/orders', {
    externalId: `E2E-LIVE-${randomUUID()}`,
    placedAt: new Date().toISOString(),
    currency: 'EUR',
    customer: { email: 'live@example.fr', firstName: 'Léa' },
    lines: [{ sku: sku.sku, quantity: 1, unitPriceCents: sku.priceCents }],
    fulfilment: { type: 'pickup', locationCode: 'PAR' },
    totals: { subtotalCents: sku.priceCents, totalCents: sku.priceCents },
  });
  const answered = Date.now();
  expect(response.status()).toBe(201);
  const { order } = (await response.json()) as { order: { id: string } };

  await expect.poll(async () => (await heard(page)).map((e) => e.id), { timeout: 5_000 }).toContain(order.id);
  const event = (await heard(page)).find((e) => e.id === order.id)!;
  expect(event).toMatchObject({ topic: `pickups:${ids.PAR}`, kind: 'order.placed' });
  expect(event.ms - answered).toBeLessThan(1_000);
});

test('the stream refuses the Paris manager Lyon’s queue and a topic it does not know, saying why', async ({ page }) => {
  const [sku] = await skusAvailableAt(page.request, ['PAR'], { limit: 100 });
  const ids = await locationIds(page, sku.sku);
  const lyon = await page.request.get(`/api/backoffice/live?topic=pickups:${ids.LYS}`);
  expect(lyon.status()).toBe(403);
  expect(((await lyon.json()) as { error: { message: string } }).error.message).toMatch(/not one of your locations/);
  const unknown = await page.request.get('/api/backoffice/live?topic=everything');
  expect(unknown.status()).toBe(400);
  expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/topic=pickups:/);
});
