import { describe, expect, it } from 'vitest';
import {
  MESSAGE_KINDS,
  PICKUP_MESSAGE_KINDS,
  STOCK_MESSAGE_KINDS,
  storeAddressLines,
  type PickupMessageKind,
} from './payload';
import { PICKUP_QR_CID } from './qr-image';
import { renderOutboxMessage, UnrenderableMessage } from './render';

// Every kind of message the outbox holds renders in both languages, from a payload shaped as
// queuePickupMessages writes it (lib/pickups/messages.ts) with what each kind adds. A kind added to
// MESSAGE_KINDS without a template, or without its texts in a catalogue, fails here.

const WRITTEN_AT = new Date('2026-12-05T15:00:00Z');
const ENV = { COMPTOIR_PUBLIC_URL: 'https://shop.example.fr' };

const BASE = {
  firstName: 'Claire',
  orderNumber: 'W-100245',
  code: '482913',
  holdEndsAt: '2026-12-12T15:00:00.000Z',
  trackingPath: '/track/Abc_DEF-123456789012345x',
  store: {
    code: 'PAR',
    name: 'Paris Rivoli',
    address: '12 rue de Rivoli',
    city: 'Paris',
    timeZone: 'Europe/Paris',
    openingHours: {
      '1': [['10:00', '19:00']],
      '6': [
        ['10:00', '13:00'],
        ['14:00', '19:00'],
      ],
    },
  },
};

/** What each kind adds to the common payload (the use case that queues it passes it as `extra`). */
const EXTRA: Record<PickupMessageKind, Record<string, unknown>> = {
  'pickup.ready': {},
  'pickup.reminder': { final: true },
  'pickup.expired': {},
  'pickup.hold_extended': {},
  'pickup.rejected': { reason: 'damaged' },
  'pickup.rerouted': {
    newStore: { code: 'LYS', name: 'Lyon Part-Dieu', address: '17 rue du Dr Bouchut', city: 'Lyon', openingHours: {} },
  },
  'pickup.partial': {
    lines: [
      { sku: 'PULL-M', quantity: 2, name: 'Pull marin — M' },
      { sku: 'BONNET-1', quantity: 1, name: null },
    ],
    refundCents: 12550,
    currency: 'EUR',
  },
  'pickup.shipping_instead': {
    shippingAddress: {
      name: 'Claire Martin',
      line1: '3 place Bellecour',
      postalCode: '69002',
      city: 'Lyon',
      country: 'FR',
    },
  },
};

/** A few words each kind must say, per language (besides the order number and greeting). */
const SAYS: Record<PickupMessageKind, { en: string[]; fr: string[] }> = {
  'pickup.ready': { en: ['482 913', 'Saturday, 12 December 2026'], fr: ['482 913', 'samedi 12 décembre 2026'] },
  'pickup.reminder': { en: ['after that it is cancelled', '482 913'], fr: ['ensuite elle sera annulée', '482 913'] },
  'pickup.expired': { en: ['cancelled'], fr: ['annulée'] },
  'pickup.hold_extended': { en: ['482 913'], fr: ['482 913'] },
  'pickup.rejected': { en: ['an item is damaged'], fr: ['un article est abîmé'] },
  'pickup.rerouted': { en: ['Lyon Part-Dieu', '17 rue du Dr Bouchut'], fr: ['Lyon Part-Dieu', '17 rue du Dr Bouchut'] },
  'pickup.partial': {
    en: ['2 × Pull marin — M', '1 × BONNET-1', '€125.50'],
    fr: ['2 × Pull marin — M', '1 × BONNET-1', '125,50\u00a0€'],
  },
  'pickup.shipping_instead': {
    en: ['3 place Bellecour', '69002 Lyon', 'France', 'Delivery address'],
    fr: ['3 place Bellecour', '69002 Lyon', 'France', 'Adresse de livraison'],
  },
};

