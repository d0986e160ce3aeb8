import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Route } from '@playwright/test';
import { feedSkus, newPhone, placeOrder } from './channel-api';
import { authFile, seriousViolations } from './fixtures';

// An agent finds a customer from a scrap: on /customers by a misspelled name without its accents,
// in the palette (Ctrl+K) from any page by a phone read with spaces; arrows and Enter open the
// profile. The customer is created by an order posted a moment before: no indexing delay.

test.use({ storageState: authFile('agent') });

/** Posts a ship order for a new customer through the web channel's signed API; its order number. */
async function orderFor(
  request: APIRequestContext,
  customer: { email: string; phone: string; firstName: string; lastName: string },
): Promise<string> {
  const [sku] = await feedSkus(request, { limit: 1 });
  const order = await placeOrder(request, {
    prefix: 'E2E-CUSTOMER',
    customer,
    lines: [{ sku, quantity: 1 }],
    fulfilment: {
      type: 'ship',
      address: {
        name: `${customer.firstName} ${customer.lastName}`,
        line1: '3 rue des Lilas',
        postalCode: '35000',
        city: 'Rennes',
        country: 'FR',
      },
    },
  });
  return order.number;
}

test('an agent finds a new customer by a misspelled name, without accents, and opens the profile', async ({
  page,
  request,
}) => {
  const phone = newPhone();
  const number = await orderFor(request, {
    email: `berenice.${randomUUID().slice(0, 8)}@example.fr`,
    phone: phone.e164,
    firstName: 'Bérénice',
    lastName: 'Quatremère',
  });

  await page.goto('/customers');
  const box = page.getByRole('combobox', { name: 'Search customers' });
  await expect(box).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Type a name' })).toBeVisible();
  await box.fill('berenice quatermere');
  const results = page.getByRole('listbox', { name: 'Customers found' });
  const hit = results.getByRole('option').filter({ hasText: 'Bérénice Quatremère' }).first();
  await expect(hit).toBeVisible();
  await expect(hit).toContainText(`Last order ${number}`);
  await expect(hit).toContainText('Rennes');
  await expect(hit).toContainText('Name');
  // The text is kept in the URL: a reload finds the same customer.
  await expect(page).toHaveURL(/\?q=berenice/);
  expect(await seriousViolations(page)).toEqual([]);

  await hit.click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bérénice Quatremère');
});

test('text typed on /customers before the page’s scripts have run is kept, and finds the customer', async ({
  page,
  request,
}) => {
  const number = await orderFor(request, {
    email: `hative.${randomUUID().slice(0, 8)}@example.fr`,
    phone: newPhone().e164,
    firstName: 'Anatole',
    lastName: 'Hâtivel',
  });

  // The page's scripts are held until the text is typed: the field typed into is the one the server
  // rendered, before hydration and before the search component is loaded (as on a slow connection).
  const held: Route[] = [];
  let holding = true;
  await page.route('**/_next/static/chunks/**', (route) => (holding ? void held.push(route) : route.continue()));
  await page.goto('/customers', { waitUntil: 'commit' });
  const field = page.getByRole('searchbox', { name: 'Search customers' });
  await field.pressSequentially('anatole hativel', { delay: 15 });
  expect(held.length).toBeGreaterThan(0);
  // Still the server's field: nothing has hydrated.
  await expect(page.getByRole('combobox', { name: 'Search customers' })).toHaveCount(0);

  holding = false;
  await Promise.all(held.map((route) => route.continue()));
  const box = page.getByRole('combobox', { name: 'Search customers' });
  await expect(box).toHaveValue('anatole hativel');
  const hit = page
    .getByRole('listbox', { name: 'Customers found' })
    .getByRole('option')
    .filter({ hasText: 'Anatole Hâtivel' })
    .first();
  await expect(hit).toBeVisible();
  await expect(hit).toContainText(`Last order ${number}`);
  // Typing goes on in the loaded search, after what was kept.
  await box.press('End');
  await box.pressSequentially(' ');
  await expect(box).toHaveValue('anatole hativel ');
  await expect(hit).toBeVisible();
});

test('Ctrl+K opens the palette on any page; a phone read with spaces, arrows and Enter open the profile', async ({
  page,
  request,
}) => {
  const phone = newPhone();
  const number = await orderFor(request, {
    email: `palette.${randomUUID().slice(0, 8)}@example.fr`,
    phone: phone.e164,
    firstName: 'Gaëtan',
    lastName: 'Paletot',
  });

  await page.goto('/orders');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The shortcut is heard once the page has hydrated (the header's listener is an effect): the
  // filters' submit button, there for browsers without JavaScript, hides then. Under load the
  // server-rendered heading shows well before (CI pressed Ctrl+K into a page not yet listening).
  await expect(page.getByRole('button', { name: 'Apply', exact: true })).toBeHidden();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Find a customer' });
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole('combobox', { name: 'Search customers' });
  await expect(box).toBeFocused();
  await box.pressSequentially(phone.typed, { delay: 15 });
  const option = dialog.getByRole('option').filter({ hasText: 'Gaëtan Paletot' });
  await expect(option).toBeVisible();
  await expect(option).toContainText('Phone');
  await expect(dialog.getByRole('status')).toHaveText('1 customer');
  expect(await seriousViolations(page)).toEqual([]);

  // The order number finds the same person, with the order as the reason.
  await box.fill(number.toLowerCase().replace('-', ''));
  await expect(dialog.getByRole('option').filter({ hasText: `Order ${number}` })).toBeVisible();
  await box.press('ArrowDown');
  await box.press('ArrowUp');
  await box.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gaëtan Paletot');

  // Escape closes it.
  await page.keyboard.press('Control+k');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test.describe('a store manager', () => {
  test.use({ storageState: authFile('manager') });
  test('has the customer search in the header, limited to the customers of their stores', async ({ page }) => {
    await page.goto('/pickups');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: /Search customers/ })).toBeVisible();
  });
});
