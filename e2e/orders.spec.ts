import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_WAREHOUSE_CODE } from '@/lib/seed/constants';
import { availability, deliverOrder, feedSkus, type FeedSku } from './channel-api';
import { authFile } from './fixtures';

/** SKUs the web shop can sell three of now, from the channels' own feed (the demo data is generated). */
async function inStockSkus(request: APIRequestContext): Promise<FeedSku[]> {
  return (await feedSkus(request, { limit: 300 })).filter((s) => s.available >= 3);
}

function shipOrder(sku: FeedSku, quantity: number, customer: Record<string, string> = {}) {
  const subtotal = sku.priceCents * quantity;
  return {
    externalId: `E2E-${randomUUID()}`,
    placedAt: new Date().toISOString(),
    currency: 'EUR',
    customer,
    lines: [{ sku: sku.sku, quantity, unitPriceCents: sku.priceCents }],
    fulfilment: {
      type: 'ship',
      address: { name: 'Eva Testeur', line1: '3 rue des Essais', postalCode: '75011', city: 'Paris', country: 'FR' },
    },
    totals: {
      subtotalCents: subtotal,
      discountCents: 0,
      shippingCents: 0,
      taxCents: Math.round(subtotal / 6),
      totalCents: subtotal,
    },
  };
}

function orderRows(page: Page) {
  return page.getByRole('region', { name: 'Orders', exact: true }).locator('tbody tr');
}

test.describe('orders from a channel', () => {
  test.use({ storageState: authFile('owner') });

  test('a signed order appears in /orders and on the customer profile; a replay creates nothing', async ({
    page,
    request,
  }) => {
    const [sku] = await inStockSkus(request);
    const email = `eva.${randomUUID().slice(0, 8)}@example.fr`;
    const order = shipOrder(sku, 1, { email, firstName: 'Eva', lastName: 'Testeur' });

    const first = await deliverOrder(request, order);
    expect(first.status).toBe(201);
    const number: string = first.body.order.number;
    expect(first.body.order).toMatchObject({ externalId: order.externalId, status: 'placed' });

    const replay = await deliverOrder(request, order);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);

    await page.goto(`/orders?q=${encodeURIComponent(number)}`);
    await expect(orderRows(page)).toHaveCount(1);
    await expect(orderRows(page).first()).toContainText(number);
    await expect(orderRows(page).first()).toContainText('Eva Testeur');
    await expect(orderRows(page).first()).toContainText('Placed');

    // The customer's email finds exactly the one order: the replay added none.
    await page.goto(`/orders?q=${encodeURIComponent(email)}`);
    await expect(orderRows(page)).toHaveCount(1);

    await orderRows(page).first().getByRole('link', { name: 'Eva Testeur' }).click();
    await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Eva Testeur');
    await expect(page.getByText(email).first()).toBeVisible();
    // The profile's timeline has the order once: the replay added none.
    const placed = page
      .getByRole('list', { name: 'Timeline of this customer' })
      .getByRole('listitem')
      .filter({ hasText: number });
    await expect(placed).toHaveCount(1);
    await expect(placed).toContainText('placed on');

    await placed.getByRole('link', { name: number }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(number);
    await expect(page.getByRole('region', { name: 'Items of the order' })).toContainText(sku.sku);
    await expect(page.getByText('Order placed')).toBeVisible();
  });

  test('an order confirmed, shipped and partly returned from its page: each result is a toast, and the return dialog says what is missing before any request', async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    const skus = await inStockSkus(request);
    // Far from the SKUs the other tests drain.
    const sku = skus[Math.min(20, skus.length - 1)];
    const email = `rita.${randomUUID().slice(0, 8)}@example.fr`;
    const delivered = await deliverOrder(request, shipOrder(sku, 2, { email, firstName: 'Rita', lastName: 'Retour' }));
    expect(delivered.status).toBe(201);
    const number: string = delivered.body.order.number;

    await page.goto(`/orders?q=${encodeURIComponent(number)}`);
    await orderRows(page).first().getByRole('link', { name: number }).click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toContainText('Placed');
    const actions = page.getByRole('group', { name: 'Order actions' });

    await actions.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByText('Order confirmed.')).toBeVisible();
    await expect(heading).toContainText('Confirmed');

    await actions.getByRole('button', { name: 'Ship' }).click();
    const ship = page.getByRole('dialog', { name: `Ship ${number}` });
    await ship.getByLabel('Carrier').fill('Colissimo');
    await ship.getByRole('button', { name: 'Mark as shipped' }).click();
    await expect(ship).toBeHidden();
    await expect(page.getByText('Order marked as shipped.')).toBeVisible();
    await expect(heading).toContainText('Shipped');

    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.headers()['next-action']) sent.push(r.url());
    });
    await actions.getByRole('button', { name: 'Return or refund' }).click();
    const dialog = page.getByRole('dialog', { name: `Return items of ${number}` });
    const quantity = dialog.getByLabel(`Quantity to return — ${sku.sku}`);
    const reason = dialog.getByLabel('Reason');
    await dialog.getByRole('button', { name: 'Record the return' }).click();
    await expect(quantity).toHaveAttribute('aria-invalid', 'true');
    await expect(quantity).toHaveAccessibleDescription('Choose at least one unit to return.');
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await expect(reason).toHaveAccessibleDescription('Give a reason of at least 3 characters.');
    await quantity.fill('1');
    await expect(quantity).not.toHaveAttribute('aria-invalid');
    await reason.fill('ok');
    await dialog.getByRole('button', { name: 'Record the return' }).click();
    await expect(reason).toHaveAccessibleDescription('Give a reason of at least 3 characters.');
    expect(sent).toEqual([]);

    await reason.fill('Too small');
    await expect(reason).toHaveAccessibleDescription(
      'At least 3 characters. Kept on the timeline and in the audit log.',
    );
    await dialog.getByRole('button', { name: 'Record the return' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/^Return recorded: 1 unit, €[\d.,]+\.$/)).toBeVisible();
    expect(sent).toHaveLength(1);
  });

  test('an order for more than there is gets 409 out_of_stock and leaves stock untouched', async ({ request }) => {
    const skus = await inStockSkus(request);
    const sku = skus[Math.min(5, skus.length - 1)];
    const before = await availability(request, sku.sku);
    expect(before.total).toBeGreaterThan(0);

    const tooMany = await deliverOrder(request, shipOrder(sku, before.total + 1));
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error).toMatchObject({ code: 'out_of_stock', details: { skus: [sku.sku] } });
    expect(await availability(request, sku.sku)).toEqual(before);

    // Take every unit, then the SKU has no stock left at all: the next order is refused the same way.
    expect((await deliverOrder(request, shipOrder(sku, before.total))).status).toBe(201);
    const none = await availability(request, sku.sku);
    expect(none.total).toBe(0);
    const refused = await deliverOrder(request, shipOrder(sku, 1));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'out_of_stock', details: { skus: [sku.sku] } });
    expect(await availability(request, sku.sku)).toEqual(none);
  });
});

