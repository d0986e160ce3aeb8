import { expect, test } from '@playwright/test';
import { authFile, mainNav, NAV_BY_ROLE, NAV_EN, ROLES } from './fixtures';

for (const role of ROLES) {
  test.describe(`${role} navigation`, () => {
    test.use({ storageState: authFile(role) });

    test(`shows the ${role}'s sections and no other`, async ({ page }) => {
      await page.goto('/');
      const nav = mainNav(page);
      const allowed = NAV_BY_ROLE[role];
      for (const key of allowed) {
        await expect(nav.getByRole('link', { name: NAV_EN[key], exact: true })).toBeVisible();
      }
      for (const key of Object.keys(NAV_EN) as (keyof typeof NAV_EN)[]) {
        if (!allowed.includes(key))
          await expect(nav.getByRole('link', { name: NAV_EN[key], exact: true })).toHaveCount(0);
      }
      await expect(nav.getByRole('link')).toHaveCount(allowed.length);
      await expect(nav.getByRole('link', { name: 'Dashboard', exact: true })).toHaveAttribute('aria-current', 'page');
    });
  });
}

test.describe('a section outside the role', () => {
  test.use({ storageState: authFile('agent') });

  test('is refused on the server, not only hidden', async ({ page }) => {
    await page.goto('/settings');
    await expect(page).toHaveURL(/\/forbidden$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this page');
  });
});
