import { randomUUID } from 'node:crypto';
import { expect, test, type Route } from '@playwright/test';
import { newPhone, placeOrder, skusAvailableAt } from './channel-api';
import { accountOf, authFile, seriousViolations } from './fixtures';

// The customer profile as an agent: a click-and-collect order posted through the signed channel
// API and made ready by the Paris manager, its 'ready to collect' message on the customer's
// timeline; a note added and edited; the phone edited (a wrong one refused on its field); in
// French at the tablet's width. Then the note form on a slow tablet: nothing is sent before the
// page's scripts run, and a tap as the form's code arrives is not lost.

test.use({ storageState: authFile('agent'), viewport: { width: 1024, height: 768 } });

test('an agent sees the ready message on the timeline, adds and edits a note, and edits the phone', async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const [sku] = await skusAvailableAt(request, ['PAR']);
  const email = `noemie.${randomUUID().slice(0, 8)}@example.fr`;
  const order = await placeOrder(request, {
    prefix: 'E2E-PROFILE',
    customer: { email, phone: newPhone().e164, firstName: 'Noémie', lastName: 'Profil' },
    lines: [{ sku, quantity: 1 }],
    fulfilment: { type: 'pickup', locationCode: 'PAR' },
  });

  // The Paris manager picks the line and marks the parcel ready: the ready message goes to the outbox.
  const manager = await browser.newContext({ storageState: authFile('manager'), baseURL });
  const store = await manager.newPage();
  await store.goto(`/orders/${order.id}`);
  await store.getByRole('link', { name: 'Open the pick list' }).click();
  await store.waitForURL(/\/pickups\/[0-9a-f-]{36}$/);
  await store.getByRole('button', { name: `Mark ${sku.sku} picked` }).click();
  await store.getByRole('button', { name: 'Mark ready' }).click();
  await store.getByRole('alertdialog').getByRole('button', { name: 'Mark ready' }).click();
  await expect(store.getByTestId('pickup-code')).toHaveText(/^[0-9]{3} [0-9]{3}$/);
  await manager.close();

  // The agent opens the customer from the order.
  await page.goto(`/orders/${order.id}`);
  await page.locator('a[href^="/customers/"]').first().click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noémie Profil');
  const pickups = page.getByRole('list', { name: 'Pickups still open' });
  await expect(pickups.getByRole('listitem')).toHaveCount(1);
  await expect(pickups).toContainText(order.number);
  await expect(pickups).toContainText('Ready to collect');
  const timeline = page.getByRole('list', { name: 'Timeline of this customer' });
  const message = timeline.locator('li[data-kind="message"]').filter({ hasText: 'Ready to collect' });
  await expect(message).toContainText(`by e-mail to ${email}`);
  await expect(message).toContainText(order.number);
  await expect(timeline.locator('li[data-kind="pickup"]')).toContainText(`Order ${order.number} ready to collect at`);
  await expect(timeline.locator('li[data-kind="order"]')).toContainText(`Order ${order.number} placed on`);
  expect(await seriousViolations(page)).toEqual([]);

  // A note, then its author edits it.
  await page.getByRole('button', { name: 'Add the note' }).click();
  await expect(page.getByText('Write the note first.')).toBeVisible();
  await page.getByRole('textbox', { name: 'New note' }).fill('Asked to collect on Saturday.');
  await page.getByRole('button', { name: 'Add the note' }).click();
  await expect(page.getByText('Note added.')).toBeVisible();
  const note = timeline.locator('li[data-kind="note"]').first();
  await expect(note).toContainText(`Note by ${accountOf('agent').name}`);
  await expect(note).toContainText('Asked to collect on Saturday.');
  await expect(page.getByRole('textbox', { name: 'New note' })).toHaveValue('');
  await note.getByRole('button', { name: 'Edit' }).click();
  await note.getByRole('textbox', { name: 'Edit your note' }).fill('Asked to collect on Saturday morning.');
  await note.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Note updated.')).toBeVisible();
  await expect(note).toContainText('Asked to collect on Saturday morning.');
  await expect(note).toContainText('(edited)');

  // The phone, a wrong one refused on its field first.
  const phone = newPhone();
  await page.getByRole('button', { name: 'Edit contact details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Contact details' });
  await dialog.getByLabel('Phone').fill('12');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('This is not a phone number.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/customer-profile-edit.png' });
  await dialog.getByLabel('Phone').fill(phone.typed);
  await dialog.getByLabel('Tags').fill('VIP, retrait');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Contact details saved.')).toBeVisible();
  await expect(dialog).toBeHidden();
  // Stored in E.164, shown in the national form a French reader says.
  await expect(page.getByRole('link', { name: phone.typed })).toHaveAttribute('href', `tel:${phone.e164}`);
  await expect(page.getByText('vip', { exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/customer-profile-1024.png', fullPage: true });

  // In French, at the tablet's width, without overflow.
  await page.context().addCookies([{ name: 'locale', value: 'fr', url: baseURL! }]);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Historique' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Historique de ce client' })).toContainText('Prête à retirer');
  await expect(page.getByText('(modifiée)')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/customer-profile-fr-1024.png', fullPage: true });
});

