import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { placeOrder as postOrder, skusAvailableAt, type FeedSku } from './channel-api';
import { authFile, seriousViolations } from './fixtures';

// The hand-over at the counter, in Paris: a ready parcel found by its code typed with a space, by
// its order number and by the customer's name; handed over in part to a named person, after which
// the order is completed, what was left behind is refunded (the order's Payment card) and the stock
// and its ledger moved; two staff collecting the same parcel at once, one told who did; the camera
// where the browser reads QR codes; French at 1024 px.

const TABLET = { width: 1024, height: 768 };

type Levels = { variantId: string; levels: { locationId: string; code: string; onHand: number }[] };

test.use({ storageState: authFile('manager'), viewport: TABLET });

/** A last name no other order of the run has: letters only, so the counter reads it as a name. */
function uniqueName(): string {
  const letters = randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 6);
  return `Quémeneur${letters}`;
}

async function placeOrder(request: APIRequestContext, lastName: string, lines: { sku: FeedSku; quantity: number }[]) {
  return postOrder(request, {
    prefix: 'E2E-COUNTER',
    customer: { email: `counter-${randomUUID()}@example.fr`, firstName: 'Bérénice', lastName },
    lines,
    fulfilment: { type: 'pickup', locationCode: 'PAR' },
  });
}

