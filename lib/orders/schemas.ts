import { z } from 'zod';

const cents = z.number().int().min(0).max(1_000_000_000);

export const ZShippingAddress = z.object({
  name: z.string().trim().max(200).optional(),
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).optional(),
  postalCode: z.string().trim().min(1).max(20),
  city: z.string().trim().min(1).max(100),
  country: z.string().trim().length(2).toUpperCase(),
});

/** The channel order contract (v1): fields may be added later, never renamed. */
export const ZIngestOrderInput = z
  .object({
    externalId: z.string().trim().min(1).max(100),
    placedAt: z.iso.datetime({ offset: true }),
    currency: z.string().regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as EUR'),
    customer: z
      .object({
        email: z.email().max(254).optional(),
        phone: z.string().trim().max(40).optional(),
        firstName: z.string().trim().max(100).optional(),
        lastName: z.string().trim().max(100).optional(),
        buyerId: z.string().trim().max(100).optional(),
      })
      .optional(),
    lines: z
      .array(
        z.object({
          sku: z.string().trim().min(1).max(64),
          quantity: z.number().int().min(1).max(10_000),
          unitPriceCents: cents,
        }),
      )
      .min(1)
      .max(200),
    fulfilment: z.discriminatedUnion('type', [
      z.object({ type: z.literal('ship'), address: ZShippingAddress }),
      z.object({ type: z.literal('pickup'), locationCode: z.string().trim().min(1).max(20) }),
      z.object({ type: z.literal('in_store'), locationCode: z.string().trim().min(1).max(20) }),
    ]),
    totals: z.object({
      subtotalCents: cents,
      discountCents: cents.default(0),
      shippingCents: cents.default(0),
      taxCents: cents.default(0),
      totalCents: cents,
    }),
  })
  .superRefine((o, ctx) => {
    const lines = o.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
    if (lines !== o.totals.subtotalCents) {
      ctx.addIssue({ code: 'custom', path: ['totals', 'subtotalCents'], message: `Must equal the sum of the lines (${lines}).` });
    }
    // Prices include tax (French TTC) unless the channel adds tax on top: both add up.
    const total = o.totals.subtotalCents - o.totals.discountCents + o.totals.shippingCents;
    if (o.totals.totalCents !== total && o.totals.totalCents !== total + o.totals.taxCents) {
      ctx.addIssue({
        code: 'custom',
        path: ['totals', 'totalCents'],
        message: `Must equal subtotal − discount + shipping (${total}), plus tax when prices exclude it.`,
      });
    }
  });
export type IngestOrderInput = z.infer<typeof ZIngestOrderInput>;
