import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { postSigned } from './channel-api';
import { authFile, seriousViolations, type Role } from './fixtures';

// "Prévenez-moi quand il est en magasin": the web shop registers a customer's wish through the
// signed API for a SKU Paris cannot promise; the agent sees it waiting on the profile, the SKU page
// counts the customer among those waiting at Paris; the Paris manager receives a delivery of it,
// and the 'back in stock' message reaches the development mailbox once; the profile then says
// the alert was notified.

const TABLET = { width: 1024, height: 768 };
const PARIS = 'Comptoir Paris Rivoli';

async function pageAs(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(role), viewport: TABLET });
  return context.newPage();
}

type Lookup = { variantId: string; sku: string; levels: { locationId: string; code: string; available: number }[] };

async function lookup(page: Page, code: string): Promise<Lookup> {
  const response = await page.request.get(`/inventory/lookup?code=${encodeURIComponent(code)}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Lookup;
}

/**
 * A SKU Paris can promise none of, from the Paris manager's out-of-stock view (its CSV export: the
 * manager's view is Paris). Other specs take SKUs Paris holds, so nobody else moves its stock.
 */
async function skuOutAtParis(manager: Page): Promise<Lookup> {
  const response = await manager.request.get('/inventory/export?status=out&sort=sku');
  expect(response.status()).toBe(200);
  const [header, ...rows] = (await response.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(header.split(',')[0]).toBe('sku');
  for (const row of rows) {
    const found = await lookup(manager, row.split(',')[0].replace(/^"|"$/g, ''));
    if (found.levels.find((l) => l.code === 'PAR')?.available === 0) return found;
  }
  throw new Error('the demo has no SKU Paris is out of');
}

/** How many customers the SKU page counts as waiting at Paris (0 when the table has no row for it). */
async function waitingAtParis(page: Page): Promise<number> {
  const section = page.getByRole('region', { name: 'Customers waiting', exact: true });
  await expect(section).toBeVisible();
  const row = section.getByRole('row').filter({ hasText: `${PARIS} (PAR)` });
  if ((await row.count()) === 0) return 0;
  return Number(await row.getByRole('cell').nth(1).innerText());
}

test('a stock alert registered through the API sends its message when the manager receives stock', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const manager = await pageAs(browser, 'manager');
  const agent = await pageAs(browser, 'agent');
  const owner = await pageAs(browser, 'owner');
  const sku = await skuOutAtParis(manager);
  const skuPage = `/inventory/${sku.variantId}`;
  await manager.goto(skuPage);
  const waitingBefore = await waitingAtParis(manager);

  // The web shop registers the wish, signed; the same request again answers the same alert.
  const email = `alerte-${randomUUID().slice(0, 8)}@example.fr`;
  const wish = {
    sku: sku.sku,
    location: 'PAR',
    customer: { email, firstName: 'Solène', lastName: 'Attente', language: 'en' },
    productUrl: `https://shop.example.fr/p/${encodeURIComponent(sku.sku)}`,
  };
  const registered = await postSigned(request, '/api/v1/stock-alerts?channel=web', wish);
  expect(registered.status()).toBe(201);
  const { alert } = (await registered.json()) as { alert: { id: string; status: string; location: string } };
  expect(alert).toMatchObject({ status: 'waiting', location: 'PAR' });
  const replay = await postSigned(request, '/api/v1/stock-alerts?channel=web', wish);
  expect(replay.status()).toBe(200);
  expect(((await replay.json()) as { alert: { id: string } }).alert.id).toBe(alert.id);
  // Unsigned, refused.
  const unsigned = await request.post('/api/v1/stock-alerts?channel=web', { data: wish });
  expect(unsigned.status()).toBe(401);

  // The agent finds the new customer and sees the wish waiting.
  const found = (await (await agent.request.get(`/api/backoffice/customers/search?q=${email}`)).json()) as {
    results: { id: string }[];
  };
  expect(found.results).toHaveLength(1);
  const profile = `/customers/${found.results[0].id}`;
  await agent.goto(profile);
  await expect(agent.getByRole('heading', { level: 1 })).toHaveText('Solène Attente');
  const alerts = agent.getByRole('list', { name: 'Stock alerts of this customer' });
  const item = alerts.getByRole('listitem').filter({ hasText: sku.sku });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(`In store at ${PARIS}`);
  await expect(item).toContainText('Waiting');
  expect(await seriousViolations(agent)).toEqual([]);
  await agent.screenshot({ path: 'test-results/stock-alert-profile-waiting.png', fullPage: true });

  // The SKU page counts her among the customers waiting at Paris.
  await manager.reload();
  expect(await waitingAtParis(manager)).toBe(waitingBefore + 1);
  expect(await seriousViolations(manager)).toEqual([]);
  await manager.screenshot({ path: 'test-results/stock-alert-sku-page.png', fullPage: true });

  // The Paris manager receives a delivery of three.
  await manager.goto('/inventory/receive');
  await manager.getByLabel('Delivery note', { exact: true }).fill(`BL-E2E-${randomUUID().slice(0, 6)}`);
  const code = manager.getByLabel('SKU or barcode', { exact: true });
  await code.fill(sku.sku);
  await code.press('Enter');
  await manager.getByLabel(`Quantity of ${sku.sku}`).fill('3');
  expect(await seriousViolations(manager)).toEqual([]);
  await manager.getByRole('button', { name: 'Receive stock', exact: true }).click();
  await expect(manager.getByText(`Received 3 units at ${PARIS}`)).toBeVisible();
  await manager.screenshot({ path: 'test-results/stock-alert-receive.png', fullPage: true });

  // The message reaches the mailbox, rendered; once.
  const rows = owner
    .getByRole('region', { name: 'Customer messages, newest first' })
    .getByRole('row')
    .filter({ hasText: email });
  await expect(async () => {
    await owner.goto('/settings/messages');
    await expect(rows.filter({ hasText: 'Kept here' })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(rows).toHaveCount(1);
  await rows.getByRole('link', { name: 'Back in stock' }).click();
  await expect(owner.getByText(new RegExp(`^Subject: .+ is available at ${PARIS}$`))).toBeVisible();
  const mail = owner.frameLocator('iframe[title^="Rendered message"]');
  await expect(mail.getByText(`Reference ${sku.sku}`)).toBeVisible();
  await owner.screenshot({ path: 'test-results/stock-alert-mailbox.png', fullPage: true });

  // The profile says notified; the SKU page no longer counts her.
  await agent.reload();
  await expect(item).toContainText('Notified');
  await expect(item).not.toContainText('Waiting');
  expect(await seriousViolations(agent)).toEqual([]);
  await manager.goto(skuPage);
  expect(await waitingAtParis(manager)).toBe(waitingBefore);

  // Still one message: the alert is told once, whatever the jobs ran since.
  await owner.goto('/settings/messages');
  await expect(rows).toHaveCount(1);

  await Promise.all([manager.context().close(), agent.context().close(), owner.context().close()]);
});
