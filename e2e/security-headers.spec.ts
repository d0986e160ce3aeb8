import { expect, test, type Page } from '@playwright/test';
import { authFile } from './fixtures';

/** What every answer carries, whoever served it (a page, a route, the 404 page, the order lane). */
function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy'], what).toContain('microphone=()');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
  // Plain http here: HSTS is for answers that came over https only.
  expect(headers['strict-transport-security'], what).toBeUndefined();
}

/** Records CSP violations the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${location.pathname}`,
      );
    });
  });
  return violations;
}

test.describe('security headers', () => {
  test.use({ storageState: authFile('owner') });

  test('pages carry a nonce CSP that Next honours: no violation, and the pages still work', async ({ page }) => {
    const violations = await watchViolations(page);
    const nonces = new Set<string>();
    for (const path of [
      '/',
      '/orders',
      '/inventory',
      '/inventory/transfers',
      '/inventory/counts',
      '/pickups',
      '/customers',
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      const headers = response!.headers();
      expectSecurityHeaders(headers, path);
      const csp = headers['content-security-policy'];
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp).not.toContain('unsafe-eval');
      const nonce = /'nonce-([^']+)'/.exec(csp)![1];
      nonces.add(nonce);
      // Every script the server wrote carries this answer's nonce (those they load need none: 'strict-dynamic').
      const tags = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length, path).toBeGreaterThan(0);
      for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    // A fresh nonce per answer.
    expect(nonces.size).toBe(7);
    // Client-side navigation and React still run under the policy.
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Orders' }).click();
    await expect(page).toHaveURL(/\/orders$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('an API answer, a 404 page and an unknown API path carry them too', async ({ page, request }) => {
    const health = await request.get('/api/health');
    expectSecurityHeaders(health.headers(), '/api/health');
    expect(health.headers()['content-security-policy']).toContain("default-src 'none'");

    const violations = await watchViolations(page);
    const missing = await page.goto('/no-such-page');
    expect(missing?.status()).toBe(404);
    expectSecurityHeaders(missing!.headers(), '404 page');
    expect(missing!.headers()['content-security-policy']).toContain("'nonce-");
    expect(violations).toEqual([]);

    const unknownApi = await request.get('/api/v1/no-such-route');
    expect(unknownApi.status()).toBe(404);
    expect(unknownApi.headers()['x-content-type-options']).toBe('nosniff');
  });

  test('an order delivery through the production server lane carries them, and HSTS over https', async ({
    request,
  }) => {
    const delivery = await request.post('/api/v1/channels/web/orders', {
      data: '{}',
      headers: { 'content-type': 'application/json', 'x-request-id': 'e2e-lane-1' },
    });
    expect(delivery.status()).toBe(401);
    expectSecurityHeaders(delivery.headers(), 'order lane');
    expect(delivery.headers()['x-request-id']).toBe('e2e-lane-1');

    const overHttps = { 'x-forwarded-proto': 'https' };
    const lane = await request.post('/api/v1/channels/web/orders', {
      data: '{}',
      headers: { ...overHttps, 'content-type': 'application/json' },
    });
    expect(lane.headers()['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains$/);
    const page = await request.get('/login', { headers: overHttps });
    expect(page.headers()['strict-transport-security']).toMatch(/^max-age=\d+/);
    expect(page.headers()['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  test('forms checking their values with zod in the browser raise no violation (zod runs jitless there)', async ({
    page,
  }) => {
    const violations = await watchViolations(page);
    // Each form's schema arrives after the page (components/form-errors.ts): the first check runs zod.
    await page.goto('/inventory/receive');
    await page.getByRole('button', { name: 'Receive stock' }).click();
    await expect(page.getByText('Enter the delivery note number.')).toBeVisible();
    await page.goto('/orders/new');
    await page.getByRole('button', { name: 'Create the order' }).click();
    await expect(page.getByText('Add at least one item.')).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('malformed dates and forged cursors in list URLs show the list, not an error', async ({ page }) => {
    const forged = Buffer.from(
      JSON.stringify({ t: '2024-99-99T10:00:00.000Z', id: '00000000-0000-4000-8000-000000000000' }),
    ).toString('base64url');
    const forgedCreated = Buffer.from(
      JSON.stringify({ t: '2024-99-99T10:00:00.000000Z', id: '00000000-0000-4000-8000-000000000000' }),
    ).toString('base64url');
    for (const path of [
      '/orders?from=2024-13-45&to=0000-00-00',
      `/orders?after=${forged}`,
      `/inventory/transfers?before=${forgedCreated}`,
      `/inventory/counts?before=${forgedCreated}`,
      '/inventory?q=%00&page=-1',
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
    }
  });
});

test.describe('signed out', () => {
  test('the login page runs under the policy', async ({ page }) => {
    const violations = await watchViolations(page);
    const response = await page.goto('/login');
    expectSecurityHeaders(response!.headers(), '/login');
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    expect(violations).toEqual([]);
  });
});
