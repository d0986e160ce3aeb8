import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { BEARER, feedSkus, placeOrder, postSigned } from './channel-api';
import { authFile, seriousViolations } from './fixtures';

// An agent gives a customer points on the profile and sees the balance and the entry, then a
// redemption beyond the balance is refused on its field; a channel reads the same balance and
// redeems through the signed API. At 1024 px, axe clean on the profile and the dialog.

test.use({ storageState: authFile('agent'), viewport: { width: 1024, height: 768 } });

test('an agent adjusts a customer’s points on the profile; a channel reads and redeems them', async ({
  page,
  request,
}) => {
  // A new customer, by an order posted through the signed API (not fulfilled: no points yet).
  const email = `loyal-${randomUUID().slice(0, 8)}@example.fr`;
  const [sku] = await feedSkus(request, { limit: 1 });
  await placeOrder(request, {
    prefix: 'E2E-LOYALTY',
    customer: { email, firstName: 'Maëlle', lastName: 'Fidèle' },
    lines: [{ sku, quantity: 1 }],
    fulfilment: {
      type: 'ship',
      address: { line1: '3 rue des Lilas', postalCode: '35000', city: 'Rennes', country: 'FR' },
    },
  });
  const found = (await (await page.request.get(`/api/backoffice/customers/search?q=${email}`)).json()) as {
    results: { id: string }[];
  };
  const customerId = found.results[0].id;

  await page.goto(`/customers/${customerId}`);
  const section = page.getByRole('region', { name: 'Loyalty points' });
  await expect(section.getByTestId('loyalty-balance')).toHaveText('0 points');
  await expect(section.getByText('No points yet')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Adjust: +25 with a reason.
  await section.getByRole('button', { name: 'Redeem or adjust points' }).click();
  const dialog = page.getByRole('dialog', { name: 'Redeem or adjust points' });
  await dialog.getByLabel('Adjust (add, or remove with a minus sign)').check();
  await dialog.getByRole('textbox', { name: 'Points' }).fill('25');
  // No reason: refused in the page.
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Say why.')).toBeVisible();
  await dialog.getByLabel('Reason').fill('Goodwill gesture: late delivery');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/loyalty-dialog-1024.png' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved. The balance is now 25 points.')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(section.getByTestId('loyalty-balance')).toHaveText('25 points');
  const row = section.getByRole('row').filter({ hasText: 'Goodwill gesture: late delivery' });
  await expect(row).toContainText('Adjusted');
  await expect(row).toContainText('+25');
  await expect(row).toContainText('by ');

  // Redeem more than the balance: refused under the points, nothing written.
  await section.getByRole('button', { name: 'Redeem or adjust points' }).click();
  await dialog.getByRole('textbox', { name: 'Points' }).fill('30');
  await dialog.getByLabel('Reason').fill('Voucher');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Not enough points: the balance is 25 points.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The channel reads the same balance and redeems 10, then the profile shows it.
  const balance = await request.get(`/api/v1/loyalty/balance?channel=web&email=${email}`, { headers: BEARER });
  expect(await balance.json()).toMatchObject({ balance: 25 });
  const redeemed = await postSigned(
    request,
    '/api/v1/loyalty/redemptions?channel=web',
    { email, points: 10, reason: 'Voucher WEB-10' },
    { 'idempotency-key': `E2E-${randomUUID()}` },
  );
  expect(redeemed.status()).toBe(201);
  await page.reload();
  await expect(section.getByTestId('loyalty-balance')).toHaveText('15 points');
  await expect(section.getByRole('row').filter({ hasText: 'Voucher WEB-10' })).toContainText('Redeemed');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/loyalty-profile-1024.png', fullPage: true });
});
