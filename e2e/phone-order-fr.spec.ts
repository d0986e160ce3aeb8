import { expect, test } from '@playwright/test';
import { feedSkus } from './channel-api';
import { authFile, seriousViolations } from './fixtures';

// A phone order as an agent takes it, in French, on a 1024 px tablet (issue 13): the item found by
// its product's name typed without accents, its size and colour read back in full, chosen with the
// keyboard; the customer typed with a mistake the form names in French, then corrected; a country
// chosen from the list; the order sent from the bar stuck at the bottom of the screen; its number
// read on the confirmation, then the order opened.

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

test.use({ storageState: authFile('agent'), viewport: { width: 1024, height: 768 }, locale: 'fr-FR' });

test('une commande téléphone : l’article trouvé par son nom sans accents, choisi au clavier, la confirmation lue au client', async ({
  page,
  context,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  await context.addCookies([{ name: 'locale', value: 'fr', url: testInfo.project.use.baseURL! }]);
  // A product whose name has an accent, in a colour and a size ("Pull … — Bleu marine / M"), with stock to sell.
  const product = (await feedSkus(request, { limit: 1000 }))
    .map((s) => ({ ...s, productName: s.name.split(' — ')[0] }))
    .find((s) => s.available >= 2 && s.name.includes(' / ') && fold(s.productName) !== s.productName.toLowerCase());
  expect(product, 'a product in stock whose name has an accent').toBeDefined();
  const typed = fold(product!.productName);

  await page.goto('/orders/new');
  const create = page.getByRole('button', { name: 'Créer la commande' });
  // The submit button is on screen from the start: the summary is a bar at the bottom below 1280 px.
  await expect(create).toBeInViewport();
  await expect(page.getByText('* obligatoire')).toHaveCount(1);

  // The item, by its name without accents: suggestions as the agent types.
  const item = page.getByRole('combobox', { name: 'Produit, code-barres ou SKU' });
  await item.pressSequentially(typed, { delay: 20 });
  const list = page.getByRole('listbox', { name: 'Articles trouvés' });
  const options = list.getByRole('option');
  await expect(options.first()).toBeVisible();
  await expect(item).toHaveAttribute('aria-expanded', 'true');
  await expect(options.first()).toContainText(product!.productName);
  await expect(page.getByRole('status').filter({ hasText: /articles? trouvés?/ })).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('phone-order-fr-suggestions.png') });

  // The product's first suggestion with something to sell, chosen with the arrows.
  const texts = await options.allTextContents();
  const index = texts.findIndex((t) => {
    const available = /(\d[\d\s]*) disponibles? au total/.exec(t);
    return (
      t.startsWith(`${product!.productName} — `) && available !== null && Number(available[1].replace(/\s/g, '')) >= 1
    );
  });
  expect(index, `a suggestion with a size and colour in ${JSON.stringify(texts)}`).toBeGreaterThanOrEqual(0);
  const option = options.nth(index);
  const sku = (await option.getAttribute('data-sku'))!;
  // What the agent reads back: the product, its colour and its size, in full.
  const readBack = (await option.locator('span').first().textContent())!.trim();
  expect(readBack).toMatch(new RegExp(`^${product!.productName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — .+ / .+$`));
  for (let i = 0; i <= index; i++) await item.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(item).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
  await item.press('Enter');
  await expect(list).toBeHidden();
  await expect(item).toHaveValue(sku);
  const quantity = page.getByLabel('Quantité');
  await expect(quantity).toBeFocused();
  const line = page.getByRole('listitem', { name: 'Article 1' });
  await expect(line.getByText(readBack, { exact: true })).toBeVisible();
  await expect(line).toContainText(/disponibles? au total/);

  // A quantity that is not a whole number, said in French, then corrected.
  await quantity.fill('1.5');
  // The customer, with a phone that is no phone number.
  await page.getByLabel('Prénom').fill('Élodie');
  await page.getByLabel('Nom', { exact: true }).fill('Rivière');
  await expect(page.getByLabel('Prénom')).toHaveAttribute('aria-required', 'true');
  const phone = page.getByLabel('Téléphone', { exact: true });
  await phone.fill('06 12');
  // Delivered to Belgium: the country by its name in French, France first and chosen at the start.
  await page.getByRole('radio', { name: 'Livraison à une adresse' }).check();
  await page.getByLabel('Adresse', { exact: true }).fill('12 rue de la Loi');
  await page.getByLabel('Code postal').fill('1000');
  await page.getByLabel('Ville').fill('Bruxelles');
  const country = page.getByLabel('Pays');
  await expect(country).toHaveValue('FR');
  await expect(country.locator('option').first()).toHaveText('France');
  await country.selectOption({ label: 'Belgique' });
  await expect(country).toHaveValue('BE');

  // Sent from the bar at the bottom of the screen: each mistake is said on its field, in French.
  await expect(create).toBeInViewport();
  await create.click();
  await expect(phone).toHaveAccessibleDescription(/^Ce n’est pas un numéro de téléphone\./);
  await expect(line).toContainText('Saisissez un nombre entier d’unités, de 1 à 1 000.');
  await expect(page.getByRole('alert').filter({ hasText: 'Certains champs sont à vérifier.' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('phone-order-fr-errors.png') });

  await quantity.fill('2');
  const digits = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  await phone.fill(`06 ${digits.replace(/(\d\d)(?=\d)/g, '$1 ')}`);
  await expect(phone).not.toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: testInfo.outputPath('phone-order-fr-1024.png') });
  await create.click();

  // The confirmation: the number, big, to read to the customer, and the total.
  const number = page.getByTestId('created-order-number');
  await expect(number).toHaveText(/^CMP-\d+$/);
  await expect(page.getByRole('heading', { name: 'Commande créée' })).toBeFocused();
  await expect(page.getByText('Lisez son numéro au client :')).toBeVisible();
  await expect(page.getByText(/^Total [\d\s\u202f]+,\d\d\s€ TTC\.$/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('phone-order-fr-created.png') });

  const orderNumber = (await number.textContent())!;
  await page.getByRole('link', { name: 'Ouvrir la commande' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(orderNumber);
  await expect(page.getByText('Élodie Rivière').first()).toBeVisible();
  await expect(page.getByText('Belgique').first()).toBeVisible();
  await expect(page.getByText(sku).first()).toBeVisible();
});
