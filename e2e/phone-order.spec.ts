import { expect, test, type Page } from '@playwright/test';
import { authFile } from './fixtures';

// Delivery orders, on the SKU ranked fifth by stock: the inventory specs work on the first, and a
// ship order reserves at the warehouse, so one unit here changes nothing of theirs.
async function aSku(page: Page): Promise<string> {
  await page.goto('/inventory?sort=available&dir=desc');
  const row = page.getByRole('region', { name: 'Stock by SKU' }).locator('tbody tr').nth(4);
  const sku = (await row.getByRole('cell').nth(1).locator('div').first().textContent())?.trim();
  expect(sku).toBeTruthy();
  return sku!;
}

async function fillDelivery(page: Page, sku: string) {
  // As a scanner sends it: the code, then Enter, adds the item without a suggestion chosen.
  await page.getByLabel('Product, barcode or SKU').fill(sku);
  await page.getByLabel('Product, barcode or SKU').press('Enter');
  await expect(page.getByText(/available in total/)).toBeVisible();
  await page.getByRole('radio', { name: 'Delivery to an address' }).check();
  await page.getByLabel('Address', { exact: true }).fill('3 rue des Essais');
  await page.getByLabel('Postal code').fill('75011');
  await page.getByLabel('City').fill('Paris');
}

test.describe('a phone order with a mistake', () => {
  test.use({ storageState: authFile('agent') });

  test('is refused on the wrong field, keeps everything typed, and goes through once corrected', async ({
    page,
  }, testInfo) => {
    const sku = await aSku(page);
    await page.goto('/orders/new');
    const firstName = page.getByLabel('First name');
    const lastName = page.getByLabel('Last name');
    const email = page.getByLabel('Email', { exact: true });
    const phone = page.getByLabel('Phone', { exact: true });
    const create = page.getByRole('button', { name: 'Create the order' });
    await fillDelivery(page, sku);

    // No name, no contact: every field that is wrong says so.
    await create.click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'Give an email or a phone number for the customer.' }),
    ).toBeVisible();
    await expect(firstName).toHaveAttribute('aria-invalid', 'true');
    await expect(firstName).toHaveAccessibleDescription('This field is required.');
    await expect(email).toHaveAccessibleDescription('An email or a phone number is needed.');
    await expect(phone).toHaveAccessibleDescription('An email or a phone number is needed.');
    await expect(firstName).toBeFocused();

    // A phone that is not a phone number, and no email: refused on the phone, nothing lost.
    await firstName.fill('Jeanne');
    await lastName.fill('Téléphone');
    await phone.fill('12 34');
    await create.click();
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
    await expect(phone).toHaveAccessibleDescription(/^This is not a phone number\./);
    await expect(email).not.toHaveAttribute('aria-invalid', 'true');
    await expect(firstName).not.toHaveAttribute('aria-invalid', 'true');
    await expect(phone).toBeFocused();
    await expect(page).toHaveURL(/\/orders\/new$/);
    await expect(firstName).toHaveValue('Jeanne');
    await expect(lastName).toHaveValue('Téléphone');
    await expect(phone).toHaveValue('12 34');
    await expect(page.getByLabel('Product, barcode or SKU')).toHaveValue(sku);
    await expect(page.getByLabel('Address', { exact: true })).toHaveValue('3 rue des Essais');
    await expect(page.getByLabel('City')).toHaveValue('Paris');
    await page.screenshot({ path: testInfo.outputPath('phone-order-invalid-phone.png'), fullPage: true });

    // Corrected (a number no demo customer has, so the order makes Jeanne's profile), the message
    // goes as soon as the field changes, and the order is created for her.
    const digits = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
    const typed = `06 ${digits.replace(/(\d\d)(?=\d)/g, '$1 ')}`;
    await phone.fill(typed);
    await expect(phone).not.toHaveAttribute('aria-invalid', 'true');
    await create.click();
    await page.getByRole('link', { name: 'Open the order' }).click();
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('CMP-');
    await expect(page.getByText('Jeanne Téléphone').first()).toBeVisible();
    // Stored in E.164, shown as a French reader says it.
    await expect(page.getByRole('link', { name: typed })).toHaveAttribute('href', `tel:+336${digits}`);
  });

  test('says what is wrong in French too', async ({ page, context }, testInfo) => {
    await context.addCookies([{ name: 'locale', value: 'fr', url: testInfo.project.use.baseURL! }]);
    await page.goto('/orders/new');
    await page.getByLabel('Prénom').fill('Jeanne');
    await page.getByLabel('Nom', { exact: true }).fill('Téléphone');
    await page.getByLabel('Téléphone', { exact: true }).fill('0000');
    await page.getByRole('button', { name: 'Créer la commande' }).click();
    await expect(page.getByLabel('Téléphone', { exact: true })).toHaveAccessibleDescription(
      /^Ce n’est pas un numéro de téléphone\./,
    );
    await expect(page.getByLabel('Téléphone', { exact: true })).toHaveValue('0000');
    await expect(page.getByLabel('Magasin de retrait')).toHaveAccessibleDescription(
      'Choisissez le magasin où le client retire la commande.',
    );
    await expect(page.getByText('Ajoutez au moins un article.')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('phone-order-invalid-phone-fr.png'), fullPage: true });
  });
});

