import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { availability, feedSkus } from './channel-api';
import { authFile, seriousViolations } from './fixtures';

// Settings → Stores as the owner: Toulouse's hours changed (a wrong closing time refused on its
// field first) and click-and-collect paused; the availability API then leaves Toulouse out. A store
// no other spec orders from, since a paused store refuses pickup orders and specs may run side by
// side; its settings are put back afterwards all the same.

const STORE = 'TLS · Comptoir Toulouse Capitole';

test.use({ storageState: authFile('owner'), viewport: { width: 1024, height: 768 } });

/** The stores the availability API offers a SKU at for pickup. */
async function pickupStores(request: APIRequestContext, sku: string): Promise<string[]> {
  const { pickup } = await availability(request, sku);
  return pickup.map((p) => p.location);
}

async function aSku(request: APIRequestContext): Promise<string> {
  const [sku] = await feedSkus(request, { limit: 1 });
  return sku.sku;
}

async function openStore(page: Page) {
  await page.goto('/settings/stores');
  await page.getByRole('link', { name: STORE, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: STORE })).toBeVisible();
}

test.afterAll(async ({ browser }) => {
  // Put Toulouse back as the seed left it: no hours, two hours to prepare, not paused.
  const page = await browser.newPage({ storageState: authFile('owner') });
  await openStore(page);
  for (const day of ['Monday', 'Tuesday']) {
    const remove = page.getByRole('button', { name: `Remove opening 1 on ${day}` });
    while ((await remove.count()) > 0) await remove.click();
  }
  await page.getByLabel('Preparation time (minutes)').fill('120');
  await page.getByLabel('Paused', { exact: true }).uncheck();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(`The settings of ${STORE} are saved.`)).toBeVisible();
  await page.close();
});

test('an owner changes Toulouse’s hours and pauses it; availability then leaves Toulouse out', async ({
  page,
  request,
}) => {
  const sku = await aSku(request);
  expect(await pickupStores(request, sku)).toContain('TLS');

  await page.goto('/settings/stores');
  await expect(
    page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Stores' }),
  ).toHaveAttribute('aria-current', 'page');
  const row = page.getByRole('row').filter({ hasText: STORE });
  await expect(row.getByText('On', { exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await openStore(page);
  const monday = page.locator('[data-day="1"]');
  await expect(monday.getByText('Closed')).toBeVisible();
  await page.getByRole('button', { name: 'Add hours on Monday' }).click();
  await expect(page.getByLabel('Monday, opening 1 opens')).toHaveValue('10:00');
  // Closing before opening: refused on its field before anything is sent.
  await page.getByLabel('Monday, opening 1 closes').fill('09:00');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(monday.getByText('Closing time must come after opening time.')).toBeVisible();
  await expect(page.getByLabel('Monday, opening 1 closes')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Monday, opening 1 closes').fill('19:00');
  // A second opening on Tuesday after a lunch break.
  await page.getByRole('button', { name: 'Add hours on Tuesday' }).click();
  await page.getByLabel('Tuesday, opening 1 closes').fill('13:00');
  await page.getByRole('button', { name: 'Add hours on Tuesday' }).click();
  await page.getByLabel('Tuesday, opening 2 opens').fill('14:00');
  await page.getByLabel('Tuesday, opening 2 closes').fill('19:00');
  await page.getByLabel('Preparation time (minutes)').fill('90');
  await page.getByLabel('Paused', { exact: true }).check();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(`The settings of ${STORE} are saved.`)).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/settings-store-1024.png', fullPage: true });

  // Paused: the channels' availability no longer offers Toulouse.
  expect(await pickupStores(request, sku)).not.toContain('TLS');

  await page.goto('/settings/stores');
  await expect(row.getByText('Paused', { exact: true })).toBeVisible();
  await expect(row).toContainText('Open 2 days a week');
  await expect(row).toContainText('90 minutes');
});

test('the stores read in French and fit the tablet', async ({ page, baseURL }) => {
  await page.context().addCookies([{ name: 'locale', value: 'fr', url: baseURL! }]);
  await page.goto('/settings/stores');
  await expect(page.getByRole('heading', { level: 2, name: 'Magasins' })).toBeVisible();
  await page.getByRole('link', { name: STORE, exact: true }).click();
  await expect(page.getByRole('button', { name: 'Ajouter une plage : Lundi' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/settings-store-fr-1024.png', fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
});
