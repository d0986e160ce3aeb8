import { z } from 'zod';
import { reasonFitsChange } from './adjustment-reasons';
import {
  ADJUSTMENT_NOTE_MAX,
  ADJUSTMENT_REASONS,
  ADJUSTMENT_REFERENCE_MAX,
  BIN_MAX,
  INVENTORY_SORTS,
  MAX_UNITS,
  STOCK_STATUSES,
  TRANSFER_REASON_MAX,
} from './constants';

// The vocabularies the schemas are built from, for the server code that imports them from here.
export { ADJUSTMENT_REASONS, INVENTORY_SORTS, STOCK_STATUSES, type AdjustmentReason } from './constants';

/**
 * A whole number from `min` to `max`, as JSON sends it (a number) or a form (its text, with either
 * minus sign): a blank or half-typed field is refused, where z.coerce would read it as 0.
 */
function wholeNumber(min: number, max: number) {
  return z
    .union([
      z.number(),
      z
        .string()
        .trim()
        .regex(/^[-−]?\d+$/)
        .transform((v) => Number(v.replace('−', '-'))),
    ])
    .pipe(z.number().int().min(min).max(max));
}

const quantity = wholeNumber(0, MAX_UNITS);

/**
 * Runs an object's refinement once the fields it reads are valid, whatever the other fields say
 * (by default zod skips every refinement while any field has an issue, so a change of 0 would go
 * unremarked until a reason is chosen).
 */
function whenValid(...fields: string[]) {
  return {
    when: (payload: z.core.ParsePayload) =>
      !payload.issues.some((issue) => issue.path?.length && fields.includes(String(issue.path[0]))),
  };
}

export const ZAdjustStockInput = z
  .object({
    variantId: z.uuid(),
    locationId: z.uuid(),
    /** `delta`: add or remove units; `set`: the counted quantity becomes on hand. */
    mode: z.enum(['delta', 'set']),
    quantity: wholeNumber(-MAX_UNITS, MAX_UNITS),
    reason: z.enum(ADJUSTMENT_REASONS),
    /** Why, in the staff's words; kept on the ledger line with the reason. */
    note: z.string().trim().max(ADJUSTMENT_NOTE_MAX).optional(),
    /** A document it refers to (a claim, a police report, a supplier's return number). */
    reference: z.string().trim().max(ADJUSTMENT_REFERENCE_MAX).optional(),
  })
  .refine((v) => v.mode === 'delta' || v.quantity >= 0, {
    path: ['quantity'],
    message: 'A counted quantity cannot be negative.',
    ...whenValid('mode', 'quantity'),
  })
  .refine((v) => v.mode === 'set' || v.quantity !== 0, {
    path: ['quantity'],
    message: 'Enter a change other than 0.',
    ...whenValid('mode', 'quantity'),
  })
  // A counted quantity's direction is known once the row is locked: adjustStock checks it there.
  .refine((v) => v.mode === 'set' || reasonFitsChange(v.reason, v.quantity), {
    path: ['reason'],
    message: 'This reason does not explain units going that way.',
    ...whenValid('mode', 'quantity', 'reason'),
  });
export type AdjustStockInput = z.infer<typeof ZAdjustStockInput>;

/** Where a SKU sits at a location; blank clears it. */
export const ZSetBinInput = z.object({
  variantId: z.uuid(),
  locationId: z.uuid(),
  bin: z
    .string()
    .trim()
    .max(BIN_MAX, { message: `A bin location has at most ${BIN_MAX} characters.` })
    .nullable()
    // Blank or null clears it; parsing what it gave gives the same (the browser parses, then the server).
    .transform((v) => v?.replace(/\s+/g, ' ') || null),
});
export type SetBinInput = z.infer<typeof ZSetBinInput>;

export const ZReceiveStockInput = z.object({
  locationId: z.uuid(),
  reference: z.string().trim().min(1).max(100),
  lines: z
    .array(z.object({ variantId: z.uuid(), quantity: wholeNumber(1, MAX_UNITS) }))
    .min(1)
    .max(5000),
});
export type ReceiveStockInput = z.infer<typeof ZReceiveStockInput>;

export const ZCreateTransferInput = z
  .object({
    sourceLocationId: z.uuid(),
    destinationLocationId: z.uuid(),
    note: z.string().trim().max(500).optional(),
    lines: z
      .array(z.object({ variantId: z.uuid(), quantity: wholeNumber(1, MAX_UNITS) }))
      .min(1)
      .max(5000),
  })
  .refine((v) => v.sourceLocationId !== v.destinationLocationId, {
    path: ['destinationLocationId'],
    message: 'Choose a destination other than the source.',
  });
export type CreateTransferInput = z.infer<typeof ZCreateTransferInput>;

export const ZReceiveTransferInput = z.object({
  transferId: z.uuid(),
  /** Received quantity per SKU; a SKU left out is received in full. */
  lines: z
    .array(z.object({ variantId: z.uuid(), quantityReceived: quantity }))
    .max(5000)
    .default([]),
});
export type ReceiveTransferInput = z.infer<typeof ZReceiveTransferInput>;

