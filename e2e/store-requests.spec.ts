import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '@/lib/seed/constants';
import { authFile, expectSignedIn, seriousViolations, signIn } from './fixtures';

// A store asks for stock, in French, on a 1024 px tablet (issue 13): the Paris manager requests
// from the warehouse what replenishment suggests, the warehouse's manager accepts fewer units,
// saying why, and ships; Paris sees the expected arrival and receives it by scanning. A Lyon
// manager, who neither asked nor is asked, cannot open it.

const TABLET = { width: 1024, height: 768 };
const LOGISTICS = 'logistique@comptoir.test';
const LYON_MANAGER = 'manager.lyon@comptoir.test';

async function inFrench(page: Page, baseURL: string) {
  await page.context().addCookies([{ name: 'locale', value: 'fr', url: baseURL }]);
}

/** The Paris manager (stored sign-in), reading French. */
async function parisManager(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    storageState: authFile('manager'),
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: TABLET,
  });
  const page = await context.newPage();
  await inFrench(page, baseURL);
  return page;
}

/** A demo account without a stored sign-in (the warehouse's manager, Lyon's), signed in, then reading French. */
async function signedInAs(browser: Browser, baseURL: string, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Paris', viewport: TABLET });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  await expectSignedIn(page);
  await inFrench(page, baseURL);
  return page;
}

