import { expect, test, type Browser, type Page } from '@playwright/test';
import { authFile, expectSignedIn, signIn, type Role } from './fixtures';

// Lyon is counted here, and Paris only read: the inventory spec counts at Paris, and the demo's
// open count CC-10001 (Paris, the shoes) is left as it is.
const LYON_MANAGER = { email: 'manager.lyon@comptoir.test', password: 'comptoir-demo' };

async function pageAs(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext({
    storageState: authFile(role),
    locale: 'en-US',
    timezoneId: 'Europe/Paris',
  });
  return context.newPage();
}

async function lyonManager(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await signIn(page, LYON_MANAGER.email, LYON_MANAGER.password);
  await expectSignedIn(page);
  return page;
}

/** The demo's open Paris count, as the owner sees it in the list. */
async function parisCount(browser: Browser): Promise<{ href: string; sku: string }> {
  const owner = await pageAs(browser, 'owner');
  await owner.goto('/inventory/counts');
  const link = owner.getByRole('link', { name: 'CC-10001', exact: true });
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/^\/inventory\/counts\/[0-9a-f-]{36}$/);
  await owner.goto(`${href}?show=all`);
  const sku = (await owner
    .getByRole('region', { name: 'Count lines' })
    .locator('tbody tr')
    .first()
    .getByRole('cell')
    .first()
    .textContent())!.trim();
  await owner.context().close();
  return { href, sku };
}

test('counts are read at their own location only: another store’s count is forbidden, a missing one is not found', async ({
  browser,
}) => {
  const { href } = await parisCount(browser);
  const lyon = await lyonManager(browser);
  await lyon.goto('/inventory/counts');
  await expect(lyon.getByRole('heading', { level: 1 })).toHaveText('Cycle counts');
  await expect(lyon.getByRole('link', { name: 'CC-10001', exact: true })).toHaveCount(0);
  await lyon.goto(href);
  await expect(lyon).toHaveURL(/\/forbidden$/);
  await expect(lyon).not.toHaveTitle(/CC-10001/);

  for (const path of ['/inventory/counts/not-a-count', '/inventory/counts/00000000-0000-4000-8000-000000000000']) {
    const response = await lyon.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await lyon.context().close();

  // Agents do not see counts: no tab, and the pages are forbidden.
  const agent = await pageAs(browser, 'agent');
  await agent.goto('/inventory');
  await expect(
    agent.getByRole('navigation', { name: 'Inventory sections' }).getByRole('link', { name: 'Counts' }),
  ).toHaveCount(0);
  for (const path of ['/inventory/counts', href]) {
    await agent.goto(path);
    await expect(agent).toHaveURL(/\/forbidden$/);
  }
  await agent.context().close();
});

test('a second count of SKUs already being counted is refused, naming the open count', async ({ browser }) => {
  const { sku } = await parisCount(browser);
  const page = await pageAs(browser, 'manager');
  await page.goto('/inventory/counts/new');
  await page.getByRole('radio', { name: 'A list of SKUs' }).check();
  await page.getByLabel('SKUs, one per line or separated by commas').fill(sku);
  await page.getByRole('button', { name: 'Start a count' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'CC-10001' });
  await expect(alert).toContainText('Count CC-10001 is still open at this location for some of these SKUs');
  await alert.getByRole('link', { name: 'Open CC-10001' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('CC-10001');
  await page.context().close();
});

test('an applied count keeps what was expected, counted and booked', async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const page = await lyonManager(browser);
  // The last SKU by code: none of the other specs counts or sells it.
  await page.goto('/inventory?sort=sku&dir=desc');
  const sku = (await page
    .getByRole('region', { name: 'Stock by SKU' })
    .locator('tbody tr')
    .first()
    .getByRole('cell')
    .nth(1)
    .locator('div')
    .first()
    .textContent())!.trim();

  await page.goto('/inventory/counts/new');
  await page.getByRole('radio', { name: 'A list of SKUs' }).check();
  await page.getByLabel('SKUs, one per line or separated by commas').fill(sku);
  await page.getByRole('button', { name: 'Start a count' }).click();
  await expect(page).toHaveURL(/\/inventory\/counts\/[0-9a-f-]{36}$/);
  const row = page.getByRole('region', { name: 'Count lines' }).locator('tbody tr').filter({ hasText: sku });
  const expected = Number((await row.getByRole('cell').nth(2).textContent())!.replace(/\D/g, ''));

  await page.getByRole('radio', { name: 'Type a quantity' }).check();
  await page.getByLabel('SKU or barcode').fill(sku);
  await page.getByLabel('Counted quantity').fill(String(expected + 2));
  await page.getByRole('button', { name: 'Record' }).click();
  await expect(page.getByText(`“${sku}”: ${expected + 2} counted`)).toBeVisible();
  await page.getByRole('button', { name: 'Apply differences' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Apply differences' }).click();
  await expect(page.getByText('Count applied. SKUs changed: 1.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Applied');
  await expect(page.getByText('Differences booked').locator('..')).toContainText('1');
  const cells = row.getByRole('cell');
  await expect(cells.nth(2)).toHaveText(String(expected));
  await expect(cells.nth(3)).toHaveText(String(expected + 2));
  await expect(cells.nth(4)).toHaveText('+2');
  await expect(cells.nth(5)).toHaveText(/€/);
  await expect(cells.nth(5)).not.toHaveText('€0.00');
  await page.screenshot({ path: testInfo.outputPath('count-applied.png'), fullPage: true });
  await page.context().close();
});
