import { z } from 'zod';
import { ZShippingAddress } from '@/lib/orders/schemas';

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

/** A line's picked units set outright (a tap: the whole line, or 0 to put it back): the same request twice changes nothing. */
export const ZPickLineInput = ZPickupIdInput.extend({
  orderLineId: z.uuid(),
  quantity: z.number().int().min(0).max(100_000),
});
export type PickLineInput = z.infer<typeof ZPickLineInput>;

/**
 * One scanned (or typed) barcode or SKU: one more unit of its line in the basket. `seen` is the
 * line's picked count the page showed when the code was scanned, so that a retried request does
 * not count the unit twice.
 */
export const ZScanPickInput = ZPickupIdInput.extend({
  code: z.string().trim().min(1).max(64),
  seen: z.number().int().min(0).max(100_000).optional(),
});
export type ScanPickInput = z.infer<typeof ZScanPickInput>;

export const PICK_SHORT_REASONS = ['not_found', 'damaged'] as const;
export type PickShortReason = (typeof PICK_SHORT_REASONS)[number];

/** Some units of a line are missing: they leave stock (ledger) and the order's hold on them is released. */
export const ZShortPickInput = ZPickupIdInput.extend({
  orderLineId: z.uuid(),
  quantity: z.number().int().min(1).max(100_000),
  reason: z.enum(PICK_SHORT_REASONS),
  /** The line's missing units the page showed: a retried report of them changes nothing. */
  seen: z.number().int().min(0).max(100_000).optional(),
});
export type ShortPickInput = z.infer<typeof ZShortPickInput>;

/** Reroute a pickup to another store that has every unit. */
export const ZReroutePickupInput = ZPickupIdInput.extend({ locationId: z.uuid() });
export type ReroutePickupInput = z.infer<typeof ZReroutePickupInput>;

/** Ship the order instead: where to, when the order has no address yet. */
export const ZShipInsteadInput = ZPickupIdInput.extend({ address: ZShippingAddress.optional() });
export type ShipInsteadInput = z.infer<typeof ZShipInsteadInput>;
