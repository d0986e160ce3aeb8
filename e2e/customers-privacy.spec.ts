import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { newPhone, placeOrder, postSigned, skusAvailableAt } from './channel-api';
import { authFile, seriousViolations, type Role } from './fixtures';

// Privacy on the profile: the owner downloads one customer's data as JSON (profile, identities,
// orders, messages, notes, loyalty), then erases the customer after typing the confirmation (a
// wrong word refused on its field): the profile is anonymous, its orders and totals stay, with the
// country and the postcode's first two characters. An agent may export but sees no erasure (the
// server refuses it too: lib/customers/privacy-edge.test.ts calls the action as an agent).

const TABLET = { width: 1024, height: 768 };

async function pageAs(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(role), viewport: TABLET });
  return context.newPage();
}

type Export = {
  format: string;
  erasedAt: string | null;
  customer: { id: string; firstName: string; lastName: string; email: string | null; phone: string | null };
  identities: { kind: string; value: string }[];
  orders: { number: string; totalCents: number; shippingAddress: Record<string, string> | null; lines: unknown[] }[];
  messages: { kind: string; recipient: string; subject: string | null }[];
  notes: { body: string }[];
  loyalty: { balance: number; entries: unknown[] };
  stockAlerts: { status: string }[];
};

/** The profile's export, downloaded as a file through its link, parsed. */
async function download(page: Page): Promise<Export> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export data (JSON)' }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/^customer-[0-9a-f-]{36}-\d{4}-\d{2}-\d{2}\.json$/);
  return JSON.parse(await readFile(await file.path(), 'utf8')) as Export;
}

