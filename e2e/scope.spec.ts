import { expect, test, type Browser, type Page } from '@playwright/test';
import { authFile, type Role } from './fixtures';

// Demo data: the manager runs Paris (PAR) only; the seed has a received Lyon → Marseille transfer.
const MISSING = '00000000-0000-4000-8000-000000000000';

async function pageAs(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext({
    storageState: authFile(role),
    locale: 'en-US',
    timezoneId: 'Europe/Paris',
  });
  return context.newPage();
}

function transferRow(page: Page, route: string) {
  return page.getByRole('row').filter({ hasText: route });
}

test('a Paris manager cannot open a Lyon → Marseille transfer, nor see it listed', async ({ browser }) => {
  const owner = await pageAs(browser, 'owner');
  await owner.goto('/inventory/transfers');
  const href = await transferRow(owner, 'LYS → MRS').first().getByRole('link').first().getAttribute('href');
  expect(href).toMatch(/^\/inventory\/transfers\/[0-9a-f-]{36}$/);
  await owner.goto(href!);
  await expect(owner.getByRole('heading', { level: 1 })).toContainText('TR-');

  const manager = await pageAs(browser, 'manager');
  const response = await manager.goto(href!);
  await expect(manager).toHaveURL(/\/forbidden$/);
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this page');
  // Refused before the page streamed: a real redirect, not a 200 carrying the transfer's title.
  expect(response!.request().redirectedFrom()?.url()).toContain(href!);
  expect(await manager.title()).not.toContain('TR-');

  await manager.goto('/inventory/transfers?loc=all');
  await expect(transferRow(manager, 'WH-ORL → PAR').first()).toBeVisible();
  await expect(transferRow(manager, 'LYS → MRS')).toHaveCount(0);
});

test('a missing or malformed order, SKU or transfer answers 404 with the not-found page', async ({ browser }) => {
  const page = await pageAs(browser, 'owner');
  for (const url of [`/orders/${MISSING}`, '/orders/not-a-uuid', `/inventory/${MISSING}`, '/inventory/transfers/42']) {
    const response = await page.goto(url);
    expect(response!.status(), url).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  }
  const agent = await pageAs(browser, 'agent');
  expect((await agent.goto(`/customers/${MISSING}`))!.status()).toBe(404);
});

test('an agent sees no cost price or stock value; the owner does', async ({ browser }) => {
  const owner = await pageAs(browser, 'owner');
  await owner.goto('/inventory?sort=available&dir=desc');
  const href = await owner
    .getByRole('region', { name: 'Stock by SKU' })
    .locator('tbody tr')
    .first()
    .getByRole('link')
    .first()
    .getAttribute('href');
  await owner.goto(href!);
  await expect(owner.getByText('Cost', { exact: true })).toBeVisible();
  await expect(owner.getByRole('columnheader', { name: 'Stock value' })).toBeVisible();

  const agent = await pageAs(browser, 'agent');
  await agent.goto(href!);
  await expect(agent.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(agent.getByText('Price', { exact: true })).toBeVisible();
  await expect(agent.getByText('Cost', { exact: true })).toHaveCount(0);
  await expect(agent.getByRole('columnheader', { name: 'Stock value' })).toHaveCount(0);
});