export const ZTransferIdInput = z.object({ transferId: z.uuid() });

/** Units that arrived with one delivery of a transfer, as scanned or typed; the rest stays in transit. */
export const ZReceiveTransferUnitsInput = z
  .object({
    transferId: z.uuid(),
    lines: z
      .array(z.object({ variantId: z.uuid(), quantity: quantity }))
      .max(5000)
      .default([]),
    /** Nothing more is coming: what was shipped and has not arrived is recorded as short, and the transfer closes. */
    closeShort: z.boolean().default(false),
    /** Units the receiver saw as already received (refuses a receipt sent twice). */
    seen: wholeNumber(0, 5000 * MAX_UNITS).optional(),
  })
  .refine((v) => v.closeShort || v.lines.some((l) => l.quantity > 0), {
    path: ['lines'],
    message: 'Scan or enter at least one unit, or record the rest as short.',
  });
export type ReceiveTransferUnitsInput = z.infer<typeof ZReceiveTransferUnitsInput>;

const day = z.iso.date({ message: 'Enter a date.' });
const reason = z.string().trim().max(TRANSFER_REASON_MAX);

/** A store asks another location (the warehouse, a store) for stock, to arrive by a day. */
export const ZRequestTransferInput = z
  .object({
    sourceLocationId: z.uuid(),
    destinationLocationId: z.uuid(),
    neededBy: day,
    note: z.string().trim().max(500).optional(),
    lines: z
      .array(z.object({ variantId: z.uuid(), quantity: wholeNumber(1, MAX_UNITS) }))
      .min(1)
      .max(5000),
  })
  .refine((v) => v.sourceLocationId !== v.destinationLocationId, {
    path: ['sourceLocationId'],
    message: 'Ask a location other than the store the stock is for.',
    ...whenValid('sourceLocationId', 'destinationLocationId'),
  });
export type RequestTransferInput = z.infer<typeof ZRequestTransferInput>;

/**
 * The source accepts a request: the units it will send per line (up to what was asked, 0 for
 * none), the day they should arrive, and why when it sends fewer than asked (checked by the use
 * case, which knows what was asked).
 */
export const ZAcceptTransferRequestInput = z.object({
  transferId: z.uuid(),
  expectedOn: day,
  lines: z
    .array(z.object({ variantId: z.uuid(), quantity: quantity }))
    .min(1)
    .max(5000),
  reason: reason.optional(),
});
export type AcceptTransferRequestInput = z.infer<typeof ZAcceptTransferRequestInput>;

export const ZDeclineTransferRequestInput = z.object({
  transferId: z.uuid(),
  reason: reason.min(1, { message: 'Say why the request is declined.' }),
});
export type DeclineTransferRequestInput = z.infer<typeof ZDeclineTransferRequestInput>;

const csv = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean));

/** The /inventory view, read from the URL: every filter is shareable. */
export const ZInventoryListQuery = z.object({
  loc: csv.pipe(z.array(z.uuid()).max(60)),
  category: z.string().trim().max(100).optional().catch(undefined),
  brand: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(STOCK_STATUSES).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(INVENTORY_SORTS).default('name').catch('name'),
  dir: z.enum(['asc', 'desc']).default('asc').catch('asc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type InventoryListQuery = z.infer<typeof ZInventoryListQuery>;

export const ZStartCountInput = z.object({
  locationId: z.uuid(),
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('category'), category: z.string().trim().min(1).max(100) }),
    z.object({ kind: z.literal('list'), skus: z.array(z.string().trim().min(1).max(64)).min(1).max(5000) }),
  ]),
});
export type StartCountInput = z.infer<typeof ZStartCountInput>;

export const ZRecordCountInput = z.object({
  countId: z.uuid(),
  lines: z
    .array(
      z.object({
        /** SKU or barcode, as typed or scanned. */
        code: z.string().trim().min(1).max(64),
        counted: quantity,
        /** `add` for scanning one unit at a time; `set` for a typed quantity. */
        mode: z.enum(['set', 'add']).default('set'),
      }),
    )
    .min(1)
    .max(5000),
});
export type RecordCountInput = z.infer<typeof ZRecordCountInput>;

export const ZCountIdInput = z.object({ countId: z.uuid() });

export const ZImportStockCsvInput = z.object({
  locationId: z.uuid(),
  kind: z.enum(['count', 'receipt']),
  text: z.string().min(1).max(2_000_000),
  reference: z.string().trim().max(100).optional(),
});

export const ZSetChannelCapInput = z.object({
  channelId: z.uuid(),
  variantId: z.uuid(),
  /** Units the channel may sell, or null to remove the cap. */
  maxUnits: quantity.nullable(),
});
export type SetChannelCapInput = z.infer<typeof ZSetChannelCapInput>;

/** Most suggestions one SKU search returns. */
export const SKU_SEARCH_MAX_LIMIT = 20;

/** GET /inventory/sku-search: what was typed, and how many suggestions at most. */
export const ZSkuSearchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(SKU_SEARCH_MAX_LIMIT).default(8),
});
export type SkuSearchQuery = z.infer<typeof ZSkuSearchQuery>;
