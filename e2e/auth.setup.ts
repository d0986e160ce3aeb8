import { test as setup } from '@playwright/test';
import { accountOf, authFile, expectSignedIn, ROLES, signIn } from './fixtures';

// Sign in once per role through the real form; specs reuse the stored session cookies.
for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const { email, password } = accountOf(role);
    await signIn(page, email, password);
    await expectSignedIn(page);
    await page.context().storageState({ path: authFile(role) });
  });
}
