import { randomUUID } from 'node:crypto';
import { expect, test, type Browser } from '@playwright/test';
import { placeOrder, skusAvailableAt } from './channel-api';
import { authFile, seriousViolations } from './fixtures';

// The customer's public tracking page (/track/<token>), signed out: a pickup order posted for Paris
// through the signed channel API shows "being prepared" with the first name only; the Paris
// manager picks it and makes it ready, and the open page shows the code and its QR by its own
// refresh; in French by the browser's language; an unknown token is the one 404 page. Screenshots
// at phone width (390 px) and tablet width (1024 px) in test-results/.

test.use({ storageState: authFile('manager'), viewport: { width: 1024, height: 768 } });

/** A customer's browser: no staff session, at phone width unless told otherwise. */
async function customerPage(browser: Browser, options: { locale?: string; width?: number } = {}) {
  const context = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    locale: options.locale ?? 'en-US',
    timezoneId: 'Europe/Paris',
    viewport: { width: options.width ?? 390, height: 844 },
  });
  return context.newPage();
}

test('the tracking page follows a Paris pickup signed out, from being prepared to ready with its code and QR', async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(150_000);
  const [sku] = await skusAvailableAt(request, ['PAR']);
  // Unique email and phone: ingestion files the order under an existing customer with either.
  const digits = String(Math.floor(10_000_000 + Math.random() * 89_999_999));
  const customer = {
    email: `suivi-${randomUUID().slice(0, 8)}@example.fr`,
    firstName: 'Maëlle',
    lastName: 'Kerjean',
    phone: `+336${digits}`,
  };
  const order = await placeOrder(request, {
    prefix: 'E2E-TRACK',
    customer,
    lines: [{ sku, quantity: 1 }],
    fulfilment: { type: 'pickup', locationCode: 'PAR' },
  });

  // Staff find the customer's link on the order (to give it on the phone, or see what they see).
  await page.goto(`/orders/${order.id}`);
  const link = page.getByRole('link', { name: /The customer’s tracking page/ });
  const path = (await link.getAttribute('href'))!;
  expect(path).toMatch(/^\/track\/[A-Za-z0-9_-]{24}$/);
  expect(await link.getAttribute('target')).toBe('_blank');

  // Signed out, at phone width: being prepared, the first name and nothing else of the customer's.
  const phone = await customerPage(browser);
  const first = await phone.goto(path);
  expect(first?.status()).toBe(200);
  await expect(phone.getByRole('heading', { level: 1, name: 'Your order is being prepared' })).toBeVisible();
  await expect(phone.getByText(`Hello ${customer.firstName}`)).toBeVisible();
  await expect(phone.getByText(`Order ${order.number}`)).toBeVisible();
  await expect(phone.getByRole('list', { name: 'Progress of your order' }).locator('[aria-current="step"]')).toHaveText(
    'Being prepared',
  );
  await expect(phone.getByTestId('pickup-code')).toHaveCount(0);
  // Not on the page, nor anywhere in what the server sent (the RSC payload included).
  const sent = await (await phone.request.get(path)).text();
  for (const secret of [customer.lastName, customer.email, customer.phone, digits]) {
    await expect(phone.locator('body')).not.toContainText(secret);
    expect(sent).not.toContain(secret);
  }
  expect(await seriousViolations(phone)).toEqual([]);
  await phone.screenshot({ path: 'test-results/track-preparing-390.png', fullPage: true });
  // The page gives no way into the back office: the customer's browser has no session.
  expect((await phone.request.get('/orders', { maxRedirects: 0 })).status()).toBeGreaterThanOrEqual(300);

  // The Paris manager picks it and makes it ready.
  await page.getByRole('link', { name: 'Open the pick list' }).click();
  await page.waitForURL(/\/pickups\/[0-9a-f-]{36}$/);
  await page.getByRole('button', { name: `Mark ${sku.sku} picked` }).click();
  await page.getByRole('button', { name: 'Mark ready' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Mark ready' }).click();
  const staffCode = page.getByTestId('pickup-code');
  await expect(staffCode).toHaveText(/^[0-9]{3} [0-9]{3}$/);
  const code = (await staffCode.textContent())!.trim();

  // The open page shows it by its own refresh (every 10 s), without a reload.
  await expect(phone.getByRole('heading', { level: 1, name: 'Your order is ready to collect' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(phone.getByTestId('pickup-code')).toHaveText(code);
  const qr = phone.getByRole('img', { name: `QR code of the collection code ${code}` });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
  const box = (await qr.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(150);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await expect(phone.getByText('Paris Rivoli').first()).toBeVisible();
  expect(await seriousViolations(phone)).toEqual([]);
  await phone.screenshot({ path: 'test-results/track-ready-390.png', fullPage: true });
  await phone.context().close();

  // At tablet width, after a fresh load.
  const tablet = await customerPage(browser, { width: 1024 });
  await tablet.goto(path);
  await expect(tablet.getByTestId('pickup-code')).toHaveText(code);
  expect(await seriousViolations(tablet)).toEqual([]);
  await tablet.screenshot({ path: 'test-results/track-ready-1024.png', fullPage: true });
  await tablet.context().close();

  // In French, as the browser asks (Accept-Language fr).
  const french = await customerPage(browser, { locale: 'fr-FR' });
  await french.goto(path);
  await expect(french.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(
    french.getByRole('heading', { level: 1, name: 'Votre commande est prête à être retirée' }),
  ).toBeVisible();
  await expect(french.getByText(`Bonjour ${customer.firstName}`)).toBeVisible();
  await expect(french.getByRole('img', { name: `QR code du code de retrait ${code}` })).toBeVisible();
  expect(await seriousViolations(french)).toEqual([]);
  await french.screenshot({ path: 'test-results/track-ready-fr-390.png', fullPage: true });
  await french.context().close();

  // The ready message, dispatched by the server's outbox job and kept in the development mailbox
  // (no SMTP here), carries the code, its QR and the tracking link, absolute on the server's address.
  const owner = await browser.newContext({ storageState: authFile('owner'), viewport: { width: 1024, height: 900 } });
  const mailbox = await owner.newPage();
  const row = mailbox
    .getByRole('region', { name: 'Customer messages, newest first' })
    .getByRole('row')
    .filter({ hasText: customer.email })
    .filter({ hasText: 'Ready to collect' });
  await expect(async () => {
    await mailbox.goto('/settings/messages');
    await expect(row.filter({ hasText: 'Kept here' })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await row.getByRole('link', { name: 'Ready to collect' }).click();
  const mail = mailbox.frameLocator('iframe[title^="Rendered message"]');
  await expect(mail.getByText(code, { exact: true })).toBeVisible();
  await expect(mail.getByRole('img', { name: `QR code du code de retrait ${code}` })).toBeVisible();
  const href = (await mail.getByRole('link', { name: 'Suivre ma commande' }).getAttribute('href'))!;
  expect(href).toMatch(/^https?:\/\//);
  expect(new URL(href).pathname).toBe(path);
  expect(new URL(href).port).toBe(new URL(mailbox.url()).port);
  await owner.close();
});

test('an unknown or malformed tracking link is the same 404 page, saying nothing of other links', async ({
  browser,
}) => {
  const phone = await customerPage(browser);
  for (const token of ['AAAAAAAAAAAAAAAAAAAAAAAA', 'not-a-token']) {
    const response = await phone.goto(`/track/${token}`);
    expect(response?.status()).toBe(404);
    await expect(phone.getByRole('heading', { level: 1, name: 'This tracking link is not available' })).toBeVisible();
  }
  expect(await seriousViolations(phone)).toEqual([]);
  await phone.screenshot({ path: 'test-results/track-404-390.png', fullPage: true });
  await phone.context().close();
});