function decoded(html: string): string {
  return html
    .replace(/<!-- -->/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"');
}

describe('renderOutboxMessage', () => {
  it('has a template family for every kind', () => {
    expect([...MESSAGE_KINDS].sort()).toEqual([...PICKUP_MESSAGE_KINDS, ...STOCK_MESSAGE_KINDS].sort());
  });

  const STOCK = {
    firstName: 'Claire',
    product: 'Pull marin',
    variant: 'Marine / M',
    sku: 'PULL-MAR-M',
    productUrl: 'https://shop.example.fr/p/pull-marin?v=M',
    store: BASE.store,
  };
  for (const locale of ['en', 'fr'] as const) {
    it(`renders stock.available at a store and online in ${locale}`, async () => {
      const r = await renderOutboxMessage(
        { kind: 'stock.available', payload: { ...STOCK, locale }, createdAt: WRITTEN_AT },
        { env: ENV },
      );
      expect(r.subject).toBe(
        locale === 'fr'
          ? 'Pull marin — Marine / M est disponible à Paris Rivoli'
          : 'Pull marin — Marine / M is available at Paris Rivoli',
      );
      expect(r.html).toContain(`lang="${locale}"`);
      const html = decoded(r.html);
      for (const words of [
        locale === 'fr' ? 'Bonjour Claire,' : 'Hello Claire,',
        'Pull marin — Marine / M',
        'PULL-MAR-M',
        '12 rue de Rivoli',
        locale === 'fr' ? 'Où le trouver' : 'Where to find it',
      ]) {
        expect(html).toContain(words);
        expect(r.text).toContain(words);
      }
      expect(r.html).toContain(`href="${STOCK.productUrl.replace('&', '&amp;')}"`);
      expect(r.attachments).toEqual([]);
      expect(html).not.toMatch(/messages\.email\./);

      const online = await renderOutboxMessage(
        {
          kind: 'stock.available',
          payload: { ...STOCK, locale, store: null, productUrl: null },
          createdAt: WRITTEN_AT,
        },
        { env: ENV },
      );
      expect(online.subject).toContain(locale === 'fr' ? 'de nouveau disponible' : 'available again');
      expect(online.text).toContain(locale === 'fr' ? 'en ligne' : 'online');
      expect(online.html).not.toContain('12 rue de Rivoli');
      expect(online.html).not.toContain('href=');
    });
  }

  it('refuses a stock message without its product', async () => {
    await expect(
      renderOutboxMessage({ kind: 'stock.available', payload: { sku: 'X' }, createdAt: WRITTEN_AT }, { env: ENV }),
    ).rejects.toThrow(/product/);
  });

  for (const kind of PICKUP_MESSAGE_KINDS) {
    for (const locale of ['en', 'fr'] as const) {
      it(`renders ${kind} in ${locale}`, async () => {
        const payload = { ...BASE, locale, ...EXTRA[kind] };
        const r = await renderOutboxMessage({ kind, payload, createdAt: WRITTEN_AT }, { env: ENV });
        expect(r.subject).toContain('W-100245');
        expect(r.html).toContain(`lang="${locale}"`);
        const html = decoded(r.html);
        expect(html).toContain(locale === 'fr' ? 'Bonjour Claire,' : 'Hello Claire,');
        for (const words of SAYS[kind][locale]) {
          expect(html).toContain(words);
          expect(r.text).toContain(words);
        }
        // The code's QR goes with every message that shows the code, as an inline PNG shown by cid.
        const showsCode = ['pickup.ready', 'pickup.reminder', 'pickup.hold_extended'].includes(kind);
        expect(r.html.includes(`src="cid:${PICKUP_QR_CID}"`)).toBe(showsCode);
        expect(r.attachments.map((a) => [a.cid, a.contentType])).toEqual(
          showsCode ? [[PICKUP_QR_CID, 'image/png']] : [],
        );
        // No catalogue key left unresolved (next-intl shows the key's path when it finds no text).
        expect(html).not.toMatch(/messages\.email\./);
        expect(r.text).not.toMatch(/messages\.email\./);
      });
    }
  }

  it('refuses a kind without a template, and a payload without what it must show', async () => {
    await expect(
      renderOutboxMessage({ kind: 'pickup.unknown', payload: BASE, createdAt: WRITTEN_AT }, { env: ENV }),
    ).rejects.toBeInstanceOf(UnrenderableMessage);
    await expect(
      renderOutboxMessage(
        { kind: 'pickup.partial', payload: { ...BASE, refundCents: -5 }, createdAt: WRITTEN_AT },
        { env: ENV },
      ),
    ).rejects.toThrow(/refundCents/);
  });
});

describe('the tracking link in a message', () => {
  const cases: [Record<string, string>, string][] = [
    [{ COMPTOIR_PUBLIC_URL: 'https://shop.example.fr/' }, 'https://shop.example.fr'],
    [{ COMPTOIR_PUBLIC_URL: 'https://example.fr/boutique' }, 'https://example.fr/boutique'],
    [{ AUTH_URL: 'https://back.example.fr', PORT: '8080' }, 'https://back.example.fr'],
    [{ AUTH_URL: 'https://back.example.fr/comptoir/api/auth/' }, 'https://back.example.fr/comptoir'],
    [
      { COMPTOIR_PUBLIC_URL: 'https://shop.example.fr', AUTH_URL: 'https://back.example.fr' },
      'https://shop.example.fr',
    ],
    [{ PORT: '3204' }, 'http://localhost:3204'],
    [{}, 'http://localhost:3000'],
  ];
  for (const [env, base] of cases) {
    it(`is absolute on ${base} with ${JSON.stringify(env)}`, async () => {
      const r = await renderOutboxMessage({ kind: 'pickup.ready', payload: BASE, createdAt: WRITTEN_AT }, { env });
      const url = `${base}${BASE.trackingPath}`;
      expect(r.html).toContain(`href="${url}"`);
      expect(r.text).toContain(url);
    });
  }

  it('is left out of a message whose pickup has no tracking path', async () => {
    const r = await renderOutboxMessage(
      { kind: 'pickup.ready', payload: { ...BASE, trackingPath: null }, createdAt: WRITTEN_AT },
      { env: ENV },
    );
    expect(r.html).not.toContain('/track/');
  });
});

describe('the store address in a message', () => {
  it('names the city once, when the address already ends with it', () => {
    expect(storeAddressLines({ address: '112 rue de Rivoli, 75001 Paris', city: 'Paris' })).toEqual([
      '112 rue de Rivoli, 75001 Paris',
    ]);
    expect(storeAddressLines({ address: '12 rue de Rivoli', city: 'Paris' })).toEqual(['12 rue de Rivoli', 'Paris']);
    expect(storeAddressLines({ address: '', city: 'Lyon' })).toEqual(['Lyon']);
    expect(storeAddressLines({ address: '3 quai Saint-Antoine, 69002 LYON', city: 'Lyon' })).toHaveLength(1);
    expect(storeAddressLines({ address: null, city: null })).toEqual([]);
  });

  it('is printed so in the e-mail', async () => {
    const payload = { ...BASE, store: { ...BASE.store, address: '112 rue de Rivoli, 75001 Paris' } };
    const r = await renderOutboxMessage({ kind: 'pickup.ready', payload, createdAt: WRITTEN_AT }, { env: ENV });
    expect(r.text).toContain('112 rue de Rivoli, 75001 Paris');
    expect(r.text).not.toContain('75001 Paris, Paris');
  });
});