test('the note form waits for the page’s scripts, keeps what was typed, and hears a tap as its code arrives', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const [sku] = await skusAvailableAt(request, ['PAR']);
  const email = `lente.${randomUUID().slice(0, 8)}@example.fr`;
  await placeOrder(request, {
    prefix: 'E2E-PROFILE',
    customer: { email, phone: newPhone().e164, firstName: 'Tablette', lastName: 'Lente' },
    lines: [{ sku, quantity: 1 }],
    fulfilment: { type: 'pickup', locationCode: 'PAR' },
  });
  const found = (await (await page.request.get(`/api/backoffice/customers/search?q=${email}`)).json()) as {
    results: { id: string }[];
  };
  const profile = `/customers/${found.results[0].id}`;
  const field = page.getByRole('textbox', { name: 'New note' });
  const add = page.getByRole('button', { name: 'Add the note' });
  const notes = page.getByRole('list', { name: 'Timeline of this customer' }).locator('li[data-kind="note"]');

  // The page's scripts are held: the form is the server's. Its button waits for them; pressed all
  // the same, the browser sends nothing (it used to GET the page with the note in its address,
  // and the note was lost in the reload).
  const held: Route[] = [];
  let holding = true;
  await page.route('**/_next/static/chunks/**', (route) => (holding ? void held.push(route) : route.continue()));
  await page.goto(profile, { waitUntil: 'commit' });
  await field.fill('Rings twice at the counter.');
  expect(held.length).toBeGreaterThan(0);
  await expect(add).toBeDisabled();
  await add.click({ force: true });
  holding = false;
  await Promise.all(held.map((route) => route.continue()));
  await page.unrouteAll();
  await expect(add).toBeEnabled();
  await expect(field).toHaveValue('Rings twice at the counter.');
  await add.click();
  await expect(page.getByText('Note added.')).toBeVisible();
  await expect(notes.first()).toContainText('Rings twice at the counter.');
  await expect(page).toHaveURL((url) => url.pathname === profile && url.search === '');

  // A tap queued at the instant the form's code has arrived — when the first form reads the caret
  // to hand it over (NoteHandoff) — lands on whatever is under the finger then: it must be heard.
  // The code is held while the note is typed, so that it arrives after the text.
  await page.mouse.move(0, 0);
  await page.goto(profile);
  await expect(add).toBeEnabled();
  const code: Route[] = [];
  let holdingCode = true;
  await page.route('**/_next/static/chunks/**', (route) => (holdingCode ? void code.push(route) : route.continue()));
  // Typing focuses the field, which fetches the form's code.
  await field.fill('Prefers the morning.');
  await field.evaluate((textarea: HTMLTextAreaElement) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Add the note')!;
    const { x, y, width, height } = button.getBoundingClientRect();
    const caret = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'selectionStart')!;
    const flag = document.documentElement.dataset;
    Object.defineProperty(textarea, 'selectionStart', {
      configurable: true,
      get(this: HTMLTextAreaElement) {
        if (!flag.tapQueued) {
          flag.tapQueued = 'yes';
          const tap = new MessageChannel();
          tap.port1.onmessage = () => (document.elementFromPoint(x + width / 2, y + height / 2) as HTMLElement).click();
          tap.port2.postMessage(null);
        }
        return caret.get!.call(this) as number;
      },
    });
  });
  holdingCode = false;
  await Promise.all(code.map((route) => route.continue()));
  await expect(page.locator('html')).toHaveAttribute('data-tap-queued', 'yes');
  await expect(page.getByText('Note added.')).toBeVisible();
  await expect(notes.first()).toContainText('Prefers the morning.');
  await expect(field).toHaveValue('');
});
