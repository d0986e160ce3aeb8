import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { DEMO_PASSWORD } from '@/lib/seed/constants';
import { placeOrder, skusAvailableAt, type FeedSku } from './channel-api';
import { authFile, seriousViolations, signIn } from './fixtures';

// Click-and-collect from end to end, as issue 11 tells it: an order posted through the channel API
// for pickup in Paris appears live in the Paris manager's open queue, is picked and made ready;
// the ready message with its code reaches the development mailbox, the customer's tracking page
// shows the code, and the parcel is collected with that code at the counter; the SKU's ledger
// shows the unit leaving. The Lyon manager can open none of it. A short pick waiting for a
// transfer goes to 'awaiting transfer' and comes back to 'to pick' when the transfer is received.
// (The expiry with the clock past the hold's end, and the real SMTP server, are tested on both
// engines by lib/jobs and lib/messages: the e2e server runs on the real clock, without SMTP.)

const TABLET = { width: 1024, height: 768 };

test.use({ storageState: authFile('manager'), viewport: TABLET });

/** A SKU Paris and the warehouse can both promise one of, from the feed's end (other specs start at its head). */
async function skuAtParis(request: APIRequestContext): Promise<FeedSku> {
  const [sku] = await skusAvailableAt(request, ['PAR', 'WH-ORL'], { fromEnd: true });
  return sku;
}

function postPickup(request: APIRequestContext, sku: FeedSku, customer: Record<string, string>) {
  return placeOrder(request, {
    prefix: 'E2E-JOURNEY',
    customer,
    lines: [{ sku, quantity: 1 }],
    fulfilment: { type: 'pickup', locationCode: 'PAR' },
  });
}

async function contextFor(browser: Browser, role: 'owner' | 'manager' | null) {
  return browser.newContext({
    storageState: role ? authFile(role) : { cookies: [], origins: [] },
    viewport: TABLET,
  });
}

