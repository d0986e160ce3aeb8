import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { orders, variants } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { DomainError, Forbidden } from '@/lib/errors';
import { ingestOrder, type IngestResult } from './ingest-order';
import { ZPhoneOrderRequest } from './phone-order-request';
import { ZIngestOrderInput } from './schemas';
import { FRENCH_STANDARD_VAT_BPS, vatIncludedCents } from './tax';

export const PHONE_CHANNEL_CODE = 'phone';

/** The order created (or the one a repeated submission had created), with what the agent reads to the customer. */
export type PhoneOrderResult = IngestResult & { totalCents: number; currency: string };

/**
 * An agent takes an order on the phone: catalogue prices, French VAT included, through the very
 * same ingestion as every channel (reservation, customer, KPIs). The form's idempotency key is
 * the external id, so a double submit creates one order. The input is checked here too (a named
 * customer with a valid email or phone): whoever calls, a bad field is a ZodError naming it, and
 * nothing is written.
 */
export async function createPhoneOrder(
  db: Db,
  actor: Actor,
  raw: z.input<typeof ZPhoneOrderRequest>,
): Promise<PhoneOrderResult> {
  if (!can(actor, 'orders.create_phone')) throw new Forbidden('Only agents and owners take phone orders.');
  const input = ZPhoneOrderRequest.parse(raw);
  const skus = [...new Set(input.lines.map((l) => l.sku.toUpperCase()))];
  const prices = await db
    .select({ sku: variants.sku, priceCents: variants.priceCents })
    .from(variants)
    .where(inArray(variants.sku, skus));
  const priceOf = new Map(prices.map((p) => [p.sku, p.priceCents]));
  const unknown = skus.filter((s) => !priceOf.has(s));
  if (unknown.length) throw new DomainError('unprocessable', `Unknown SKU: ${unknown.join(', ')}.`, { skus: unknown });

  const lines = input.lines.map((l) => ({
    sku: l.sku.toUpperCase(),
    quantity: l.quantity,
    unitPriceCents: priceOf.get(l.sku.toUpperCase())!,
  }));
  const subtotal = lines.reduce((a, l) => a + l.quantity * l.unitPriceCents, 0);
  const shipping = input.fulfilment.type === 'ship' ? input.shippingCents : 0;
  const total = subtotal + shipping;
  const order = ZIngestOrderInput.parse({
    externalId: `PHONE-${input.idempotencyKey}`,
    placedAt: new Date().toISOString(),
    currency: 'EUR',
    customer: input.customer,
    lines,
    fulfilment: input.fulfilment,
    totals: {
      subtotalCents: subtotal,
      discountCents: 0,
      shippingCents: shipping,
      taxCents: vatIncludedCents(total, FRENCH_STANDARD_VAT_BPS),
      totalCents: total,
    },
  });
  const result = await ingestOrder(db, { code: PHONE_CHANNEL_CODE }, order, { actorId: actor.userId });
  // The total as the order holds it: a repeated submission answers with the first order's.
  const [stored] = await db
    .select({ totalCents: orders.totalCents, currency: orders.currency })
    .from(orders)
    .where(eq(orders.id, result.order.id));
  return { ...result, totalCents: stored.totalCents, currency: stored.currency };
}
