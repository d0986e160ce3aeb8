import { expect, test, type APIRequestContext } from '@playwright/test';
import { availability, feedSkus, placeOrder } from './channel-api';
import { authFile, seriousViolations } from './fixtures';

// The Paris manager's pickup queue: tabs with counts, a new pickup order appearing live without a
// reload, Lyon's queue out of reach, in French at 1024 px, and no serious accessibility violation.

test.use({ storageState: authFile('manager') });

/** A SKU Paris can promise now, with its price. */
async function skuAtParis(request: APIRequestContext): Promise<{ sku: string; priceCents: number }> {
  for (const sku of await feedSkus(request, { limit: 100 })) {
    const at = await availability(request, sku.sku, { location: 'PAR' });
    if (at.pickup[0]?.readyIn === 'today') return sku;
  }
  throw new Error('no SKU of the demo is available at Paris');
}

test('a pickup order posted for Paris appears in the open queue without a reload', async ({ page, request }) => {
  await page.goto('/pickups');
  await expect(page.getByRole('heading', { level: 1, name: 'Click & collect' })).toBeVisible();
  const tabs = page.getByRole('navigation', { name: 'Pickup queue' });
  const toPick = tabs.getByRole('link', { name: /^To pick/ });
  await expect(toPick).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('[data-live-state="live"]')).toBeVisible();
  const before = Number(await toPick.locator('span').first().textContent());

  const sku = await skuAtParis(request);
  const order = await placeOrder(request, {
    prefix: 'E2E-QUEUE',
    customer: { email: 'queue@example.fr', firstName: 'Maëlle', lastName: 'Queue' },
    lines: [{ sku, quantity: 1 }],
    fulfilment: { type: 'pickup', locationCode: 'PAR' },
  });

  // Live: the card and the count arrive with no navigation.
  const card = page.getByRole('listitem').filter({ hasText: `Order ${order.number}` });
  await expect(card).toBeVisible({ timeout: 5_000 });
  await expect(card).toContainText('Maëlle Queue');
  await expect(card).toContainText(sku.sku);
  await expect(toPick.locator('span').first()).toHaveText(String(before + 1));
  await expect(card.getByRole('link', { name: 'Pick' })).toBeVisible();

  expect(await seriousViolations(page)).toEqual([]);
});

test('the Paris manager cannot read Lyon’s queue', async ({ page, request }) => {
  const sku = await skuAtParis(request);
  const lookup = await page.request.get(`/inventory/lookup?code=${encodeURIComponent(sku.sku)}`);
  const { levels } = (await lookup.json()) as { levels: { locationId: string; code: string }[] };
  const lyon = levels.find((l) => l.code === 'LYS')!;
  const paris = levels.find((l) => l.code === 'PAR')!;
  expect((await page.request.get(`/pickups/queue?location=${paris.locationId}`)).status()).toBe(200);
  const refused = await page.request.get(`/pickups/queue?location=${lyon.locationId}`);
  expect(refused.status()).toBe(403);
  expect((await page.request.get('/pickups/queue?location=nope')).status()).toBe(400);
  // The page ignores a store that is not theirs and shows their own; one store, no chooser.
  await page.goto(`/pickups?location=${lyon.locationId}`);
  await expect(page.getByRole('navigation', { name: 'Pickup queue' })).toBeVisible();
  await expect(page.getByLabel('Store')).toHaveCount(0);
});

test.describe('in French at 1024 px', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('the queue reads in French and fits the tablet', async ({ page, baseURL }) => {
    await page.context().addCookies([{ name: 'locale', value: 'fr', url: baseURL! }]);
    await page.goto('/pickups');
    await expect(page.getByRole('heading', { level: 1, name: 'Click & collect' })).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'File des retraits' }).getByRole('link', { name: /^À préparer/ }),
    ).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/pickups-queue-fr-1024.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