/** Picks every line of the order by tap and marks it ready, as the Paris manager: its code. */
async function makeReady(page: Page, orderId: string, skus: string[]): Promise<string> {
  await page.goto(`/orders/${orderId}`);
  await page.getByRole('link', { name: 'Open the pick list' }).click();
  await page.waitForURL(/\/pickups\/[0-9a-f-]{36}$/);
  for (const sku of skus) {
    await page.getByRole('button', { name: `Mark ${sku} picked` }).click();
    await expect(page.locator(`tr[data-line="${sku}"]`)).toHaveAttribute('data-picked', 'true');
  }
  await page.getByRole('button', { name: 'Mark ready' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Mark ready' }).click();
  const code = page.getByTestId('pickup-code');
  await expect(code).toHaveText(/^[0-9]{3} [0-9]{3}$/);
  return (await code.innerText()).replace(/\s/g, '');
}

async function levelsOf(page: Page, sku: string): Promise<Levels> {
  return (await (await page.request.get(`/inventory/lookup?code=${encodeURIComponent(sku)}`)).json()) as Levels;
}
const onHandAt = (l: Levels, code: string) => l.levels.find((x) => x.code === code)!.onHand;

const spaced = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;
const money = (cents: number) =>
  new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' }).format(cents / 100);

test('a parcel found by spaced code, order number and name is handed over in part to a named person', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const [a, b] = await skusAvailableAt(request, ['PAR'], { units: 3, count: 2 });
  const lastName = uniqueName();
  const order = await placeOrder(request, lastName, [
    { sku: a, quantity: 1 },
    { sku: b, quantity: 2 },
  ]);
  const code = await makeReady(page, order.id, [a.sku, b.sku]);
  const before = { a: await levelsOf(page, a.sku), b: await levelsOf(page, b.sku) };

  // From the queue's header to the counter: the field has the focus.
  await page.goto('/pickups');
  await page.getByRole('link', { name: 'Counter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Counter' })).toBeVisible();
  const field = page.getByRole('textbox', { name: 'Code, order number or customer name' });
  await expect(field).toBeFocused();
  const results = page.getByRole('list', { name: 'Matching parcels' });
  const choice = results.getByRole('button', { name: `Hand over order ${order.number}` });

  // Searched as it is typed: by order number, then by name without its accent, in lower case.
  await field.fill(order.number);
  await expect(choice).toBeVisible();
  await expect(choice).toContainText(spaced(code));
  await expect(choice).toContainText(`Bérénice ${lastName}`);
  await expect(choice).toContainText(b.sku);
  await field.fill(`quemeneur${lastName.slice('Quémeneur'.length)}`);
  await expect(choice).toBeVisible();
  await expect(choice).toContainText('by name');
  expect(await seriousViolations(page)).toEqual([]);

  // The code with its space and Enter, as a keyboard-wedge scanner types it: the parcel opens.
  await field.fill(spaced(code));
  await field.press('Enter');
  const panel = page.getByRole('region', { name: `Hand over order ${order.number}` });
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('counter-code')).toHaveText(spaced(code));
  await expect(panel.getByLabel(`Quantity of`, { exact: false }).first()).toHaveValue('1');
  await expect(panel.getByRole('spinbutton', { name: new RegExp(`\\(${b.sku}\\)`) })).toHaveValue('2');
  await expect(panel).toContainText('Handed over by you (Julien Petit).');

  // Nothing at all is refused in the browser.
  await panel.getByRole('button', { name: `One less ${a.sku}` }).click();
  await panel.getByRole('button', { name: `One less ${b.sku}` }).click();
  await panel.getByRole('button', { name: `One less ${b.sku}` }).click();
  await panel.getByRole('button', { name: 'Hand over…' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Hand over at least one item.');

  // One of A, one of B of two; collected by someone else, named.
  await panel.getByRole('button', { name: `One more ${a.sku}` }).click();
  await panel.getByRole('button', { name: `One more ${b.sku}` }).click();
  await expect(panel).toContainText('1 item stays behind and goes back to stock.');
  await panel.getByRole('radio', { name: 'Someone else' }).check();
  await panel.getByRole('button', { name: 'Hand over…' }).click();
  await expect(panel.getByLabel('Name of the person collecting')).toBeFocused();
  await expect(panel.getByText('Give the name of the person collecting.')).toBeVisible();
  await panel.getByLabel('Name of the person collecting').fill('Marc Dupuis');
  await panel.getByRole('button', { name: 'Hand over…' }).click();
  const dialog = page.getByRole('dialog', { name: `Hand over order ${order.number}?` });
  await expect(dialog).toContainText('2 items to Marc Dupuis:');
  await expect(dialog).toContainText(`1 of 2 ×`);
  await expect(dialog).toContainText('A partial hand-over');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/pickups-counter-confirm.png', fullPage: true });
  await dialog.getByRole('button', { name: 'Hand over', exact: true }).click();

  // Done: said on the page and in a toast; the field is empty and focused for the next customer.
  await expect(page.getByTestId('counter-done')).toContainText(`Order ${order.number} handed over`);
  await expect(page.getByTestId('counter-done')).toContainText(
    '2 items handed over to Marc Dupuis. Ready for the next customer.',
  );
  await expect(page.getByTestId('counter-done')).toContainText(
    `Refund due to the customer for what stays behind: ${money(b.priceCents)}.`,
  );
  await expect(page.getByText(`Order ${order.number} handed over to Marc Dupuis.`)).toBeVisible();
  await expect(panel).toBeHidden();
  await expect(field).toHaveValue('');
  await expect(field).toBeFocused();
  // No longer on the shelf.
  await field.fill(spaced(code));
  await expect(page.getByRole('status').filter({ hasText: 'No ready parcel matches.' })).toBeVisible();

  // The order is completed, collected by Marc Dupuis; one unit of each SKU left the store's stock.
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByText('Completed').first()).toBeVisible();
  await expect(page.getByText('Collected by Marc Dupuis')).toBeVisible();
  // The customer pays only for what they took: the B left at the counter is refunded, at its price.
  const payment = page.locator('[data-slot="card"]').filter({ has: page.getByRole('heading', { name: 'Payment' }) });
  await expect(payment).toContainText('Partly refunded');
  const amount = (label: string) => payment.locator(`dt:text-is("${label}") + dd`);
  await expect(amount('Paid')).toHaveText(money(a.priceCents + 2 * b.priceCents));
  await expect(amount('Refunded')).toHaveText(`− ${money(b.priceCents)}`);
  await expect(amount('Net')).toHaveText(money(a.priceCents + b.priceCents));
  const refund = payment.getByRole('listitem');
  await expect(refund).toHaveCount(1);
  await expect(refund).toContainText('Left at the counter');
  await expect(refund).toContainText(`− ${money(b.priceCents)}`);
  await expect(page.getByText('Units left at the counter')).toBeVisible();
  await expect(page.getByText(`1 × ${b.sku}`, { exact: true })).toBeVisible();
  const after = { a: await levelsOf(page, a.sku), b: await levelsOf(page, b.sku) };
  expect(onHandAt(after.a, 'PAR')).toBe(onHandAt(before.a, 'PAR') - 1);
  expect(onHandAt(after.b, 'PAR')).toBe(onHandAt(before.b, 'PAR') - 1);
  await page.goto(`/inventory/${after.b.variantId}`);
  // The SKU's ledger: the unit handed over leaves on hand and its reservation, the one left behind is released.
  const rows = page
    .getByRole('region', { name: 'Stock movements of this SKU' })
    .getByRole('row')
    .filter({ hasText: order.number });
  const pickup = rows.filter({ hasText: 'Pickup' });
  await expect(pickup).toHaveCount(1);
  await expect(pickup.getByRole('cell').nth(2)).toHaveText('−1');
  await expect(pickup.getByRole('cell').nth(3)).toHaveText('−1');
  await expect(pickup).toContainText('Julien Petit');
  const release = rows.filter({ hasText: 'Release' });
  await expect(release).toHaveCount(1);
  await expect(release.getByRole('cell').nth(2)).toHaveText('0');
  await expect(release.getByRole('cell').nth(3)).toHaveText('−1');
});

/** A signed-in page of another role, on its own browser context. */
async function pageAs(browser: Browser, role: 'owner' | 'manager', baseURL: string, locale = 'en') {
  const context = await browser.newContext({ storageState: authFile(role), viewport: TABLET, baseURL });
  await context.addCookies([{ name: 'locale', value: locale, url: baseURL }]);
  return { context, page: await context.newPage() };
}

