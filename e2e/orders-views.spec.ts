import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { feedSkus, placeOrder, type FeedSku } from './channel-api';
import { accountOf, authFile, seriousViolations } from './fixtures';

// The orders list as a store or an agent works it at a 1024 px tablet: find orders by customer,
// phone or product, work through a tab, confirm several at once (one refused, and said why), print
// their packing slips; then one order's payment, notes and tags, and its printed sheet.

test.use({ viewport: { width: 1024, height: 768 } });

const letters = () =>
  Array.from(
    randomUUID()
      .replace(/[^a-f]/g, '')
      .slice(0, 6),
    (c) => String.fromCharCode(c.charCodeAt(0) + 10),
  ).join('');
const SHIP = {
  type: 'ship',
  address: { name: 'Zoé Vue', line1: '8 rue des Tests', postalCode: '75011', city: 'Paris', country: 'FR' },
};

function orderRows(page: Page) {
  return page.getByRole('region', { name: 'Orders', exact: true }).locator('tbody tr');
}

/** How many pages a PDF has (Chromium writes one /Type /Page object per page). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

async function inStock(page: Page): Promise<FeedSku[]> {
  return (await feedSkus(page.request, { limit: 300 })).filter((s) => s.available >= 4);
}

test.describe('the orders list', () => {
  test.use({ storageState: authFile('owner') });

  test('search by customer, phone and product, a tab in the URL, a bulk confirmation with a refusal, packing slips printed', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const skus = await inStock(page);
    const sku = skus[Math.min(40, skus.length - 1)];
    const last = `Vue${letters()}`;
    const phone = `+336${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const customer = { email: `${last.toLowerCase()}@example.fr`, phone, firstName: 'Zoé', lastName: last };
    const placed = [];
    for (let i = 0; i < 3; i++)
      placed.push(await placeOrder(page.request, { lines: [{ sku, quantity: 1 }], customer, fulfilment: SHIP }));

    // By the customer's name, as an agent types it (no accent, lower case).
    await page.goto('/orders');
    await page.getByLabel('Search', { exact: true }).fill(`zoe ${last.toLowerCase()}`);
    await expect(page).toHaveURL(/q=zoe/);
    await expect(orderRows(page)).toHaveCount(3);
    await expect(orderRows(page).first()).toContainText(`Zoé ${last}`);
    // By the phone, typed as a French number is read out.
    const national = `0${phone.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ');
    await page.goto(`/orders?q=${encodeURIComponent(national)}`);
    await expect(orderRows(page)).toHaveCount(3);
    // By SKU, and by product name.
    await page.goto(`/orders?q=${encodeURIComponent(sku.sku)}`);
    await expect(orderRows(page).filter({ hasText: placed[0].number })).toHaveCount(1);

    // One of the three is cancelled: the bulk confirmation will refuse it.
    await page.goto(`/orders?q=${placed[2].number}`);
    await orderRows(page).first().getByRole('link', { name: placed[2].number }).click();
    await page.getByRole('button', { name: 'Cancel order' }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('Duplicate order');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel the order' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Cancelled');

    // The To confirm tab, kept in the URL with the search.
    await page.goto(`/orders?q=${encodeURIComponent(customer.email)}`);
    const tabs = page.getByRole('navigation', { name: 'Order views' });
    await tabs.getByRole('link', { name: 'To confirm' }).click();
    await expect(page).toHaveURL(/view=to_confirm/);
    await expect(page).toHaveURL(/q=/);
    await expect(tabs.getByRole('link', { name: 'To confirm' })).toHaveAttribute('aria-current', 'page');
    await expect(orderRows(page)).toHaveCount(2);
    await page.reload();
    await expect(orderRows(page)).toHaveCount(2);

    // All three selected, from the All tab.
    await tabs.getByRole('link', { name: 'All' }).click();
    await expect(orderRows(page)).toHaveCount(3);
    await page.getByRole('checkbox', { name: 'Select every order on this page' }).check();
    const bar = page.getByRole('group', { name: 'Actions on the selected orders' });
    await expect(bar).toContainText('3 orders selected');
    await page.screenshot({ path: 'test-results/orders-views-selected.png' });
    expect(await seriousViolations(page)).toEqual([]);

    // Packing slips of the selection: one printed page per order.
    const slipsHref = await bar.getByRole('link', { name: 'Print packing slips' }).getAttribute('href');
    expect(slipsHref).toContain(placed[0].id);

    await bar.getByRole('button', { name: 'Confirm' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Confirm 3 orders?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Confirm the orders' }).click();
    await expect(page.getByText('2 confirmed, 1 not confirmed: see the list.')).toBeVisible();
    const results = page.getByRole('region', { name: 'Bulk confirmation' });
    await expect(results).toContainText('2 orders confirmed');
    await expect(results).toContainText(`${placed[2].number}: it is cancelled, it cannot be confirmed.`);
    await expect(orderRows(page).filter({ hasText: 'Confirmed' })).toHaveCount(2);
    // The refused order stays selected, to act on again.
    await expect(bar).toContainText('1 order selected');
    await page.screenshot({ path: 'test-results/orders-views-bulk-result.png' });
    expect(await seriousViolations(page)).toEqual([]);

    await tabs.getByRole('link', { name: 'To ship' }).click();
    await expect(page).toHaveURL(/view=to_ship/);
    await expect(orderRows(page)).toHaveCount(2);

    await page.goto(slipsHref!);
    const slips = page.getByRole('region', { name: /^Packing slip CMP-/ });
    await expect(slips).toHaveCount(3);
    await expect(slips.first()).toContainText(sku.sku);
    await expect(slips.first()).toContainText('8 rue des Tests');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/orders-views-slips.png', fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdfPages(pdf)).toBe(3);
  });

  test('an empty tab says what it holds, and the list reads an unknown view as none', async ({ page }) => {
    await page.goto('/orders?view=backordered&q=nothing-matches-this');
    await expect(page.getByText('No order matches these filters')).toBeVisible();
    await page.goto('/orders?view=nope');
    await expect(orderRows(page).first()).toBeVisible();
  });
});

test.describe('an order’s payment, notes and tags', () => {
  test.use({ storageState: authFile('owner') });

  test('paid and refunded amounts after a return, a note signed and edited by its author only, tags that filter the list, the order printed', async ({
    page,
    browser,
  }) => {
    test.setTimeout(240_000);
    const skus = await inStock(page);
    const sku = skus[Math.min(45, skus.length - 1)];
    const customer = { email: `pay.${letters()}@example.fr`, firstName: 'Inès', lastName: 'Paiement' };
    const order = await placeOrder(page.request, { lines: [{ sku, quantity: 2 }], customer, fulfilment: SHIP });
    const money = (cents: number) =>
      new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' }).format(cents / 100);

    await page.goto(`/orders/${order.id}`);
    const card = page.locator('[data-slot="card"]').filter({ has: page.getByRole('heading', { name: 'Payment' }) });
    await expect(card).toContainText('Paid');
    await expect(card).toContainText(money(sku.priceCents * 2));

    const actions = page.getByRole('group', { name: 'Order actions' });
    await actions.getByRole('button', { name: 'Ship' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Mark as shipped' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Shipped');
    await actions.getByRole('button', { name: 'Return or refund' }).click();
    const ret = page.getByRole('dialog');
    await ret.getByLabel(`Quantity to return — ${sku.sku}`).fill('1');
    await ret.getByLabel('Reason').fill('Too small');
    await ret.getByRole('button', { name: 'Record the return' }).click();
    await expect(ret).toBeHidden();
    await expect(card).toContainText('Partly refunded');
    await expect(card).toContainText(`− ${money(sku.priceCents)}`);
    await expect(card).toContainText('Return');

    // A note, signed and timed; its author edits it.
    await page.getByLabel('Add a note').fill('Customer asked for gift wrap');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(page.getByText('Note added.')).toBeVisible();
    const notes = page.getByRole('list', { name: 'Notes on this order' });
    await expect(notes.getByRole('listitem')).toHaveCount(1);
    await expect(notes).toContainText('Customer asked for gift wrap');
    await expect(notes).toContainText(accountOf('owner').name);
    await notes.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Edit the note').fill('Customer asked for gift wrap, blue paper');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Note updated.')).toBeVisible();
    await expect(notes).toContainText('blue paper');
    await expect(notes).toContainText('edited');

    // Empty note: said on the field, nothing sent.
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(page.getByText('Write the note first.')).toBeVisible();

    // Tags: added as typed, kept normalised, a link to the orders holding it.
    const tagName = `vip${letters()}`;
    await page.getByLabel('Add a tag').fill(` ${tagName.toUpperCase()} `);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByText(`Tag “${tagName}” added.`)).toBeVisible();
    const tags = page.getByRole('list', { name: 'Tags of this order' });
    await expect(tags).toContainText(tagName);
    await page.screenshot({ path: 'test-results/orders-detail.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await tags.getByRole('link', { name: `Orders tagged ${tagName}` }).click();
    await expect(page).toHaveURL(new RegExp(`tag=${tagName}`));
    await expect(orderRows(page)).toHaveCount(1);
    await expect(orderRows(page).first()).toContainText(order.number);
    await expect(page.getByText(`Tagged “${tagName}”.`)).toBeVisible();

    await page.goto(`/orders/${order.id}`);
    await tags.getByRole('button', { name: `Remove tag ${tagName}` }).click();
    await expect(page.getByText(`Tag “${tagName}” removed.`)).toBeVisible();
    await expect(page.getByText('No tags.')).toBeVisible();

    // The printed order: its lines, totals and payment on one A4 page.
    await page.goto(`/orders/${order.id}/print`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Order ${order.number}`);
    await expect(page.getByRole('main')).toContainText(sku.sku);
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdfPages(pdf)).toBe(1);

    // Someone else reads the note but cannot edit it.
    const agent = await browser.newContext({ storageState: authFile('agent'), viewport: { width: 1024, height: 768 } });
    const agentPage = await agent.newPage();
    await agentPage.goto(`/orders/${order.id}`);
    const agentNotes = agentPage.getByRole('list', { name: 'Notes on this order' });
    await expect(agentNotes).toContainText('blue paper');
    await expect(agentNotes.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await agent.close();
  });
});
