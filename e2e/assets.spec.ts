import { expect, test } from '@playwright/test';
import { authFile } from './fixtures';

// The build's JavaScript and CSS reach the browser brotli-compressed by the app's own server
// (lib/next/brotli-static.ts), which compresses them in the background as it starts: once it has,
// every script a page loads comes as br, cached for good, and the page runs.

test.use({ storageState: authFile('owner') });

test('a page’s scripts and styles arrive brotli-compressed, immutable, and the page runs', async ({ page }) => {
  const assets: { url: string; encoding?: string; cache?: string; type?: string }[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/_next/static/') || !/\.(js|css)$/.test(url.pathname)) return;
    const headers = response.headers();
    assets.push({
      url: url.pathname,
      encoding: headers['content-encoding'],
      cache: headers['cache-control'],
      type: headers['content-type'],
    });
  });

  // The server compresses for a few seconds after it starts; until then Next sends gzip.
  await expect
    .poll(
      async () => {
        assets.length = 0;
        await page.goto('/inventory/receive');
        return assets.length > 0 && assets.every((a) => a.encoding === 'br');
      },
      { timeout: 30_000 },
    )
    .toBe(true);

  expect(assets.some((a) => a.url.endsWith('.js'))).toBe(true);
  expect(assets.some((a) => a.url.endsWith('.css'))).toBe(true);
  for (const asset of assets) {
    expect(asset.cache, asset.url).toBe('public, max-age=31536000, immutable');
    expect(asset.type, asset.url).toMatch(/^(application\/javascript|text\/css); charset=UTF-8$/);
  }
  // The scripts ran: the form works, and the CSV import (its own chunk, after the page) came too.
  await expect(page.getByRole('heading', { level: 1, name: 'Receive stock' })).toBeVisible();
  await page.getByLabel('SKU or barcode').fill('NOPE-0000');
  await page.getByLabel('SKU or barcode').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'NOPE-0000' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Check and import' })).toBeVisible();
});
