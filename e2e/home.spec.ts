import { expect, test, type Page } from '@playwright/test';
import { authFile, seriousViolations } from './fixtures';

// The Paris manager's home: today at the store in tiles, each a link to the list it counts, the
// same figures as those lists; in French at 1024 px; no serious accessibility violation.

test.use({ storageState: authFile('manager') });

function today(page: Page) {
  return page.getByRole('region', { name: 'Today at Comptoir Paris Rivoli' });
}

/** The figure a tile shows. */
async function figure(page: Page, tile: string): Promise<number> {
  return Number(await today(page).locator(`[data-tile="${tile}"] p`).first().textContent());
}

test('the home shows today at Paris, each tile linking to its list', async ({ page }) => {
  await page.goto('/');
  const section = today(page);
  await expect(section).toBeVisible();
  // The store's id, from the first tile's link.
  const toPickHref = await section.getByRole('link', { name: 'To pick', exact: true }).getAttribute('href');
  const location = new URL(toPickHref!, 'http://x').searchParams.get('location')!;
  expect(location).toMatch(/^[0-9a-f-]{36}$/);

  const expected: [string, string][] = [
    ['To pick', `/pickups?location=${location}&tab=to_pick`],
    ['Late', `/pickups?location=${location}&tab=to_pick`],
    ['Due soon', `/pickups?location=${location}&tab=due_soon`],
    ['Expired today', `/pickups?location=${location}&tab=expired`],
    ['Transfers to receive', `/inventory/transfers?loc=${location}`],
    ['Low stock', `/inventory?loc=${location}&status=low`],
  ];
  for (const [name, href] of expected) {
    await expect(section.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
  }
  expect(await seriousViolations(page)).toEqual([]);

  // To pick: the queue's own tab count.
  const toPick = await figure(page, 'toPick');
  await section.getByRole('link', { name: 'To pick', exact: true }).click();
  await expect(page).toHaveURL(/\/pickups\?location=.*&tab=to_pick$/);
  const tab = page.getByRole('navigation', { name: 'Pickup queue' }).getByRole('link', { name: /^To pick/ });
  await expect(tab).toHaveAttribute('aria-current', 'page');
  await expect(tab.locator('span').first()).toHaveText(String(toPick));

  // Due soon: the queue's tab of that name.
  await page.goto('/');
  const dueSoon = await figure(page, 'dueSoon');
  await today(page).getByRole('link', { name: 'Due soon', exact: true }).click();
  const dueTab = page.getByRole('navigation', { name: 'Pickup queue' }).getByRole('link', { name: /^Due soon/ });
  await expect(dueTab).toHaveAttribute('aria-current', 'page');
  await expect(dueTab.locator('span').first()).toHaveText(String(dueSoon));

  // Transfers to receive: the store's incoming list.
  await page.goto('/');
  await today(page).getByRole('link', { name: 'Transfers to receive', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Incoming' })).toBeVisible();

  // Low stock: the stock list filtered to the store's low rows.
  await page.goto('/');
  const low = await figure(page, 'lowStock');
  await today(page).getByRole('link', { name: 'Low stock', exact: true }).click();
  await expect(page).toHaveURL(/\/inventory\?loc=.*&status=low$/);
  if (low === 0) await expect(page.getByRole('table')).toHaveCount(0);
  else await expect(page.getByRole('table').first()).toBeVisible();
});

test.describe('in French at 1024 px', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('the tiles read in French and fit the tablet', async ({ page, baseURL }) => {
    await page.context().addCookies([{ name: 'locale', value: 'fr', url: baseURL! }]);
    await page.goto('/');
    const section = page.getByRole('region', { name: 'Aujourd’hui à Comptoir Paris Rivoli' });
    await expect(section).toBeVisible();
    for (const name of [
      'À préparer',
      'En retard',
      'Bientôt échus',
      'Expirés aujourd’hui',
      'Transferts à recevoir',
      'Stock bas',
    ]) {
      await expect(section.getByRole('link', { name, exact: true })).toBeVisible();
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/home-fr-1024.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('as the owner', () => {
  test.use({ storageState: authFile('owner') });

  test('an owner chooses a store and gets the same tiles', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('region', { name: /^Today at/ })).toHaveCount(0);
    await page.getByLabel('Store', { exact: true }).selectOption({ label: 'PAR · Comptoir Paris Rivoli' });
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(page).toHaveURL(/\/\?store=[0-9a-f-]{36}$/);
    const section = today(page);
    await expect(section.getByRole('link', { name: 'To pick', exact: true })).toBeVisible();
    await expect(section.getByRole('link', { name: 'Low stock', exact: true })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
