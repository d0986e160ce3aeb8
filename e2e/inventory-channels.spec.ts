import { expect, test, type Browser, type Page, type Request } from '@playwright/test';
import { authFile, seriousViolations, type Role } from './fixtures';

// Amazon.fr, on the last SKU by code: the demo seed ring-fences Zalando only, the orders specs
// sell through the web shop, and the other inventory specs work on the SKUs with the most stock,
// so a cap here changes nothing of theirs.
const CHANNEL = 'Amazon.fr';
/** The store tills (canonical name "Caisses des magasins"), as an English reader sees them. */
const OTHER = 'Store tills';

async function pageAs(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext({
    storageState: authFile(role),
    locale: 'en-US',
    timezoneId: 'Europe/Paris',
  });
  return context.newPage();
}

/** The page and code of a demo SKU: the last one by SKU code. */
async function skuPage(page: Page): Promise<{ href: string; sku: string }> {
  await page.goto('/inventory?sort=sku&dir=desc');
  const row = page.getByRole('region', { name: 'Stock by SKU' }).locator('tbody tr').first();
  const href = await row.getByRole('link').first().getAttribute('href');
  const sku = (await row.getByRole('cell').nth(1).locator('div').first().textContent())?.trim();
  expect(href).toMatch(/^\/inventory\/[0-9a-f-]{36}$/);
  expect(sku).toBeTruthy();
  return { href: href!, sku: sku! };
}

function limits(page: Page) {
  return page.getByRole('region', { name: 'Channel limits of this SKU' });
}

function channelRow(page: Page, name: string) {
  return limits(page).getByRole('row').filter({ hasText: name });
}

/** The Limit cell of a channel ("No limit" or a number). */
function limitCell(page: Page, name: string) {
  return channelRow(page, name).getByRole('cell').nth(1);
}

test.describe.configure({ mode: 'serial' });

