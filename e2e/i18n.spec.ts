import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '@/lib/seed/constants';
import { authFile, mainNav, signIn } from './fixtures';

test.describe('French', () => {
  test.use({ storageState: authFile('owner') });

  test('the language chosen in the user menu translates the shell', async ({ page }) => {
    await page.goto('/');
    await expect(mainNav(page).getByRole('link', { name: 'Orders', exact: true })).toBeVisible();
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitemradio', { name: 'Français' }).click();

    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await expect(nav.getByRole('link', { name: 'Tableau de bord', exact: true })).toBeVisible();
    for (const name of ['Stocks', 'Commandes', 'Click & collect', 'Clients', 'Indicateurs', 'Paramètres']) {
      await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
    }
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

    // Remembered: a new page load stays in French.
    await page.reload();
    await expect(nav.getByRole('link', { name: 'Commandes', exact: true })).toBeVisible();

    // Back to English, so that the owner's saved language does not follow other tests' sign-ins.
    await page.getByRole('button', { name: /Menu du compte/ }).click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await expect(mainNav(page).getByRole('link', { name: 'Orders', exact: true })).toBeVisible();
  });
});

test('the language a staff member chose follows them to another browser at sign-in', async ({ browser }) => {
  // An account no other test signs in with: its saved language is this test's alone.
  const email = 'manager.marseille@comptoir.test';
  const first = await browser.newContext();
  const page = await first.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  await expect(mainNav(page).getByRole('link', { name: 'Orders', exact: true })).toBeVisible();
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitemradio', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await first.close();

  // Another browser, English by its Accept-Language and without the cookie: French once signed in.
  const second = await browser.newContext({ locale: 'en-US' });
  const other = await second.newPage();
  await signIn(other, email, DEMO_PASSWORD);
  const nav = other.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link', { name: 'Commandes', exact: true })).toBeVisible();
  await expect(other.locator('html')).toHaveAttribute('lang', 'fr');
  await second.close();
});

test('the sign-in page has its own language switch', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se connecter à Comptoir');
  await expect(page.getByLabel('Mot de passe', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Se connecter', exact: true })).toBeVisible();
});

test.describe("channel and location names in the reader's language", () => {
  test.use({ storageState: authFile('owner') });

  // The demo's web shop and warehouse have a name per language; Amazon.fr and the stores keep theirs.
  const READERS = [
    {
      locale: 'en',
      web: 'Online shop',
      other: 'Boutique en ligne',
      warehouse: 'Orléans-Saran warehouse',
      orders: 'Orders',
      levels: 'Stock per location',
      channels: ['Amazon.fr', 'Customer service (phone)', 'Online shop', 'Store tills', 'Zalando'],
    },
    {
      locale: 'fr',
      web: 'Boutique en ligne',
      other: 'Online shop',
      warehouse: 'Entrepôt Orléans-Saran',
      orders: 'Commandes',
      levels: 'Stock par site',
      channels: ['Amazon.fr', 'Boutique en ligne', 'Caisses des magasins', 'Service client (téléphone)', 'Zalando'],
    },
  ] as const;

  for (const reader of READERS) {
    test(`a reader in ${reader.locale} sees them on the orders list and a SKU's stock`, async ({ page, baseURL }) => {
      await page.context().addCookies([{ name: 'locale', value: reader.locale, url: baseURL! }]);
      await page.goto('/orders?channel=web');
      await expect(page.locator('html')).toHaveAttribute('lang', reader.locale);
      const orders = page.getByRole('region', { name: reader.orders, exact: true });
      await expect(orders.locator('tbody tr').first()).toContainText(reader.web);
      await expect(orders).not.toContainText(reader.other);
      // The channel filter offers them by the names shown, in that order.
      await expect(page.locator('select[name="channel"] option:not([value=""])')).toHaveText([...reader.channels]);

      await page.goto('/inventory');
      await page.locator('tbody tr').first().getByRole('link').first().click();
      await expect(page).toHaveURL(/\/inventory\/[0-9a-f-]{36}$/);
      const levels = page.getByRole('region', { name: reader.levels, exact: true });
      await expect(levels.getByText(reader.warehouse, { exact: true })).toBeVisible();
    });
  }
});