/** A calendar day `days` from now, as a date field takes it (YYYY-MM-DD). */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test('un magasin demande du stock à l’entrepôt, qui en accepte moins, l’expédie, et le magasin le reçoit en scannant', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const paris = await parisManager(browser, baseURL!);

  // Replenishment suggests a transfer from the warehouse: the manager gets "Demander", not "Créer le transfert".
  await paris.goto('/inventory/replenishment');
  await expect(paris.getByRole('heading', { level: 1 })).toHaveText('Réassort');
  const row = paris.getByRole('row').filter({ hasText: 'depuis WH-ORL' }).first();
  await expect(row).toBeVisible();
  await expect(row.getByRole('link', { name: /^Créer un transfert/ })).toHaveCount(0);
  expect(await seriousViolations(paris)).toEqual([]);
  const sku = (await row.getByRole('cell').nth(1).locator('div').last().textContent())!.trim();
  const suggested = Number(/Transférer (\d+)/.exec((await row.textContent())!)![1]);
  await row.getByRole('link', { name: new RegExp(`^Demander ${suggested} × ${sku} à WH-ORL pour PAR$`) }).click();

  // The owner, who may send from the warehouse, is offered the transfer itself.
  const owner = await browser.newContext({
    storageState: authFile('owner'),
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: TABLET,
  });
  const ownerPage = await owner.newPage();
  await inFrench(ownerPage, baseURL!);
  await ownerPage.goto('/inventory/replenishment');
  const ownerRow = ownerPage.getByRole('row').filter({ hasText: 'depuis WH-ORL' }).first();
  await expect(ownerRow.getByRole('link', { name: /^Créer un transfert de / })).toBeVisible();
  await expect(ownerRow.getByRole('link', { name: /^Demander / })).toHaveCount(0);
  await owner.close();

  // The request, pre-filled from the suggestion; one more unit scanned.
  await expect(paris).toHaveURL(/\/inventory\/transfers\/request\?/);
  await expect(paris.getByRole('heading', { level: 1 })).toHaveText('Demander du stock');
  await expect(paris.getByLabel('Pour', { exact: true })).toHaveValue(/.+/);
  await expect(paris.getByLabel('Demander à', { exact: true }).locator('option:checked')).toHaveText(/^WH-ORL · /);
  await expect(paris.getByLabel(`Quantité de ${sku}`)).toHaveValue(String(suggested));
  await paris.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(paris.getByText('Saisissez une date.')).toBeVisible(); // the needed-by day is required
  await paris.getByLabel('SKU ou code-barres').fill(sku);
  await paris.getByLabel('SKU ou code-barres').press('Enter');
  const asked = suggested + 1;
  await expect(paris.getByLabel(`Quantité de ${sku}`)).toHaveValue(String(asked));
  await paris.getByLabel('Nécessaire le').fill(dayFromNow(5));
  await paris.getByLabel('Note (facultative)').fill('Opération week-end');
  expect(await seriousViolations(paris)).toEqual([]);
  await paris.screenshot({ path: 'test-results/store-request-form.png', fullPage: true });
  await paris.getByRole('button', { name: 'Envoyer la demande' }).click();

  await expect(paris).toHaveURL(/\/inventory\/transfers\/[0-9a-f-]{36}$/);
  await expect(paris.getByText(/^Demande TR-\d+ envoyée à /)).toBeVisible();
  await expect(paris.getByRole('heading', { level: 1 })).toContainText('Demandé');
  await expect(paris.getByText(/En attente de la réponse de /)).toBeVisible();
  await expect(paris.getByRole('button', { name: 'Retirer la demande' })).toBeVisible();
  await expect(paris.getByRole('button', { name: 'Accepter' })).toHaveCount(0);
  const number = (await paris.getByRole('heading', { level: 1 }).locator('.font-mono').textContent())!.trim();
  const transferUrl = paris.url();
  expect(await seriousViolations(paris)).toEqual([]);
  await paris.screenshot({ path: 'test-results/store-request-requested.png', fullPage: true });

  // A manager of neither location cannot open it.
  const lyon = await signedInAs(browser, baseURL!, LYON_MANAGER);
  await lyon.goto(transferUrl);
  await expect(lyon).toHaveURL(/\/forbidden$/);
  await lyon.context().close();

  // The warehouse's manager finds it among the requests to answer.
  const logistics = await signedInAs(browser, baseURL!, LOGISTICS);
  await logistics.goto('/inventory/transfers');
  const toAnswer = logistics.getByRole('region', { name: 'Demandes à traiter' });
  await expect(toAnswer.getByRole('row').filter({ hasText: number })).toContainText('Demandé');
  expect(await seriousViolations(logistics)).toEqual([]);
  await logistics.screenshot({ path: 'test-results/store-request-to-answer.png', fullPage: true });
  await toAnswer.getByRole('link', { name: number, exact: true }).click();
  await expect(logistics.getByRole('heading', { level: 1 })).toContainText(number);

  // Accepts one unit fewer: a reason is required.
  await logistics.getByRole('button', { name: 'Accepter', exact: true }).click();
  const dialog = logistics.getByRole('dialog', { name: `Accepter ${number}` });
  await expect(dialog.getByLabel(`Unités à envoyer de ${sku}`)).toHaveValue(String(asked));
  await dialog.getByLabel(`Unités à envoyer de ${sku}`).fill(String(asked - 1));
  await dialog.getByLabel('Arrivée prévue').fill(dayFromNow(3));
  await dialog.getByRole('button', { name: 'Accepter la demande' }).click();
  await expect(dialog.getByText('Dites pourquoi vous envoyez moins que demandé.')).toBeVisible();
  await dialog.getByLabel('Pourquoi moins d’unités').fill('Une unité abîmée au stock');
  expect(await seriousViolations(logistics)).toEqual([]);
  await logistics.screenshot({ path: 'test-results/store-request-accept.png' });
  await dialog.getByRole('button', { name: 'Accepter la demande' }).click();
  await expect(logistics.getByText(`Demande acceptée : ${asked - 1} unité`)).toBeVisible();
  await expect(logistics.getByRole('heading', { level: 1 })).toContainText('Accepté');
  await expect(logistics.getByText('Moins d’unités que demandé : Une unité abîmée au stock')).toBeVisible();

  // Ships it: the stock leaves the warehouse now.
  await logistics.getByRole('button', { name: 'Expédier', exact: true }).click();
  const confirm = logistics.getByRole('alertdialog');
  await confirm.getByRole('button', { name: 'Expédier', exact: true }).click();
  await expect(logistics.getByRole('heading', { level: 1 })).toContainText('En transit');
  await logistics.context().close();

  // Paris sees it coming, with the day it is expected.
  await paris.goto('/inventory/transfers');
  const incoming = paris.getByRole('region', { name: 'Entrants' }).getByRole('row').filter({ hasText: number });
  await expect(incoming).toContainText('En transit');
  await expect(incoming).toContainText('Arrivée prévue');
  await paris.goto(transferUrl);
  await expect(paris.getByText(/arrivée prévue le/)).toBeVisible();
  expect(await seriousViolations(paris)).toEqual([]);

  // And receives it by scanning each unit.
  await paris.getByRole('link', { name: 'Réceptionner en scannant' }).click();
  await expect(paris.getByRole('heading', { level: 1 })).toHaveText(`Réceptionner ${number}`);
  const code = paris.getByLabel('Scannez ou saisissez un SKU ou un code-barres');
  await expect(code).toBeFocused();
  for (let i = 0; i < asked - 1; i++) {
    await code.fill(sku);
    await code.press('Enter');
  }
  await expect(paris.getByLabel(`Unités reçues maintenant de ${sku}`)).toHaveValue(String(asked - 1));
  await paris.getByRole('button', { name: `Réceptionner ${asked - 1} unité${asked - 1 > 1 ? 's' : ''}` }).click();
  await expect(paris.getByText(/^Transfert reçu à /)).toBeVisible();
  await expect(paris.getByRole('heading', { level: 1 })).toContainText('Reçu');
  await paris.context().close();
});
