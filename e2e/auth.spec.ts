import { expect, test } from '@playwright/test';
import { accountOf, authFile, expectSignedIn, mainNav, signIn } from './fixtures';

test.describe('signed out', () => {
  test('a wrong password is refused with a message and stays on the sign-in page', async ({ page }) => {
    await signIn(page, accountOf('owner').email, 'not-the-password');
    // Next.js adds its own (empty) role=alert route announcer: pick the form's by its text.
    await expect(page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    // What was typed stays, so a typo is fixed without retyping the email.
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue(accountOf('owner').email);
    await expect(mainNav(page)).toHaveCount(0);
  });

  test('a visit to a section lands on the sign-in page', async ({ page }) => {
    await page.goto('/orders');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  });

  test('signing in goes to the dashboard', async ({ page }) => {
    const agent = accountOf('agent');
    await signIn(page, agent.email, agent.password);
    await expectSignedIn(page);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(agent.name.split(' ')[0]);
  });
});

test.describe('signed in', () => {
  test.use({ storageState: authFile('manager') });

  test('the signed-in user sees the dashboard, not the sign-in page', async ({ page }) => {
    await page.goto('/login');
    await expect(page).toHaveURL((url) => url.pathname === '/');
  });

  test('signing out ends the session', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/orders');
    await expect(page).toHaveURL(/\/login/);
  });
});
