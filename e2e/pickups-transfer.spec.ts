import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { DEMO_CHANNELS } from '@/lib/seed/constants';
import { signBody } from '../lib/channels/signature';
import { authFile, type Role } from './fixtures';

// Ship-to-store from end to end: the web shop asks where a SKU can be collected, is told Paris
// can have it in about two days via the warehouse, posts the pickup order; the owner ships the
// transfer the order created, the Paris manager receives it, and the order's pickup moves on.

const WEB = DEMO_CHANNELS.find((c) => c.code === 'web')!;
const BEARER = { authorization: `Bearer ${WEB.secret}` };

type FeedSku = { sku: string; priceCents: number };
type Availability = {
  locations: { code: string; available: number }[];
  pickup: { location: string; readyIn: string; days?: number; from?: string }[];
};

/** A SKU Paris lacks one unit of, for a quantity the warehouse holds: what ship-to-store is for. */
async function skuForShipToStore(request: APIRequestContext): Promise<{ sku: FeedSku; quantity: number }> {
  const response = await request.get('/api/v1/skus?channel=web&inStock=true&limit=200', { headers: BEARER });
  const { skus } = (await response.json()) as { skus: FeedSku[] };
  for (const sku of skus) {
    const at = async (quantity: number) =>
      (await (
        await request.get(
          `/api/v1/availability?${new URLSearchParams({ channel: 'web', sku: sku.sku, location: 'PAR', quantity: String(quantity) })}`,
          {
            headers: BEARER,
          },
        )
      ).json()) as Availability;
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
  const offer = (
    (await (
      await request.get(`/api/v1/availability?channel=web&sku=${sku.sku}&location=PAR&quantity=${quantity}`, {
        headers: BEARER,
      })
    ).json()) as Availability
  ).pickup;
  expect(offer).toEqual([{ location: 'PAR', readyIn: 'transfer', days: 2, from: 'WH-ORL' }]);

  const raw = JSON.stringify({
    externalId: `E2E-STS-${randomUUID()}`,
    placedAt: new Date().toISOString(),
    currency: 'EUR',
    customer: { email: 'sts@example.fr', firstName: 'Inès' },
    lines: [{ sku: sku.sku, quantity, unitPriceCents: sku.priceCents }],
    fulfilment: { type: 'pickup', locationCode: 'PAR' },
    totals: { subtotalCents: sku.priceCents * quantity, totalCents: sku.priceCents * quantity },
  });
  const response = await request.post('/api/v1/channels/web/orders', {
    data: raw,
    headers: { 'content-type': 'application/json', 'x-comptoir-signature': signBody(WEB.secret, raw) },
  });
  expect(response.status()).toBe(201);
  const { order } = (await response.json()) as { order: { id: string; number: string } };

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
