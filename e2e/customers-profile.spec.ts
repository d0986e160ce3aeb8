import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { newPhone, placeOrder, skusAvailableAt } from './channel-api';
import { accountOf, authFile, seriousViolations } from './fixtures';

// The customer profile as an agent: a click-and-collect order posted through the signed channel
// API and made ready by the Paris manager, its 'ready to collect' message on the customer's
// timeline; a note added and edited; the phone edited (a wrong one refused on its field); in
// French at the tablet's width.

test.use({ storageState: authFile('agent'), viewport: { width: 1024, height: 768 } });

test('an agent sees the ready message on the timeline, adds and edits a note, and edits the phone', async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const [sku] = await skusAvailableAt(request, ['PAR']);
  const email = `noemie.${randomUUID().slice(0, 8)}@example.fr`;
  const order = await placeOrder(request, {
    prefix: 'E2E-PROFILE',
    customer: { email, phone: newPhone().e164, firstName: 'Noémie', lastName: 'Profil' },
    lines: [{ sku, quantity: 1 }],
    fulfilment: { type: 'pickup', locationCode: 'PAR' },
  });

  // The Paris manager picks the line and marks the parcel ready: the ready message goes to the outbox.
  const manager = await browser.newContext({ storageState: authFile('manager'), baseURL });
  const store = await manager.newPage();
  await store.goto(`/orders/${order.id}`);
  await store.getByRole('link', { name: 'Open the pick list' }).click();
  await store.waitForURL(/\/pickups\/[0-9a-f-]{36}$/);
  await store.getByRole('button', { name: `Mark ${sku.sku} picked` }).click();
  await store.getByRole('button', { name: 'Mark ready' }).click();
  await store.getByRole('alertdialog').getByRole('button', { name: 'Mark ready' }).click();
  await expect(store.getByTestId('pickup-code')).toHaveText(/^[0-9]{3} [0-9]{3}$/);
  await manager.close();

  // The agent opens the customer from the order.
  await page.goto(`/orders/${order.id}`);
  await page.locator('a[href^="/customers/"]').first().click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noémie Profil');
  const pickups = page.getByRole('list', { name: 'Pickups still open' });
  await expect(pickups.getByRole('listitem')).toHaveCount(1);
  await expect(pickups).toContainText(order.number);
  await expect(pickups).toContainText('Ready to collect');
  const timeline = page.getByRole('list', { name: 'Timeline of this customer' });
  const message = timeline.locator('li[data-kind="message"]').filter({ hasText: 'Ready to collect' });
  await expect(message).toContainText(`by e-mail to ${email}`);
  await expect(message).toContainText(order.number);
  await expect(timeline.locator('li[data-kind="pickup"]')).toContainText(`Order ${order.number} ready to collect at`);
  await expect(timeline.locator('li[data-kind="order"]')).toContainText(`Order ${order.number} placed on`);
  expect(await seriousViolations(page)).toEqual([]);

  // A note, then its author edits it.
  await page.getByRole('button', { name: 'Add the note' }).click();
  await expect(page.getByText('Write the note first.')).toBeVisible();
  await page.getByRole('textbox', { name: 'New note' }).fill('Asked to collect on Saturday.');
  await page.getByRole('button', { name: 'Add the note' }).click();
  await expect(page.getByText('Note added.')).toBeVisible();
  const note = timeline.locator('li[data-kind="note"]').first();
  await expect(note).toContainText(`Note by ${accountOf('agent').name}`);
  await expect(note).toContainText('Asked to collect on Saturday.');
  await expect(page.getByRole('textbox', { name: 'New note' })).toHaveValue('');
  await note.getByRole('button', { name: 'Edit' }).click();
  await note.getByRole('textbox', { name: 'Edit your note' }).fill('Asked to collect on Saturday morning.');
  await note.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Note updated.')).toBeVisible();
  await expect(note).toContainText('Asked to collect on Saturday morning.');
  await expect(note).toContainText('(edited)');

  // The phone, a wrong one refused on its field first.
  const phone = newPhone();
  await page.getByRole('button', { name: 'Edit contact details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Contact details' });
  await dialog.getByLabel('Phone').fill('12');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('This is not a phone number.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/customer-profile-edit.png' });
  await dialog.getByLabel('Phone').fill(phone.typed);
  await dialog.getByLabel('Tags').fill('VIP, retrait');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Contact details saved.')).toBeVisible();
  await expect(dialog).toBeHidden();
  // Stored in E.164, shown in the national form a French reader says.
  await expect(page.getByRole('link', { name: phone.typed })).toHaveAttribute('href', `tel:${phone.e164}`);
  await expect(page.getByText('vip', { exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/customer-profile-1024.png', fullPage: true });

  // In French, at the tablet's width, without overflow.
  await page.context().addCookies([{ name: 'locale', value: 'fr', url: baseURL! }]);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Historique' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Historique de ce client' })).toContainText('Prête à retirer');
  await expect(page.getByText('(modifiée)')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/customer-profile-fr-1024.png', fullPage: true });
});
