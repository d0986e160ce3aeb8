import { expect, test, type Browser } from '@playwright/test';
import { authFile } from './fixtures';

// The build's JavaScript and CSS reach the browser brotli-compressed by the app's own server
// (lib/next/brotli-static.ts), which compresses each file in the background the first time it is
// asked for (Next sends that first answer with gzip). A page's files are then sent as br to a
// browser that comes later, cached for good, and the page runs.

type Asset = { url: string; encoding?: string; cache?: string; type?: string };

/** Opens the receive page in a fresh browser context (an empty HTTP cache) and lists the files it loaded. */
async function visit(browser: Browser) {
  const context = await browser.newContext({ storageState: authFile('owner') });
  const page = await context.newPage();
  const assets: Asset[] = [];
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
  await page.goto('/inventory/receive');
  // The CSV import comes in a chunk of its own after the page; idle-time fetches follow.
  await expect(page.getByRole('button', { name: 'Check and import' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  return { context, page, assets };
}

test('a page’s scripts and styles arrive brotli-compressed, immutable, and the page runs', async ({ browser }) => {
  // The first visit asks for every file; the server compresses them meanwhile, one at a time.
  const first = await visit(browser);
  const urls = [...new Set(first.assets.map((a) => a.url))];
  expect(urls.filter((u) => u.endsWith('.js')).length).toBeGreaterThan(10);
  expect(urls.some((u) => u.endsWith('.css'))).toBe(true);
  await expect
    .poll(
      async () => {
        for (const url of urls) {
          const answer = await first.page.request.get(url, { headers: { 'accept-encoding': 'br' } });
          if (answer.headers()['content-encoding'] !== 'br') return url;
        }
        return 'all br';
      },
      { timeout: 30_000 },
    )
    .toBe('all br');
  await first.context.close();

  // A browser that comes later receives every one of them as br, and the page works.
  const { context, page, assets } = await visit(browser);
  const again = assets.filter((a) => urls.includes(a.url));
  expect(again.length).toBeGreaterThan(10);
  for (const asset of again) {
    expect(asset.encoding, asset.url).toBe('br');
    expect(asset.cache, asset.url).toBe('public, max-age=31536000, immutable');
    expect(asset.type, asset.url).toMatch(/^(application\/javascript|text\/css); charset=UTF-8$/);
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Receive stock' })).toBeVisible();
  await page.getByLabel('SKU or barcode').fill('NOPE-0000');
  await page.getByLabel('SKU or barcode').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'NOPE-0000' })).toBeVisible();
  await context.close();
});