test('the owner exports a customer’s data, then erases it; orders and totals stay; an agent cannot erase', async ({
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const owner = await pageAs(browser, 'owner');
  const agent = await pageAs(browser, 'agent');

  // A customer with a delivered-to address, a phone, and a message: a stock alert for what Paris
  // holds is told at once.
  const [sku] = await skusAvailableAt(request, ['PAR'], { fromEnd: true });
  const email = `oubli-${randomUUID().slice(0, 8)}@example.fr`;
  const phone = newPhone();
  const customer = { email, phone: phone.e164, firstName: 'Gwenaëlle', lastName: 'Oubliée' };
  const order = await placeOrder(request, {
    prefix: 'E2E-PRIVACY',
    customer,
    lines: [{ sku, quantity: 1 }],
    fulfilment: {
      type: 'ship',
      address: {
        name: 'Gwenaëlle Oubliée',
        line1: '7 rue de la Mémoire',
        postalCode: '35200',
        city: 'Rennes',
        country: 'FR',
      },
    },
  });
  const told = await postSigned(request, '/api/v1/stock-alerts?channel=web', {
    sku: sku.sku,
    location: 'PAR',
    customer: { email, language: 'en' },
  });
  expect(told.status()).toBe(201);
  expect(((await told.json()) as { alert: { status: string } }).alert.status).toBe('notified');

  const found = (await (await owner.request.get(`/api/backoffice/customers/search?q=${email}`)).json()) as {
    results: { id: string }[];
  };
  const profile = `/customers/${found.results[0].id}`;
  await owner.goto(profile);
  await expect(owner.getByRole('heading', { level: 1 })).toHaveText('Gwenaëlle Oubliée');
  await owner.getByRole('textbox', { name: 'New note' }).fill('Prefers a call after 6pm.');
  await owner.getByRole('button', { name: 'Add the note' }).click();
  await expect(owner.getByText('Note added.')).toBeVisible();
  const lifetime = owner
    .getByLabel('Customer figures')
    .locator('div')
    .filter({ hasText: 'Lifetime value' })
    .getByRole('definition');
  const lifetimeBefore = (await lifetime.textContent())!;
  expect(lifetimeBefore).toMatch(/^€\d/);

  // The export: everything, as one file.
  const privacy = owner.getByRole('region', { name: 'Privacy', exact: true });
  await expect(privacy).toBeVisible();
  expect(await seriousViolations(owner)).toEqual([]);
  const data = await download(owner);
  expect(data).toMatchObject({ format: 'comptoir.customer-export', erasedAt: null });
  expect(data.customer).toMatchObject({ firstName: 'Gwenaëlle', lastName: 'Oubliée', email, phone: phone.e164 });
  expect(data.identities.map((i) => [i.kind, i.value]).sort()).toEqual([
    ['email', email],
    ['phone', phone.e164],
  ]);
  expect(data.orders.map((o) => [o.number, o.totalCents, o.lines.length])).toEqual([[order.number, sku.priceCents, 1]]);
  expect(data.orders[0].shippingAddress).toMatchObject({ line1: '7 rue de la Mémoire', postalCode: '35200' });
  expect(data.messages.map((m) => [m.kind, m.recipient])).toEqual([['stock.available', email]]);
  expect(data.notes.map((n) => n.body)).toEqual(['Prefers a call after 6pm.']);
  expect(data.loyalty).toEqual({ balance: 0, entries: [] });
  expect(data.stockAlerts.map((a) => a.status)).toEqual(['notified']);

  // The agent may export, but is offered no erasure.
  await agent.goto(profile);
  const agentPrivacy = agent.getByRole('region', { name: 'Privacy', exact: true });
  await expect(agentPrivacy.getByRole('link', { name: 'Export data (JSON)' })).toBeVisible();
  await expect(agentPrivacy.getByRole('button', { name: 'Erase personal data' })).toHaveCount(0);
  expect(await seriousViolations(agent)).toEqual([]);

  // The erasure, behind the typed confirmation: a wrong word is refused on its field.
  await privacy.getByRole('button', { name: 'Erase personal data' }).click();
  const dialog = owner.getByRole('dialog', { name: 'Erase this customer’s personal data?' });
  const confirmation = dialog.getByLabel('Type the customer’s e-mail or ERASE to confirm');
  await confirmation.fill('erase please');
  await dialog.getByRole('button', { name: 'Erase', exact: true }).click();
  await expect(dialog.getByText('This is neither the customer’s e-mail nor ERASE.')).toBeVisible();
  expect(await seriousViolations(owner)).toEqual([]);
  await owner.screenshot({ path: 'test-results/privacy-erase-dialog.png' });
  await confirmation.fill('ERASE');
  await dialog.getByRole('button', { name: 'Erase', exact: true }).click();
  await expect(owner.getByText('The customer’s personal data was erased.')).toBeVisible();

  // What is left: no name, no contact, no identity; the order and its total, the country and the
  // postcode's first two characters.
  await expect(owner.getByRole('heading', { level: 1 })).toHaveText('Unnamed customer');
  await expect(privacy.getByRole('status')).toContainText('Personal data erased on');
  await expect(privacy.getByRole('button', { name: 'Erase personal data' })).toHaveCount(0);
  await expect(owner.getByText('No identity recorded.')).toBeVisible();
  // Nothing offers to enter her personal data again.
  await expect(owner.getByRole('button', { name: 'Edit contact details' })).toHaveCount(0);
  await expect(owner.getByRole('textbox', { name: 'New note' })).toHaveCount(0);
  await expect(owner.getByRole('button', { name: 'Redeem or adjust points' })).toHaveCount(0);
  // …and says why, where each control was.
  await expect(owner.getByText('Personal data erased: the contact details can no longer be changed.')).toBeVisible();
  await expect(
    owner.getByText('Personal data erased: notes can no longer be added to this profile or edited.'),
  ).toBeVisible();
  await expect(owner.getByText('Personal data erased: points can no longer be redeemed or adjusted.')).toBeVisible();
  await expect(owner.getByRole('main')).not.toContainText(/Gwenaëlle|Oubliée|Mémoire|35200|6pm/);
  await expect(owner.getByRole('main')).not.toContainText(email);
  await expect(owner.getByText('35, France', { exact: true })).toBeVisible();
  await expect(lifetime).toHaveText(lifetimeBefore);
  await expect(owner.locator('li[data-kind="order"]')).toContainText(order.number);
  await expect(owner.locator('li[data-kind="message"]')).toContainText('Back in stock by e-mail to an erased address');
  expect(await seriousViolations(owner)).toEqual([]);
  await owner.screenshot({ path: 'test-results/privacy-erased-profile.png', fullPage: true });

  const after = await download(owner);
  expect(after.erasedAt).not.toBeNull();
  expect(after.customer).toMatchObject({ firstName: '', lastName: '', email: null, phone: null });
  expect(after.identities).toEqual([]);
  expect(after.orders.map((o) => [o.number, o.totalCents])).toEqual([[order.number, sku.priceCents]]);
  expect(after.orders[0].shippingAddress).toEqual({ line1: '', city: '', country: 'FR', postalCode: '35' });
  expect(after.messages.map((m) => [m.kind, m.recipient, m.subject])).toEqual([['stock.available', 'erased', null]]);
  expect(after.notes.map((n) => n.body)).toEqual(['[erased]']);
  expect(JSON.stringify(after)).not.toMatch(/Gwenaëlle|Oubliée|Mémoire|oubli-|6pm/);
  expect(JSON.stringify(after)).not.toContain(phone.e164.slice(3));

  // The order keeps its total on the orders list, found by its number.
  await owner.goto(`/orders?q=${encodeURIComponent(order.number)}`);
  const row = owner.getByRole('region', { name: 'Orders', exact: true }).locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).not.toContainText('Oubliée');

  await Promise.all([owner.context().close(), agent.context().close()]);
});
