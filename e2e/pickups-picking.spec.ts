import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { placeOrder as postOrder, skusAvailableAt, type FeedSku } from './channel-api';
import { authFile, seriousViolations } from './fixtures';

// Picking a pickup order in Paris from end to end: a line by tap, a line by scanning its barcode,
// a unit reported damaged and the order continued without it (the refund flagged), made ready
// with its code shown big; then the batch pick list printed to PDF by Chromium.

async function placeOrder(request: APIRequestContext, lines: { sku: FeedSku; quantity: number }[]) {
  return postOrder(request, {
    prefix: 'E2E-PICK',
    customer: { email: 'picking@example.fr', firstName: 'Inès', lastName: 'Picard' },
    lines,
    fulfilment: { type: 'pickup', locationCode: 'PAR' },
  });
}

/** The pick list of an order, reached from the order's page; returns the pickup id. */
async function openPickList(page: Page, orderId: string): Promise<string> {
  await page.goto(`/orders/${orderId}`);
  await page.getByRole('link', { name: 'Open the pick list' }).click();
  await page.waitForURL(/\/pickups\/[0-9a-f-]{36}$/);
  return page.url().split('/').at(-1)!;
}

test.use({ storageState: authFile('manager'), viewport: { width: 1024, height: 768 } });

test('a Paris pickup is picked by tap and scan, a damaged unit is left out, and it is made ready', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const [a, b] = await skusAvailableAt(request, ['PAR'], { units: 3, count: 2 });
  const order = await placeOrder(request, [
    { sku: a, quantity: 1 },
    { sku: b, quantity: 2 },
  ]);
  await openPickList(page, order.id);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(order.number);
  await expect(page.getByText('0 of 3 picked')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // A by tap.
  await page.getByRole('button', { name: `Mark ${a.sku} picked` }).click();
  await expect(page.locator(`tr[data-line="${a.sku}"]`)).toHaveAttribute('data-picked', 'true');

  // B by its barcode, as a keyboard-wedge scanner types it.
  const rowB = page.locator(`tr[data-line="${b.sku}"]`);
  const barcode = (await rowB.locator('td').nth(3).innerText()).trim();
  const scan = page.getByRole('textbox', { name: 'Scan or type a barcode or SKU' });
  await scan.fill(barcode === '—' ? b.sku : barcode);
  await scan.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `${b.sku}: 1 of 2` })).toBeVisible();
  await expect(scan).toHaveValue('');
  await expect(page.getByText('2 of 3 picked')).toBeVisible();

  // The second unit of B is damaged.
  await page.getByRole('button', { name: `Report units of ${b.sku} missing` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Units missing')).toHaveValue('1');
  await dialog.getByLabel('Why').selectOption('damaged');
  await dialog.getByRole('button', { name: 'Report missing' }).click();
  await expect(page.getByText('Missing units recorded: choose what to do.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Units missing: what now?' })).toBeVisible();
  await expect(rowB).toContainText('1 missing · Damaged');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/picking-short.png', fullPage: true });

  await page.getByRole('button', { name: 'Continue without them' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText(/Order reduced: .+ to refund\./)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Units missing: what now?' })).toBeHidden();

  await page.getByRole('button', { name: 'Mark ready' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Mark ready' }).click();
  await expect(page.getByTestId('pickup-code')).toHaveText(/^[0-9]{3} [0-9]{3}$/);
  await expect(page.getByRole('img', { name: /^Pickup code [0-9]{3} [0-9]{3}$/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/picking-ready.png', fullPage: true });

  // The order says what happened, money included.
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByText('Refund due')).toBeVisible();
});

test('the batch pick list prints to PDF with every order, grouped by SKU and per order', async ({ page, request }) => {
  test.setTimeout(120_000);
  const [a, b] = await skusAvailableAt(request, ['PAR'], { units: 3, count: 2 });
  const first = await placeOrder(request, [{ sku: a, quantity: 1 }]);
  const second = await placeOrder(request, [
    { sku: a, quantity: 1 },
    { sku: b, quantity: 1 },
  ]);
  // The manager says where A sits in the store, on its SKU page: the lists show the bin.
  const lookup = await page.request.get(`/inventory/lookup?code=${encodeURIComponent(a.sku)}`);
  const { variantId } = (await lookup.json()) as { variantId: string };
  await page.goto(`/inventory/${variantId}`);
  await page.getByRole('button', { name: 'Bin location at Comptoir Paris Rivoli' }).click();
  const binDialog = page.getByRole('dialog', { name: 'Bin location' });
  expect(await seriousViolations(page)).toEqual([]);
  await binDialog.getByLabel('Bin location').fill(' R-12 ');
  await binDialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Bin at Comptoir Paris Rivoli: R-12.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Stock per location' }).getByText('Bin R-12')).toBeVisible();
  await page.screenshot({ path: 'test-results/sku-bin.png', fullPage: true });

  const ids = [await openPickList(page, first.id), await openPickList(page, second.id)];
  await expect(page.locator(`tr[data-line="${a.sku}"]`).getByRole('cell').nth(1)).toHaveText('R-12');
  await page.screenshot({ path: 'test-results/pick-list-bin.png', fullPage: true });
  await page.goto(`/pickups/print?ids=${ids.join(',')}`);
  await expect(page.getByRole('heading', { name: 'Batch pick list' })).toBeVisible();
  const bySku = page.getByRole('table', { name: 'Items to gather, by SKU' });
  await expect(bySku.getByRole('row').filter({ hasText: a.sku })).toContainText(`${first.number} ×1`);
  await expect(bySku.getByRole('row').filter({ hasText: a.sku })).toContainText(`${second.number} ×1`);
  await expect(bySku.getByRole('row').filter({ hasText: a.sku }).getByRole('cell').first()).toHaveText('R-12');
  expect(await seriousViolations(page)).toEqual([]);

  // As printed: no shell, no button, both orders.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('region', { name: first.number })).toBeVisible();
  await expect(page.getByRole('region', { name: second.number })).toBeVisible();

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(2000);
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(1);
  expect(pages.length).toBeLessThanOrEqual(2);
});
