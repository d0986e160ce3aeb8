import { expect, test, type Route } from '@playwright/test';
import { authFile } from './fixtures';

// The list filters apply as they change; the GET form behind them still works without JavaScript.
test.describe('list filters', () => {
  test.use({ storageState: authFile('owner') });

  test('an orders filter applies without pressing Apply, and typing waits for a pause', async ({ page }) => {
    await page.goto('/orders');
    const filters = page.getByRole('region', { name: 'Filter the orders' });
    await expect(filters.getByRole('button', { name: 'Apply' })).toBeHidden();
    await filters.getByLabel('Status').selectOption({ label: 'Placed' });
    await expect(page).toHaveURL(/[?&]status=placed(&|$)/);
    const rows = page.getByRole('region', { name: 'Orders', exact: true }).locator('tbody tr');
    await expect(rows.first()).toContainText('Placed');

    await filters.getByLabel('Search').pressSequentially('CMP-', { delay: 30 });
    await expect(page).toHaveURL(/[?&]q=CMP-(&|$)/);
    await expect(page).toHaveURL(/[?&]status=placed(&|$)/);
  });

  test('a stock filter applies without a button', async ({ page }) => {
    await page.goto('/inventory');
    const filters = page.getByRole('region', { name: 'Filter the stock list' });
    await expect(filters.getByRole('button', { name: 'Apply' })).toBeHidden();
    await filters.getByLabel('Stock status').selectOption({ label: 'Out of stock' });
    await expect(page).toHaveURL(/[?&]status=out(&|$)/);
    await filters.getByRole('searchbox', { name: 'Search' }).fill('zzz-no-such-product');
    await expect(page).toHaveURL(/[?&]q=zzz-no-such-product(&|$)/);
  });

  test('a filter changed while the page was still loading is applied once it has loaded', async ({ page }) => {
    // The page's scripts are held until the choice is made: the field is the one the server rendered.
    const held: Route[] = [];
    let holding = true;
    await page.route('**/_next/static/chunks/**', (route) => (holding ? void held.push(route) : route.continue()));
    await page.goto('/inventory', { waitUntil: 'commit' });
    const filters = page.getByRole('region', { name: 'Filter the stock list' });
    await filters.getByLabel('Stock status').selectOption({ label: 'Out of stock' });
    expect(held.length).toBeGreaterThan(0);
    await expect(page).not.toHaveURL(/status=/);

    holding = false;
    await Promise.all(held.map((route) => route.continue()));
    await expect(page).toHaveURL(/[?&]status=out(&|$)/);
    await expect(filters.getByLabel('Stock status')).toHaveValue('out');
  });

  test('the location menu, loaded on first use, opens at the first click and filters by location', async ({ page }) => {
    await page.goto('/inventory');
    const filters = page.getByRole('region', { name: 'Filter the stock list' });
    await filters.getByRole('button', { name: /^Locations: / }).click();
    const menu = page.getByRole('menu');
    await expect(menu).toBeVisible();
    const locations = menu.getByRole('menuitemcheckbox');
    await expect(locations.first()).toBeChecked();
    const second = locations.nth(1);
    await expect(second).toBeChecked();
    await second.click();
    await expect(page).toHaveURL(/[?&]loc=/);
    await expect(second).not.toBeChecked();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(filters.getByRole('button', { name: /^Locations: / })).toBeFocused();
  });
});

test.describe('list filters without JavaScript', () => {
  // Without JavaScript a browser never gets past the lists' loading boundary (streamed content is
  // revealed by a script), so this one says it is a client Next.js sends the whole page at once.
  test.use({
    storageState: authFile('owner'),
    javaScriptEnabled: false,
    userAgent: 'Mozilla/5.0 (compatible; Bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  });

  test('are a GET form with its Apply button', async ({ page }) => {
    await page.goto('/orders');
    const orders = page.getByRole('region', { name: 'Filter the orders' });
    await orders.getByLabel('Status').selectOption({ label: 'Placed' });
    await orders.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/\/orders\?(.*&)?status=placed(&|$)/);

    await page.goto('/inventory');
    const stock = page.getByRole('region', { name: 'Filter the stock list' });
    await stock.getByLabel('Stock status').selectOption({ label: 'Out of stock' });
    await stock.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/\/inventory\?(.*&)?status=out(&|$)/);
  });
});
