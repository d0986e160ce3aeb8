import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { availability, feedSkus, placeOrder, type FeedSku } from './channel-api';
import { authFile, type Role } from './fixtures';

// Ship-to-store from end to end: the web shop asks where a SKU can be collected, is told Paris
// can have it in about two days via the warehouse, posts the pickup order; the owner ships the
// transfer the order created, the Paris manager receives it, and the order's pickup moves on.

/** A SKU Paris lacks one unit of, for a quantity the warehouse holds: what ship-to-store is for. */
async function skuForShipToStore(request: APIRequestContext): Promise<{ sku: FeedSku; quantity: number }> {
  for (const sku of await feedSkus(request)) {
    const at = (quantity: number) => availability(request, sku.sku, { location: 'PAR', quantity });
    const paris = (await at(1)).locations.find((l) => l.code === 'PAR')?.available ?? 0;
    const quantity = paris + 1;
    if (quantity > 3) continue;
    const offer = (await at(quantity)).pickup.find((p) => p.location === 'PAR');
    if (offer?.readyIn === 'transfer' && offer.from === 'WH-ORL') return { sku, quantity };
  }
  throw new Error('no SKU of the demo that Paris lacks and the warehouse holds');
}

async function pageAs(browser: Browser, role: Role) {
  const context = await browser.newContext({ storageState: authFile(role) });
  return context.newPage();
}

test('a pickup Paris cannot serve comes from the warehouse by transfer, and is to pick once received', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { sku, quantity } = await skuForShipToStore(request);
  const offer = (await availability(request, sku.sku, { location: 'PAR', quantity })).pickup;
  expect(offer).toEqual([{ location: 'PAR', readyIn: 'transfer', days: 2, from: 'WH-ORL' }]);

  const order = await placeOrder(request, {
    prefix: 'E2E-STS',
    customer: { email: 'sts@example.fr', firstName: 'Inès' },
    lines: [{ sku, quantity }],
    fulfilment: { type: 'pickup', locationCode: 'PAR' },
  });

  const owner = await pageAs(browser, 'owner');
  await owner.goto(`/orders/${order.id}`);
  const timeline = owner.getByRole('list').filter({ hasText: 'Awaiting a transfer' }).first();
  await expect(timeline).toContainText(/Transfer TR-\d+ from WH-ORL, about 2 days/);
  const transferNumber = /TR-\d+/.exec((await timeline.textContent()) ?? '')![0];

  await owner.goto('/inventory/transfers');
  await owner.getByRole('link', { name: transferNumber }).first().click();
  await expect(owner.getByRole('heading', { level: 1 })).toContainText(transferNumber);
  const transferUrl = owner.url();
  await owner.getByRole('button', { name: 'Ship', exact: true }).click();
  await owner.getByRole('alertdialog').getByRole('button', { name: 'Ship', exact: true }).click();
  await expect(owner.getByRole('heading', { level: 1 })).toContainText('In transit');

  const manager = await pageAs(browser, 'manager');
  await manager.goto(transferUrl);
  await manager.getByRole('button', { name: 'Receive', exact: true }).click();
  await manager
    .getByRole('dialog', { name: `Receive ${transferNumber}` })
    .getByRole('button', { name: 'Confirm receipt' })
    .click();
  await expect(manager.getByRole('heading', { level: 1 })).toContainText('Received');

  await manager.goto(`/orders/${order.id}`);
  await expect(manager.getByRole('list').filter({ hasText: 'Transfer received' }).first()).toBeVisible();
  await owner.context().close();
  await manager.context().close();
});