test.describe('a phone order', () => {
  test.use({ storageState: authFile('agent') });

  test('an agent creates a phone order and cancels it, and the stock comes back', async ({ page, request }) => {
    const skus = await inStockSkus(request);
    // A SKU held at a store (pickup), not one the other tests drain.
    let pick: { sku: FeedSku; store: string } | null = null;
    for (const sku of skus.slice(10)) {
      const where = (await availability(request, sku.sku)).locations.find(
        (l) => l.code !== DEMO_WAREHOUSE_CODE && l.available >= 2,
      );
      if (where) {
        pick = { sku, store: where.code };
        break;
      }
    }
    expect(pick, 'a SKU in stock at a store').not.toBeNull();
    const { sku, store } = pick!;
    const before = (await availability(request, sku.sku, { location: store })).total;

    await page.goto('/orders');
    await page.getByRole('link', { name: 'New phone order' }).click();
    await expect(page).toHaveURL(/\/orders\/new$/);
    await page.getByLabel('First name').fill('Jeanne');
    await page.getByLabel('Last name').fill('Téléphone');
    await page.getByLabel('Email').fill(`jeanne.${randomUUID().slice(0, 8)}@example.fr`);
    // Typed (or scanned) as a code, then Enter: the item is added without choosing a suggestion.
    await page.getByLabel('Product, barcode or SKU').fill(sku.sku);
    await page.getByLabel('Product, barcode or SKU').press('Enter');
    await expect(page.getByText(sku.name)).toBeVisible();
    await page.getByLabel('Pickup store').selectOption(store);
    await expect(page.getByText(`available at ${store}`)).toBeVisible();
    await page.getByRole('button', { name: 'Create the order' }).click();
    const number = (await page.getByTestId('created-order-number').textContent())!;
    await page.getByRole('link', { name: 'Open the order' }).click();

    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toContainText(number);
    await expect(heading).toContainText('CMP-');
    await expect(heading).toContainText('Placed');
    await expect(page.getByText('Customer service (phone)').first()).toBeVisible();
    expect((await availability(request, sku.sku, { location: store })).total).toBe(before - 1);

    await page.getByRole('button', { name: 'Cancel order' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Cancel the order' }).click();
    await expect(dialog.getByText('Give a reason of at least 3 characters.')).toBeVisible();
    await dialog.getByLabel('Reason').fill('The customer changed their mind');
    await dialog.getByRole('button', { name: 'Cancel the order' }).click();
    await expect(dialog).toBeHidden();
    await expect(heading).toContainText('Cancelled');
    await expect(page.getByText('Reason: The customer changed their mind')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);

    expect((await availability(request, sku.sku, { location: store })).total).toBe(before);
  });
});

test.describe('order access', () => {
  test('a manager cannot open an order of another store, nor take phone orders', async ({ browser }) => {
    const owner = await browser.newContext({ storageState: authFile('owner') });
    const ownerPage = await owner.newPage();
    await ownerPage.goto('/orders');
    const lyon = await ownerPage.getByLabel('Location').locator('option', { hasText: 'LYS ·' }).getAttribute('value');
    await ownerPage.goto(`/orders?fulfilment=in_store&location=${lyon}`);
    await expect(orderRows(ownerPage).first()).toContainText('LYS');
    const href = await orderRows(ownerPage).first().getByRole('link').first().getAttribute('href');
    await owner.close();

    const manager = await browser.newContext({ storageState: authFile('manager') });
    const page = await manager.newPage();
    await page.goto(href!);
    await expect(page).toHaveURL(/\/forbidden$/);
    await page.goto('/orders');
    await expect(page.getByRole('link', { name: 'New phone order' })).toHaveCount(0);
    await page.goto('/orders/new');
    await expect(page).toHaveURL(/\/forbidden$/);
    await manager.close();
  });
});
