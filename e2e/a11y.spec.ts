import { expect, test } from '@playwright/test';
import { authFile, mainNav, seriousViolations } from './fixtures';

test('the sign-in page has no serious accessibility violation', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe('shell', () => {
  test.use({ storageState: authFile('owner') });

  test('the dashboard has no serious accessibility violation', async ({ page }) => {
    await page.goto('/');
    await expect(mainNav(page)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the first Tab reaches "Skip to content", which takes the keyboard to the page', async ({ page }) => {
    await page.goto('/orders');
    await expect(mainNav(page)).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
  });

  test('the open user menu has no serious accessibility violation', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /Account menu/ }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
