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

  test('the open user menu has no serious accessibility violation', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /Account menu/ }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
