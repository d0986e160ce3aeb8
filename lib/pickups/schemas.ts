import { z } from 'zod';

export const ZPickupIdInput = z.object({ pickupId: z.uuid() });
export type PickupIdInput = z.infer<typeof ZPickupIdInput>;

/** What staff hand over: every line in full unless `lines` says less (a partial collection). */
export const ZCollectPickupInput = ZPickupIdInput.extend({
  /** The code the customer gives (typed or scanned); checked against the parcel's. */
  code: z.string().trim().min(1).max(20),
  /** Someone else collecting for the customer; blank: the customer. */
  collectedByName: z
    .string()
    .trim()
    .max(120)
    .optional()
    .transform((v) => v || undefined),
  lines: z
    .array(z.object({ orderLineId: z.uuid(), quantity: z.number().int().min(0).max(100_000) }))
    .max(500)
    .optional(),
});
export type CollectPickupInput = z.input<typeof ZCollectPickupInput>;

export const ZExtendHoldInput = ZPickupIdInput.extend({ days: z.number().int().min(1).max(30) });
export type ExtendHoldInput = z.infer<typeof ZExtendHoldInput>;

export const REJECT_REASONS = ['out_of_stock', 'damaged', 'store_closed', 'other'] as const;
export const ZRejectPickupInput = ZPickupIdInput.extend({
  reason: z.enum(REJECT_REASONS),
  note: z.string().trim().max(500).optional(),
});
export type RejectPickupInput = z.infer<typeof ZRejectPickupInput>;
