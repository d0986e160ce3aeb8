import { expect, test, type Page } from '@playwright/test';
import { authFile } from './fixtures';

// Shared UI mechanisms every page inherits: tables that let the page scroll, charts that load
// after the page, client navigation without a skeleton flash.
test.use({ storageState: authFile('owner') });

/** Elements inside main that scroll vertically themselves (a box that traps the wheel on a tablet). */
async function innerVerticalScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((el) => {
        const style = getComputedStyle(el);
        return /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}[data-slot=${el.getAttribute('data-slot')}]`),
  );
}

test.describe('tables at 1024 × 768', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  for (const path of ['/orders', '/inventory', '/inventory/transfers']) {
    test(`${path}: the page scrolls, not the table, and every column fits`, async ({ page }) => {
      await page.goto(path);
      const table = page.locator('main [data-slot="table-container"]').first();
      await expect(table).toBeVisible();
      expect(await innerVerticalScrollers(page)).toEqual([]);
      // Nothing to scroll sideways, nothing cut at the right edge.
      expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    });
  }

  // The demo's orders and stock lists are longer than the window.
  for (const path of ['/orders', '/inventory']) {
    test(`${path}: the header row sticks under the app header as the page scrolls`, async ({ page }) => {
      await page.goto(path);
      const headerRow = page.locator('main [data-slot="table-container"] thead').first();
      await expect(headerRow).toBeVisible();
      const appHeader = (await page.locator('header').first().boundingBox())!;
      const before = (await headerRow.boundingBox())!;
      expect(before.y).toBeGreaterThan(appHeader.height + 50);
      await page.mouse.move(600, 600);
      await page.mouse.wheel(0, 900);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before.y);
      const after = (await headerRow.boundingBox())!;
      expect(Math.abs(after.y - appHeader.height)).toBeLessThanOrEqual(1);
    });
  }

  test('the SKU page: stock movements show every column', async ({ page }) => {
    await page.goto('/inventory');
    await page.locator('main table a[href^="/inventory/"]').first().click();
    const movements = page.getByRole('region', { name: 'Stock movements of this SKU' });
    await expect(movements).toBeVisible();
    expect(await movements.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    expect(await innerVerticalScrollers(page)).toEqual([]);
  });
});

test('the SKU page draws its chart after the page, from a chunk the page did not load first', async ({ page }) => {
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('/inventory');
  // A SKU with stock history (one without has no chart to draw; earlier specs change which comes first).
  const hrefs = await page
    .locator('main table a[href^="/inventory/"]')
    .evaluateAll((links) => links.slice(0, 12).map((a) => a.getAttribute('href')!));
  let href: string | undefined;
  for (const candidate of hrefs) {
    if ((await (await page.request.get(candidate)).text()).includes('data-chart="on-hand"')) {
      href = candidate;
      break;
    }
  }
  expect(href, 'a SKU with a stock history among the first rows').toBeDefined();
  const response = await page.goto(href!);
  const html = await response!.text();
  // Server-rendered: the chart's box with its name, not the chart.
  expect(html).toContain('data-chart="on-hand"');
  expect(html).not.toContain('recharts-surface');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const chart = page.locator('[data-chart="on-hand"]');
  // The chart's surface (Recharts also draws one per legend icon).
  await expect(chart.locator('svg.recharts-surface[role="application"]')).toBeVisible();
  // The chunk that drew it is not among the scripts the page's HTML asks for.
  const firstLoad = new Set(
    [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => new URL(m[1], page.url()).href),
  );
  const chartChunks: string[] = [];
  for (const url of scripts) {
    const body = await (await page.request.get(url)).text();
    if (body.includes('recharts-surface')) chartChunks.push(url);
  }
  expect(chartChunks.length).toBeGreaterThan(0);
  for (const url of chartChunks) expect(firstLoad.has(url)).toBe(false);
});

test('list → detail → list moves on the client without a loading skeleton', async ({ page }) => {
  await page.goto('/orders');
  await page.evaluate(() => {
    const w = window as unknown as { skeletonSeen: boolean };
    w.skeletonSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('main [aria-busy="true"]')) w.skeletonSeen = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  const link = page.locator('main table a[href^="/orders/"]').first();
  const number = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(number);
  await page.locator('main a[href="/orders"]').first().click();
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.locator('main table')).toBeVisible();
  // Same document all along (a client navigation), and no skeleton on the way.
  expect(await page.evaluate(() => (window as unknown as { skeletonSeen: boolean }).skeletonSeen)).toBe(false);
});

test.describe('the progress bar of a slow navigation', () => {
  // The bar shows 120 ms after the click (SHOW_AFTER_MS in components/shell/navigation-progress.tsx).
  // The page's clock is paused, so the test decides what is slow instead of the machine's load:
  // a page answered before the clock moves is fast, one held while it moves is slow.
  const bar = (page: Page) => page.getByTestId('navigation-progress');
  // The bar's code arrives right after the page (components/shell/app-shell.tsx): wait for it to be mounted.
  const barReady = (page: Page) => page.getByTestId('navigation-status').waitFor({ state: 'attached' });
  const status = (page: Page) => page.getByRole('status').filter({ hasText: 'Loading the page…' });

  test('shows after a short delay while the page is slow to come, and goes when it arrives', async ({ page }) => {
    await page.clock.install();
    await page.goto('/orders');
    await barReady(page);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => /^\/orders\/[0-9a-f-]{36}$/.test(url.pathname),
      async (route) => {
        const headers = route.request().headers();
        if (headers.rsc === '1' && !headers['next-router-prefetch']) await held;
        await route.continue();
      },
    );
    await page.clock.pauseAt(Date.now() + 1_000);
    const link = page.locator('main table a[href^="/orders/"]').first();
    const number = (await link.textContent())!.trim();
    await link.click();
    await page.clock.runFor(100);
    await expect(bar(page)).toHaveCount(0);
    await page.clock.runFor(50);
    await expect(bar(page)).toBeVisible();
    await expect(status(page)).toHaveCount(1);
    // The current page stays, still usable, while the next one comes.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Orders');
    release();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(number);
    await expect(bar(page)).toHaveCount(0);
    await expect(status(page)).toHaveCount(0);
  });

  test('shows nothing for a page that arrives before the delay, from a row or the sidebar', async ({ page }) => {
    await page.clock.install();
    await page.goto('/orders');
    await barReady(page);
    await page.evaluate(() => {
      const w = window as unknown as { barSeen: boolean };
      w.barSeen = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="navigation-progress"]')) w.barSeen = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.clock.pauseAt(Date.now() + 1_000);
    const link = page.locator('main table a[href^="/orders/"]').first();
    const number = (await link.textContent())!.trim();
    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(number);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Inventory', exact: true })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inventory');
    // The delay has long passed now: nothing shows late either.
    await page.clock.runFor(1_000);
    await expect(bar(page)).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { barSeen: boolean }).barSeen)).toBe(false);
  });
});