test('a Paris pickup from the API to the counter: live, picked, ready, told, tracked, collected', async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(180_000);
  const sku = await skuAtParis(request);
  const customer = {
    email: `journey-${randomUUID()}@example.fr`,
    firstName: 'Anaïs',
    lastName: `Parcours${randomUUID()
      .replace(/[^a-f]/g, '')
      .slice(0, 5)}`,
  };

  // The Paris manager's queue is open before the order exists.
  await page.goto('/pickups');
  await expect(page.locator('[data-live-state="live"]')).toBeVisible();
  const parisId =
    new URL(page.url()).searchParams.get('location') ??
    new URL((await page.getByRole('link', { name: /^To pick/ }).getAttribute('href'))!, page.url()).searchParams.get(
      'location',
    )!;
  const order = await postPickup(request, sku, customer);
  const card = page.getByRole('listitem').filter({ hasText: `Order ${order.number}` });
  await expect(card).toBeVisible({ timeout: 5_000 });

  // Picked from the card's pick list, and made ready: the code.
  await card.getByRole('link', { name: 'Pick' }).click();
  await page.waitForURL(/\/pickups\/[0-9a-f-]{36}$/);
  const pickPath = new URL(page.url()).pathname;
  await page.getByRole('button', { name: `Mark ${sku.sku} picked` }).click();
  await page.getByRole('button', { name: 'Mark ready' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Mark ready' }).click();
  await expect(page.getByTestId('pickup-code')).toHaveText(/^[0-9]{3} [0-9]{3}$/);
  const spaced = await page.getByTestId('pickup-code').innerText();
  const code = spaced.replace(/\s/g, '');

  // The ready message reaches the development mailbox (the server's outbox job renders it).
  const ownerContext = await contextFor(browser, 'owner');
  const mailbox = await ownerContext.newPage();
  const row = mailbox
    .getByRole('region', { name: 'Customer messages, newest first' })
    .getByRole('row')
    .filter({ hasText: customer.email })
    .filter({ hasText: 'Kept here' });
  await expect(async () => {
    await mailbox.goto('/settings/messages');
    await expect(row.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await row.first().getByRole('link', { name: 'Ready to collect' }).click();
  const mail = mailbox.frameLocator('iframe[title^="Rendered message"]');
  await expect(mail.getByText(spaced, { exact: true })).toBeVisible();
  const trackHref = (await mail.getByRole('link', { name: /Track my order|Suivre ma commande/ }).getAttribute('href'))!;
  const trackPath = new URL(trackHref).pathname;
  expect(trackPath).toMatch(/^\/track\/[A-Za-z0-9_-]{24}$/);

  // The customer, signed out, follows the link: ready, with the same code.
  const customerContext = await contextFor(browser, null);
  const phone = await customerContext.newPage();
  await phone.goto(trackPath);
  await expect(phone.getByRole('heading', { level: 1, name: 'Your order is ready to collect' })).toBeVisible();
  await expect(phone.getByTestId('pickup-code')).toHaveText(spaced);
  await expect(phone.getByText(customer.lastName)).toHaveCount(0);

  // The Lyon manager can open neither the pick list, nor Paris's counter, nor its queue.
  const lyonContext = await contextFor(browser, null);
  const lyon = await lyonContext.newPage();
  await signIn(lyon, 'manager.lyon@comptoir.test', DEMO_PASSWORD);
  await expect(lyon).toHaveURL((url) => url.pathname === '/');
  for (const path of [pickPath, `/pickups/counter?location=${parisId}`, `/pickups?location=${parisId}`]) {
    await lyon.goto(path);
    await expect(lyon.getByRole('heading', { level: 1 }), path).not.toContainText(order.number);
    await expect(lyon.getByText(spaced)).toHaveCount(0);
  }
  expect((await lyon.request.get(`/pickups/queue?location=${parisId}&tab=ready`)).status()).toBe(403);
  expect((await lyon.request.get(`/pickups/counter/lookup?location=${parisId}&q=${code}`)).status()).toBe(403);

  // At the counter, the customer reads the code out: handed over in full.
  const before = (await (await page.request.get(`/inventory/lookup?code=${encodeURIComponent(sku.sku)}`)).json()) as {
    variantId: string;
    levels: { code: string; onHand: number }[];
  };
  await page.goto(`/pickups/counter?location=${parisId}`);
  const field = page.getByRole('textbox', { name: 'Code, order number or customer name' });
  await field.fill(spaced);
  await field.press('Enter');
  const panel = page.getByRole('region', { name: `Hand over order ${order.number}` });
  await expect(panel.getByTestId('counter-code')).toHaveText(spaced);
  await panel.getByRole('button', { name: 'Hand over…' }).click();
  await page
    .getByRole('dialog', { name: `Hand over order ${order.number}?` })
    .getByRole('button', { name: 'Hand over', exact: true })
    .click();
  await expect(page.getByTestId('counter-done')).toContainText(`Order ${order.number} handed over`);

  // The tracking page says collected; the order is completed; the ledger shows the unit leaving.
  await phone.reload();
  await expect(phone.getByRole('heading', { level: 1 })).toContainText(/collected/i);
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByText('Completed').first()).toBeVisible();
  const after = (await (await page.request.get(`/inventory/lookup?code=${encodeURIComponent(sku.sku)}`)).json()) as {
    levels: { code: string; onHand: number }[];
  };
  const onHand = (l: typeof after, c: string) => l.levels.find((x) => x.code === c)!.onHand;
  expect(onHand(after, 'PAR')).toBe(onHand(before, 'PAR') - 1);
  await page.goto(`/inventory/${before.variantId}`);
  const pickupLine = page
    .getByRole('region', { name: 'Stock movements of this SKU' })
    .getByRole('row')
    .filter({ hasText: order.number })
    .filter({ hasText: 'Pickup' });
  await expect(pickupLine).toHaveCount(1);
  await expect(pickupLine.getByRole('cell').nth(2)).toHaveText('−1');
  expect(await seriousViolations(page)).toEqual([]);

  await Promise.all([ownerContext.close(), customerContext.close(), lyonContext.close()]);
});

test('a short pick waiting for a transfer goes to awaiting transfer, and back to pick when it is received', async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(180_000);
  const sku = await skuAtParis(request);
  const order = await postPickup(request, sku, {
    email: `journey-short-${randomUUID()}@example.fr`,
    firstName: 'Yann',
    lastName: 'Manquant',
  });

  await page.goto(`/orders/${order.id}`);
  await page.getByRole('link', { name: 'Open the pick list' }).click();
  await page.waitForURL(/\/pickups\/[0-9a-f-]{36}$/);
  const pickUrl = page.url();
  await page.getByRole('button', { name: `Report units of ${sku.sku} missing` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Why').selectOption('not_found');
  await dialog.getByRole('button', { name: 'Report missing' }).click();
  await expect(page.getByRole('heading', { name: 'Units missing: what now?' })).toBeVisible();
  await page.getByRole('button', { name: 'Wait for a transfer' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
  const done = page.getByText(/^Transfer TR-\d+ from .+ on its way/);
  await expect(done).toBeVisible();
  const transferNumber = /TR-\d+/.exec(await done.innerText())![0];
  await expect(page.getByText('Awaiting transfer').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The source ships it (the owner: the warehouse is no manager's), Paris receives it.
  const ownerContext = await contextFor(browser, 'owner');
  const owner = await ownerContext.newPage();
  await owner.goto('/inventory/transfers');
  await owner.getByRole('link', { name: transferNumber }).first().click();
  await expect(owner.getByRole('heading', { level: 1 })).toContainText(transferNumber);
  const transferUrl = owner.url();
  await owner.getByRole('button', { name: 'Ship', exact: true }).click();
  await owner.getByRole('alertdialog').getByRole('button', { name: 'Ship', exact: true }).click();
  await expect(owner.getByRole('heading', { level: 1 })).toContainText('In transit');

  await page.goto(transferUrl);
  await page.getByRole('button', { name: 'Receive', exact: true }).click();
  await page
    .getByRole('dialog', { name: `Receive ${transferNumber}` })
    .getByRole('button', { name: 'Confirm receipt' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Received');

  // Back on the pick list: to pick again, and it can be picked and made ready.
  await page.goto(pickUrl);
  await expect(page.getByText('To pick').first()).toBeVisible();
  await page.getByRole('button', { name: `Mark ${sku.sku} picked` }).click();
  await page.getByRole('button', { name: 'Mark ready' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Mark ready' }).click();
  await expect(page.getByTestId('pickup-code')).toHaveText(/^[0-9]{3} [0-9]{3}$/);
  await ownerContext.close();
});