test.describe('the phone order form', () => {
  test.use({ storageState: authFile('agent') });

  test('says what is missing before sending anything, with the action’s own schema', async ({ page }) => {
    await page.goto('/orders/new');
    const actions: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.headers()['next-action']) actions.push(r.url());
    });
    await page.getByLabel('First name').fill('Jeanne');
    await page.getByLabel('Last name').fill('Téléphone');
    // A phone libphonenumber refuses: the browser says so with the very check the server runs.
    await page.getByLabel('Phone', { exact: true }).fill('12 34');
    await page.getByRole('button', { name: 'Create the order' }).click();
    await expect(page.getByLabel('Phone', { exact: true })).toHaveAccessibleDescription(
      /^This is not a phone number\./,
    );
    await expect(page.getByLabel('Pickup store')).toHaveAccessibleDescription(
      'Choose the store where the customer collects the order.',
    );
    await expect(page.getByText('Add at least one item.')).toBeVisible();
    expect(actions).toEqual([]);
  });

  test('puts the server’s field error on its field when the browser could not check it', async ({ page }) => {
    // The browser's copy of the schema (the chunk carrying libphonenumber's metadata) fails to load:
    // the form sends what it has, and the action's answer lands on the phone field.
    await page.route('**/_next/static/chunks/*.js', async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (body.includes('country_calling_codes')) return route.abort();
      return route.fulfill({ response, body });
    });
    await page.goto('/orders/new');
    const action = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
    await page.getByLabel('First name').fill('Jeanne');
    await page.getByLabel('Last name').fill('Téléphone');
    await page.getByLabel('Phone', { exact: true }).fill('12 34');
    await page.getByRole('button', { name: 'Create the order' }).click();
    await action;
    const phone = page.getByLabel('Phone', { exact: true });
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
    await expect(phone).toHaveAccessibleDescription(/^This is not a phone number\./);
    await expect(phone).toBeFocused();
    await expect(page.getByLabel('First name')).not.toHaveAttribute('aria-invalid', 'true');
  });

  test('confirms the order created with its number, then takes another with a new key', async ({ page }, testInfo) => {
    const sku = await aSku(page);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto('/orders/new');
    const firstName = page.getByLabel('First name');
    const create = page.getByRole('button', { name: 'Create the order' });
    // Required fields: an asterisk beside the label (not in it), aria-required, and the note once.
    await expect(page.getByText('* required')).toHaveCount(1);
    await expect(firstName).toHaveAttribute('aria-required', 'true');
    await expect(page.getByLabel('Email', { exact: true })).not.toHaveAttribute('aria-required', 'true');
    await expect(create).toBeInViewport();

    async function takeOrder(lastName: string) {
      await firstName.fill('Jeanne');
      await page.getByLabel('Last name').fill(lastName);
      await page.getByLabel('Email', { exact: true }).fill(`jeanne.${lastName.toLowerCase()}.${Date.now()}@example.fr`);
      await fillDelivery(page, sku);
      await page.getByLabel('Shipping fee (€)').fill('4,9O');
      await create.click();
      await expect(page.getByLabel('Shipping fee (€)')).toHaveAccessibleDescription(
        'Type an amount in euros, such as 4.90 or 4,90 (1,000 € at most).',
      );
      await page.getByLabel('Shipping fee (€)').fill('4,90');
      // The summary's shipping row, not any €4.90 on the page (an item's unit price can be that too).
      await expect(page.locator('dt:text-is("Shipping") + dd')).toHaveText('€4.90');
      await expect(create).toBeInViewport();
      await create.click();
      const number = page.getByTestId('created-order-number');
      await expect(number).toHaveText(/^CMP-\d+$/);
      await expect(page.getByRole('heading', { name: 'Order created' })).toBeFocused();
      await expect(page.getByText(/^Total €[\d,]+\.\d\d, VAT included\.$/)).toBeVisible();
      return (await number.textContent())!;
    }

    const first = await takeOrder('Premiere');
    await page.screenshot({ path: testInfo.outputPath('phone-order-created-1024.png') });
    // The action's revalidation re-rendered the page: the confirmation is still there.
    await expect(page).toHaveURL(/\/orders\/new$/);

    await page.getByRole('button', { name: 'Take another order' }).click();
    await expect(firstName).toBeFocused();
    await expect(firstName).toHaveValue('');
    await expect(page.getByLabel('Product, barcode or SKU')).toHaveValue('');
    const second = await takeOrder('Seconde');
    // A fresh idempotency key: a second order, not the first one's replay.
    expect(second).not.toBe(first);
    await page.getByRole('link', { name: 'Open the order' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(second);
  });
});
