import { expect, test, type Browser, type Page } from '@playwright/test';
import { authFile, seriousViolations, type Role } from './fixtures';

// Receiving a transfer by scanning its items at a 1024 px tablet (issue 13): a keyboard-wedge
// scanner types the code and Enter, each scan adds one unit, an unknown code says so. A first
// delivery is received in part and the rest stays in transit; the second closes the transfer with
// what never came recorded short in the ledger.

const TABLET = { width: 1024, height: 768 };

async function pageAs(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext({
    storageState: authFile(role),
    locale: 'en-US',
    timezoneId: 'Europe/Paris',
    viewport: TABLET,
  });
  return context.newPage();
}

/** Two SKUs well stocked overall (past the first rows, which other specs move), with their pages. */
async function twoSkus(page: Page): Promise<{ sku: string; href: string }[]> {
  await page.goto('/inventory?sort=available&dir=desc');
  const rows = page.getByRole('region', { name: 'Stock by SKU' }).locator('tbody tr');
  const out: { sku: string; href: string }[] = [];
  for (const i of [4, 5]) {
    const row = rows.nth(i);
    const href = (await row.getByRole('link').first().getAttribute('href'))!;
    const sku = (await row.getByRole('cell').nth(1).locator('div').first().textContent())!.trim();
    out.push({ sku, href });
  }
  return out;
}

test('a transfer received by scanning: a partial delivery leaves the rest in transit, the last one records the shortfall', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const owner = await pageAs(browser, 'owner');
  const [a, b] = await twoSkus(owner);

  // The owner sends 3 of A and 2 of B from the warehouse to Paris.
  await owner.goto('/inventory/transfers/new');
  await owner.getByLabel('From', { exact: true }).selectOption({ label: 'WH-ORL · Orléans-Saran warehouse' });
  await owner.getByLabel('To', { exact: true }).selectOption({ label: 'PAR · Comptoir Paris Rivoli' });
  for (const [sku, qty] of [
    [a.sku, '3'],
    [b.sku, '2'],
  ] as const) {
    await owner.getByLabel('SKU or barcode').fill(sku);
    await owner.getByLabel('SKU or barcode').press('Enter');
    await owner.getByLabel(`Quantity of ${sku}`).fill(qty);
  }
  await owner.getByRole('button', { name: 'Create draft' }).click();
  await expect(owner).toHaveURL(/\/inventory\/transfers\/[0-9a-f-]{36}$/);
  await owner.getByRole('button', { name: 'Ship', exact: true }).click();
  await owner.getByRole('alertdialog').getByRole('button', { name: 'Ship', exact: true }).click();
  await expect(owner.getByRole('heading', { level: 1 })).toContainText('In transit');
  const transferUrl = owner.url();
  const number = (await owner.getByRole('heading', { level: 1 }).locator('.font-mono').textContent())!.trim();
  await owner.context().close();

  // The Paris manager opens the scan page from the transfer.
  const manager = await pageAs(browser, 'manager');
  await manager.goto(transferUrl);
  await manager.getByRole('link', { name: 'Scan to receive' }).click();
  await expect(manager).toHaveURL(/\/receive$/);
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText(`Receive ${number}`);
  const code = manager.getByLabel('Scan or type a SKU or barcode');
  await expect(code).toBeFocused();
  expect(await seriousViolations(manager)).toEqual([]);
  await manager.screenshot({ path: 'test-results/receive-scan-empty.png', fullPage: true });

  // Nothing scanned yet: receiving is refused, saying why.
  await manager.getByRole('button', { name: 'Receive 0 units' }).click();
  await expect(manager.getByText('Scan or enter at least one unit, or record the rest as short.')).toBeVisible();

  // Scans: A twice (the second in lower case), an unknown code, then B once.
  for (const scanned of [a.sku, a.sku.toLowerCase()]) {
    await code.fill(scanned);
    await code.press('Enter');
  }
  await expect(manager.getByText(`${a.sku}: 2 of 3`, { exact: true })).toBeVisible();
  await code.fill('NOT-A-CODE-42');
  await code.press('Enter');
  await expect(
    manager.getByText('No line of this transfer has the code “NOT-A-CODE-42”.', { exact: true }),
  ).toBeVisible();
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await code.fill(b.sku);
  await code.press('Enter');
  await expect(manager.getByLabel(`Units received now of ${a.sku}`)).toHaveValue('2');
  await expect(manager.getByLabel(`Units received now of ${b.sku}`)).toHaveValue('1');
  expect(await seriousViolations(manager)).toEqual([]);
  await manager.screenshot({ path: 'test-results/receive-scan-partial.png', fullPage: true });

  // A partial receipt: the rest stays in transit.
  await manager.getByRole('button', { name: 'Receive 3 units' }).click();
  await expect(
    manager.getByText('3 units received at Comptoir Paris Rivoli; the rest stays in transit.'),
  ).toBeVisible();
  const lines = manager.getByRole('region', { name: 'Lines to receive' });
  await expect(lines.getByRole('row').filter({ hasText: a.sku }).getByRole('cell').nth(3)).toHaveText('2');
  await manager.goto(transferUrl);
  await expect(manager.getByRole('heading', { level: 1 })).toContainText('In transit');
  await expect(manager.getByText('3 units of 5 received so far; the rest is still in transit.')).toBeVisible();
  await expect(manager.getByRole('button', { name: 'Cancel transfer' })).toHaveCount(0);
  expect(await seriousViolations(manager)).toEqual([]);
  await manager.screenshot({ path: 'test-results/receive-scan-transfer-partial.png', fullPage: true });

  // The last delivery: one more A; B's second unit never came.
  await manager.getByRole('link', { name: 'Scan to receive' }).click();
  await code.fill(a.sku);
  await code.press('Enter');
  await manager.getByLabel('Nothing more is coming: record what is missing as short').check();
  await expect(manager.getByText('1 unit not received will be recorded as short.')).toBeVisible();
  await manager.getByRole('button', { name: 'Receive and close' }).click();
  await expect(
    manager.getByText('Transfer received at Comptoir Paris Rivoli. 1 discrepancy recorded in the ledger.'),
  ).toBeVisible();
  await expect(manager.getByRole('heading', { level: 1 })).toContainText('Received');

  // The shortfall is on B's ledger at Paris, as a receipt has always written it.
  await manager.goto(b.href);
  const ledger = manager.getByRole('region', { name: 'Stock movements of this SKU' });
  await expect(ledger.locator('tbody tr').filter({ hasText: 'Short on receipt' }).first()).toContainText('−1');

  // Nothing is left to receive.
  await manager.goto(`${transferUrl}/receive`);
  await expect(manager.getByText('There is nothing to receive: this transfer is not in transit.')).toBeVisible();
  expect(await seriousViolations(manager)).toEqual([]);
  await manager.screenshot({ path: 'test-results/receive-scan-closed.png' });
  await manager.context().close();
});
