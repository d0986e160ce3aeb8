import { z } from 'zod';
import { isLocale, type Locale } from '@/lib/i18n/config';

/**
 * What a pickup message's outbox payload holds (lib/pickups/messages.ts writes it; the demo seed
 * writes the same): read back with zod, because a payload is stored JSON that older code or a seed
 * may have written, and the dispatcher must refuse one it cannot render rather than send nonsense.
 */
const ZHours = z.array(z.tuple([z.string(), z.string()]));
export const ZStoreInMessage = z.object({
  code: z.string().optional(),
  name: z.string(),
  address: z.string().default(''),
  city: z.string().default(''),
  timeZone: z.string(),
  openingHours: z.record(z.string(), ZHours).default({}),
});

export const ZPickupMessagePayload = z.object({
  locale: z.string().nullish(),
  firstName: z.string().nullish(),
  orderNumber: z.string(),
  code: z.string().nullish(),
  holdEndsAt: z.string().nullish(),
  store: ZStoreInMessage,
  /** '/track/<token>': the public tracking page, once the tracking link exists for this pickup. */
  trackingPath: z.string().startsWith('/').nullish(),
  /** A reminder: the last one before the hold ends. */
  final: z.boolean().optional(),
  /** A rejection's reason (REJECT_REASONS). */
  reason: z.string().optional(),
  /** A reroute: the store that serves the order now, when the sender knows it. */
  newStore: ZStoreInMessage.partial({ timeZone: true }).nullish(),
  /** A partial order: the units it goes on without (name: product and variant, when the sender knows it). */
  lines: z
    .array(z.object({ sku: z.string(), quantity: z.number().int().positive(), name: z.string().nullish() }))
    .optional(),
  /** A partial order: what is refunded for the missing units, in the order's currency (integer cents). */
  refundCents: z.number().int().nonnegative().optional(),
  currency: z.string().length(3).optional(),
  /** Shipped instead: where the order goes. */
  shippingAddress: z
    .object({
      name: z.string().nullish(),
      line1: z.string(),
      line2: z.string().nullish(),
      postalCode: z.string(),
      city: z.string(),
      country: z.string(),
    })
    .nullish(),
});
export type PickupMessagePayload = z.infer<typeof ZPickupMessagePayload>;
export type StoreInMessage = z.infer<typeof ZStoreInMessage>;

/**
 * The kinds of pickup message written to the outbox (lib/pickups/messages.ts takes its kinds from
 * here), rendered by a template each (components/emails/pickup-emails.tsx: PICKUP_TEMPLATES is a
 * record of every kind, and render.test.ts renders each in both languages).
 */
export const PICKUP_MESSAGE_KINDS = [
  'pickup.ready',
  'pickup.reminder',
  'pickup.expired',
  'pickup.hold_extended',
  'pickup.rejected',
  'pickup.rerouted',
  /** Some units could not be picked: the order goes on without them (lines, refundCents, currency). */
  'pickup.partial',
  /** Some units could not be picked: the order is shipped to the customer instead (shippingAddress). */
  'pickup.shipping_instead',
] as const;
export type PickupMessageKind = (typeof PICKUP_MESSAGE_KINDS)[number];

/** A SKU a customer waited for can be promised again (lib/inventory/stock-alerts): components/emails/stock-emails.tsx. */
export const STOCK_MESSAGE_KINDS = ['stock.available'] as const;
export type StockMessageKind = (typeof STOCK_MESSAGE_KINDS)[number];

/** Every kind of message the outbox holds: each has a template (render.test.ts renders them all). */
export const MESSAGE_KINDS = [...PICKUP_MESSAGE_KINDS, ...STOCK_MESSAGE_KINDS] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export function isMessageKind(value: string): value is MessageKind {
  return (MESSAGE_KINDS as readonly string[]).includes(value);
}
export function isStockMessageKind(value: string): value is StockMessageKind {
  return (STOCK_MESSAGE_KINDS as readonly string[]).includes(value);
}

/**
 * What a stock alert's message holds (lib/inventory/stock-alerts/notify-stock-alerts.ts writes it):
 * the product and its variant in full, the store it is available at (null: online), and the
 * channel's page for the product when the channel gave one.
 */
export const ZStockMessagePayload = z.object({
  locale: z.string().nullish(),
  firstName: z.string().nullish(),
  product: z.string(),
  variant: z.string().nullish(),
  sku: z.string(),
  store: ZStoreInMessage.nullish(),
  productUrl: z.string().url().nullish(),
});
export type StockMessagePayload = z.infer<typeof ZStockMessagePayload>;

/**
 * The language of a message: the customer's (customers.locale, copied into the payload), else
 * COMPTOIR_MESSAGES_LOCALE, else French — the shop's customers are French unless they said otherwise.
 */
export function messageLocale(
  payloadLocale: string | null | undefined,
  env: Record<string, string | undefined> = process.env,
): Locale {
  if (isLocale(payloadLocale)) return payloadLocale;
  return isLocale(env.COMPTOIR_MESSAGES_LOCALE) ? env.COMPTOIR_MESSAGES_LOCALE : 'fr';
}

/**
 * The public address of the app, that links in messages point to, without a trailing slash:
 * COMPTOIR_PUBLIC_URL (the address customers reach, e.g. https://shop.example.fr, or with a path
 * prefix), else Auth.js's AUTH_URL where an install set it (less its /api/auth), else this machine's server
 * (http://localhost:PORT, PORT as `npm start` listens, default 3000) — right for a demo or a
 * developer's machine, wrong for customers, so the dispatcher warns when it sends mail without one.
 */
export function publicBaseUrl(env: Record<string, string | undefined> = process.env): string {
  if (env.COMPTOIR_PUBLIC_URL) return env.COMPTOIR_PUBLIC_URL.trim().replace(/\/+$/, '');
  // Auth.js's AUTH_URL may name its own route (https://example.com/api/auth): the app is above it.
  if (env.AUTH_URL)
    return env.AUTH_URL.trim()
      .replace(/\/+$/, '')
      .replace(/\/api\/auth$/, '');
  return `http://localhost:${env.PORT || 3000}`;
}

/** Whether the install named its public address (publicBaseUrl is only a guess otherwise). */
export function hasPublicBaseUrl(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.COMPTOIR_PUBLIC_URL || env.AUTH_URL);
}

/**
 * A store's address as lines to print: the street address, then the city unless the address
 * already ends with it ("112 rue de Rivoli, 75001 Paris" and "Paris" make one line, not two).
 */
export function storeAddressLines(store: { address?: string | null; city?: string | null }): string[] {
  const address = store.address?.trim() ?? '';
  const city = store.city?.trim() ?? '';
  if (!city) return address ? [address] : [];
  if (!address) return [city];
  const said = address.toLocaleLowerCase('fr').includes(city.toLocaleLowerCase('fr'));
  return said ? [address] : [address, city];
}