test('two staff handing over the same parcel at once: one does, the other is told who did', async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const [a] = await skusAvailableAt(request, ['PAR'], { units: 3, count: 2 });
  const order = await placeOrder(request, uniqueName(), [{ sku: a, quantity: 1 }]);
  const code = await makeReady(page, order.id, [a.sku]);
  const paris = (await levelsOf(page, a.sku)).levels.find((l) => l.code === 'PAR')!.locationId;
  const url = `/pickups/counter?${new URLSearchParams({ location: paris, q: code })}`;

  const owner = await pageAs(browser, 'owner', baseURL!);
  const both = [page, owner.page];
  // Each opens the parcel from a link carrying its code, and gets to the confirmation.
  for (const p of both) {
    await p.goto(url);
    const panel = p.getByRole('region', { name: `Hand over order ${order.number}` });
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: 'Hand over…' }).click();
    await expect(p.getByRole('dialog')).toBeVisible();
  }
  await Promise.all(
    both.map((p) => p.getByRole('dialog').getByRole('button', { name: 'Hand over', exact: true }).click()),
  );

  const outcome = async (p: Page) => {
    await expect(p.getByTestId('counter-done').or(p.getByTestId('counter-lost'))).toBeVisible();
    return (await p.getByTestId('counter-done').count()) > 0 ? 'done' : 'lost';
  };
  const outcomes = [await outcome(page), await outcome(owner.page)];
  expect([...outcomes].sort()).toEqual(['done', 'lost']);
  const winner = outcomes[0] === 'done' ? 'Julien Petit' : 'Claire Moreau';
  const loser = outcomes[0] === 'done' ? owner.page : page;
  await expect(loser.getByTestId('counter-lost')).toContainText('Already handed over');
  await expect(loser.getByTestId('counter-lost')).toContainText(
    new RegExp(`Order ${order.number} was already handed over by ${winner} at .+\\d{1,2}:\\d{2}`),
  );
  expect(await seriousViolations(loser)).toEqual([]);
  await owner.context.close();
});

test('the camera reads the customer’s QR code where the browser can, and is not offered elsewhere', async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const [a] = await skusAvailableAt(request, ['PAR'], { units: 3, count: 2 });
  const order = await placeOrder(request, uniqueName(), [{ sku: a, quantity: 1 }]);
  const code = await makeReady(page, order.id, [a.sku]);

  // Headless Chromium on Linux has no BarcodeDetector: no camera button.
  await page.goto('/pickups/counter');
  await expect(page.getByRole('textbox', { name: 'Code, order number or customer name' })).toBeFocused();
  const supported = await page.evaluate(() => 'BarcodeDetector' in window);
  await expect(page.getByRole('button', { name: 'Scan with the camera' })).toHaveCount(supported ? 1 : 0);

  // A browser that has one (given here, with a camera that films a blank canvas) reads the QR's text.
  const context = await browser.newContext({ storageState: authFile('manager'), viewport: TABLET, baseURL });
  await context.addInitScript((text: string) => {
    Object.assign(window, {
      BarcodeDetector: class {
        detect() {
          return Promise.resolve([{ rawValue: text }]);
        }
      },
    });
    navigator.mediaDevices.getUserMedia = () => {
      const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 64 });
      canvas.getContext('2d')!.fillRect(0, 0, 64, 64);
      return Promise.resolve(canvas.captureStream());
    };
  }, `${baseURL}/track/demo?code=${code}`);
  const camera = await context.newPage();
  await camera.goto('/pickups/counter');
  await camera.getByRole('button', { name: 'Scan with the camera' }).click();
  await expect(camera.getByRole('region', { name: `Hand over order ${order.number}` })).toBeVisible();
  await expect(camera.getByRole('textbox', { name: 'Code, order number or customer name' })).toHaveValue(
    `${baseURL}/track/demo?code=${code}`,
  );
  await context.close();
});

test.describe('in French at 1024 px', () => {
  test('the counter reads in French, opens from a ready card and fits the tablet', async ({
    page,
    request,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const [a, b] = await skusAvailableAt(request, ['PAR'], { units: 3, count: 2 });
    const order = await placeOrder(request, uniqueName(), [
      { sku: a, quantity: 1 },
      { sku: b, quantity: 2 },
    ]);
    const code = await makeReady(page, order.id, [a.sku, b.sku]);
    await page.context().addCookies([{ name: 'locale', value: 'fr', url: baseURL! }]);
    await page.goto('/pickups?tab=ready');
    await expect(page.getByRole('link', { name: 'Comptoir' })).toBeVisible();
    await page.getByRole('link', { name: `Remettre la commande ${order.number}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Comptoir' })).toBeVisible();
    const panel = page.getByRole('region', { name: `Remettre la commande ${order.number}` });
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('counter-code')).toHaveText(spaced(code));
    await expect(panel.getByRole('radio', { name: /^Le client/ })).toBeChecked();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/pickups-counter-fr-1024.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Back to the field, a name search lists the parcel with its details, still within the width.
    await panel.getByRole('button', { name: 'Choisir un autre colis' }).click();
    const field = page.getByRole('textbox', { name: 'Code, numéro de commande ou nom du client' });
    await expect(field).toBeFocused();
    await field.fill(order.number);
    await expect(page.getByRole('button', { name: `Remettre la commande ${order.number}` })).toContainText(
      'Prêt depuis',
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/pickups-counter-fr-results.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