test('the owner sets a channel limit on a SKU, sees it, and removes it only after confirming', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await pageAs(browser, 'owner');
  const { href, sku } = await skuPage(page);
  await page.goto(href);
  await expect(page.getByRole('heading', { level: 2, name: 'Channel limits' })).toBeVisible();
  // Every channel, by the names an English reader sees (the demo's French ones have English names; brands none).
  for (const name of ['Online shop', 'Amazon.fr', 'Zalando', 'Store tills', 'Customer service (phone)']) {
    await expect(channelRow(page, name)).toHaveCount(1);
  }
  await expect(limitCell(page, CHANNEL)).toHaveText('No limit');
  await expect(channelRow(page, CHANNEL).getByRole('button', { name: `Remove the limit of ${CHANNEL}` })).toHaveCount(
    0,
  );

  // A blank or negative value is refused in the dialog, under the field, before any request; nothing is saved.
  const actions: string[] = [];
  const countActions = (r: Request) => {
    if (r.method() === 'POST' && r.headers()['next-action']) actions.push(r.url());
  };
  page.on('request', countActions);
  await channelRow(page, CHANNEL)
    .getByRole('button', { name: `Set limit for ${CHANNEL}` })
    .click();
  const dialog = page.getByRole('dialog', { name: `Limit for ${CHANNEL}` });
  await expect(dialog).toContainText(sku);
  const field = dialog.getByLabel('Maximum units');
  await dialog.getByRole('button', { name: 'Save limit' }).click();
  await expect(field).toHaveAccessibleDescription('Enter a whole number from 0 to 1,000,000.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.fill('-2');
  await dialog.getByRole('button', { name: 'Save limit' }).click();
  await expect(field).toHaveAccessibleDescription('Enter a whole number from 0 to 1,000,000.');
  expect(actions).toEqual([]);
  page.off('request', countActions);

  await dialog.getByLabel('Maximum units').fill('3');
  await dialog.getByRole('button', { name: 'Save limit' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${CHANNEL} may now sell at most 3 units of ${sku}.`)).toBeVisible();
  await expect(limitCell(page, CHANNEL)).toHaveText('3');
  await page.reload();
  await expect(limitCell(page, CHANNEL)).toHaveText('3');
  await expect(limitCell(page, OTHER)).toHaveText('No limit');

  // Keeping the limit at the confirmation changes nothing.
  await channelRow(page, CHANNEL)
    .getByRole('button', { name: `Remove the limit of ${CHANNEL}` })
    .click();
  const confirm = page.getByRole('alertdialog', { name: `Remove the limit of ${CHANNEL}?` });
  await expect(confirm).toContainText(`${CHANNEL} can then sell all the available stock of ${sku}.`);
  await confirm.getByRole('button', { name: 'Keep the limit' }).click();
  await expect(confirm).toBeHidden();
  await expect(limitCell(page, CHANNEL)).toHaveText('3');

  await channelRow(page, CHANNEL)
    .getByRole('button', { name: `Remove the limit of ${CHANNEL}` })
    .click();
  await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByText(`Limit removed: ${CHANNEL} sells all the available stock of ${sku}.`)).toBeVisible();
  await expect(limitCell(page, CHANNEL)).toHaveText('No limit');
  await page.reload();
  await expect(limitCell(page, CHANNEL)).toHaveText('No limit');
  await page.context().close();
});

test('a manager and an agent see the channel limits without any control; the server refuses the manager', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const owner = await pageAs(browser, 'owner');
  const { href } = await skuPage(owner);
  await owner.goto(href);

  // Capture the owner's real server action call, to replay it with the manager's session.
  const request = owner.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await channelRow(owner, CHANNEL)
    .getByRole('button', { name: `Set limit for ${CHANNEL}` })
    .click();
  await owner.getByLabel('Maximum units').fill('7');
  await owner.getByRole('button', { name: 'Save limit' }).click();
  const captured = await request;
  await expect(limitCell(owner, CHANNEL)).toHaveText('7');

  const manager = await pageAs(browser, 'manager');
  await manager.goto(href);
  await expect(limits(manager)).toBeVisible();
  await expect(limitCell(manager, CHANNEL)).toHaveText('7');
  await expect(limitCell(manager, OTHER)).toHaveText('No limit');
  await expect(limits(manager).getByRole('button')).toHaveCount(0);
  await expect(limits(manager).getByRole('columnheader')).toHaveText(['Channel', 'Limit', 'Reserved by its orders']);

  const body = JSON.parse(captured.postData()!) as [Record<string, unknown>];
  const replay = await manager.request.post(captured.url(), {
    headers: {
      'next-action': captured.headers()['next-action'],
      'content-type': captured.headers()['content-type'],
      accept: 'text/x-component',
      origin: new URL(captured.url()).origin,
    },
    data: JSON.stringify([{ ...body[0], maxUnits: 0 }]),
  });
  expect(await replay.text()).toContain('"code":"forbidden"');
  await manager.reload();
  await expect(limitCell(manager, CHANNEL)).toHaveText('7');

  const agent = await pageAs(browser, 'agent');
  await agent.goto(href);
  await expect(limitCell(agent, CHANNEL)).toHaveText('7');
  await expect(limits(agent).getByRole('button')).toHaveCount(0);

  // Leave the demo SKU as it was.
  await channelRow(owner, CHANNEL)
    .getByRole('button', { name: `Remove the limit of ${CHANNEL}` })
    .click();
  await owner.getByRole('alertdialog').getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(limitCell(owner, CHANNEL)).toHaveText('No limit');
  for (const p of [owner, manager, agent]) await p.context().close();
});

test('the SKU page with channel limits and the open limit dialog have no serious accessibility violation', async ({
  browser,
}) => {
  const page = await pageAs(browser, 'owner');
  const { href } = await skuPage(page);
  await page.goto(href);
  await expect(limits(page)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await channelRow(page, CHANNEL)
    .getByRole('button', { name: `Set limit for ${CHANNEL}` })
    .click();
  await expect(page.getByRole('dialog', { name: `Limit for ${CHANNEL}` })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.context().close();
});

test('the transfers and counts lists have no pager on a single page, and ignore a forged cursor', async ({
  browser,
}) => {
  const page = await pageAs(browser, 'owner');
  for (const path of ['/inventory/transfers', '/inventory/counts']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Older' })).toHaveCount(0);
    const firstRow = await page.locator('tbody tr').first().textContent();
    await page.goto(`${path}?before=not-a-cursor`);
    await expect(page.locator('tbody tr').first()).toHaveText(firstRow!);
    await expect(page.getByRole('link', { name: 'Newest' })).toHaveCount(0);
  }
  await page.context().close();
});
