import { expect, test } from '@playwright/test';
import { authFile, mainNav } from './fixtures';

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
  });
});

test('the sign-in page has its own language switch', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se connecter à Comptoir');
  await expect(page.getByLabel('Mot de passe', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Se connecter', exact: true })).toBeVisible();
});
