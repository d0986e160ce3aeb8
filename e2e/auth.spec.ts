import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/seed/constants';
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

  test('the demo accounts are listed, as the database holds the demo seed', async ({ page }) => {
    await page.goto('/login');
    const demo = page.getByRole('region', { name: 'Demo accounts' });
    await expect(demo).toContainText(DEMO_PASSWORD);
    await expect(demo.getByRole('button', { name: /owner@comptoir\.test/ })).toBeVisible();
    await expect(page.getByText('No staff account yet')).toHaveCount(0);
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
});

// Accounts of their own: signing out ends every session of the account (the stored per-role
// states included), and throttling closes the account tried.
const SIGN_OUT_ACCOUNT = DEMO_USERS.find((u) => u.email === 'agent2@comptoir.test')!;
const THROTTLED_EMAIL = 'throttle.e2e@comptoir.test';

test.describe('ending sessions', () => {
  test('signing out ends the session, even for a copy of its cookie replayed afterwards', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, SIGN_OUT_ACCOUNT.email, DEMO_PASSWORD);
    await expectSignedIn(page);
    // What someone who copied the cookie keeps.
    const copied = await context.storageState();

    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/orders');
    await expect(page).toHaveURL(/\/login/);
    await context.close();

    const replay = await browser.newContext({ storageState: copied });
    const replayed = await replay.newPage();
    await replayed.goto('/');
    await expect(replayed).toHaveURL(/\/login/);
    await expect(mainNav(replayed)).toHaveCount(0);
    await replay.close();
  });
});

test.describe('throttling', () => {
  test('repeated wrong passwords are told to wait, without a word on whether the account exists', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email', { exact: true }).fill(THROTTLED_EMAIL);
    const alert = page.getByRole('alert').filter({ hasText: /incorrect|Too many/ });
    let throttledAfter = 0;
    for (let attempt = 1; attempt <= 10 && !throttledAfter; attempt++) {
      await page.getByLabel('Password', { exact: true }).fill(`wrong-${attempt}`);
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'),
        page.getByRole('button', { name: 'Sign in', exact: true }).click(),
      ]);
      await expect(alert).toBeVisible();
      if (/Too many sign-in attempts/.test((await alert.textContent()) ?? '')) throttledAfter = attempt;
    }
    // The first failures are plain refusals; after five in a row the form says to wait.
    expect(throttledAfter).toBeGreaterThan(5);
    await expect(alert).toContainText(/Too many sign-in attempts\. Wait .*, then try again\./);
    await expect(alert).not.toContainText('incorrect');
    await expect(page).toHaveURL(/\/login/);
  });
});
