import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { authFile, seriousViolations } from './fixtures';

// The development mailbox (Settings → Messages): the e2e server has no SMTP_URL, and renders the
// seed's waiting messages before it starts (scripts/e2e-server.sh runs jobs:once), so the
// latest ready message is there, kept and rendered, as the customer would see it.

test.use({ storageState: authFile('owner') });

test('the mailbox lists the outbox and shows a rendered ready message, without a CSP violation or a serious axe violation', async ({
  page,
}) => {
  const cspViolations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });

  await page.goto('/settings');
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Messages' }).click();
  await expect(page).toHaveURL(/\/settings\/messages$/);
  await expect(page.getByText('No SMTP server is configured (SMTP_URL)')).toBeVisible();

  const table = page.getByRole('region', { name: 'Customer messages, newest first' });
  const kept = table.getByRole('row').filter({ hasText: 'Kept here' }).filter({ hasText: 'Ready to collect' }).first();
  await expect(kept).toBeVisible();
  await expect(kept).toContainText('1 attempt');
  await kept.getByRole('link', { name: 'Ready to collect' }).click();
  await expect(page).toHaveURL(/\/settings\/messages\?id=\d+$/);

  const frame = page.frameLocator('iframe[title^="Rendered message"]');
  await expect(frame.getByRole('heading', { name: 'Votre commande est prête' })).toBeVisible();
  await expect(frame.getByText('Votre code de retrait')).toBeVisible();
  await expect(frame.getByText(/^\d{3} \d{3}$/)).toBeVisible();
  await expect(frame.getByText('Où la retirer')).toBeVisible();
  // The code's QR: sent as an inline PNG by cid, shown here as the same PNG in a data: URI.
  await expect(frame.getByRole('img', { name: /^QR code du code de retrait \d{3} \d{3}$/ })).toBeVisible();
  await expect(page.getByText(/^Subject: Votre commande .+ est prête à être retirée$/)).toBeVisible();

  // The page, without the sandboxed frame (no script runs in it, axe's included), then the e-mail
  // itself as a document of its own.
  expect(await seriousViolations(new AxeBuilder({ page }).exclude('iframe'))).toEqual([]);
  const html = await page.locator('iframe[title^="Rendered message"]').getAttribute('srcdoc');
  const mail = await page.context().newPage();
  expect(html).toContain('src="data:image/png;base64,');
  expect(html).not.toContain('cid:');
  await mail.setContent(html!);
  const qr = mail.getByRole('img', { name: /^QR code du code de retrait/ });
  expect(await qr.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(150);
  expect(await seriousViolations(new AxeBuilder({ page: mail }))).toEqual([]);
  await mail.close();

  await page.screenshot({ path: 'test-results/pickups-messages-mailbox.png', fullPage: true });
  expect(cspViolations).toEqual([]);
});

test('the mailbox pages through the outbox, newest first', async ({ page }) => {
  await page.goto('/settings/messages');
  const pager = page.getByRole('navigation', { name: 'Pages of messages' });
  await pager.getByRole('link', { name: 'Older' }).click();
  await expect(page).toHaveURL(/before=\d+/);
  await expect(page.getByRole('region', { name: 'Customer messages, newest first' }).getByRole('row')).not.toHaveCount(
    1,
  );
  await pager.getByRole('link', { name: 'Newest' }).click();
  await expect(page).toHaveURL(/\/settings\/messages$/);
});
