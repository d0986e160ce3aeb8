import { z } from 'zod';

export const ADJUSTMENT_REASONS = [
  'damaged',
  'lost',
  'found',
  'count_correction',
  'theft',
  'return_to_vendor',
] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

const quantity = z.coerce.number().int().min(0).max(1_000_000);

export const ZAdjustStockInput = z
  .object({
    variantId: z.uuid(),
    locationId: z.uuid(),
    /** `delta`: add or remove units; `set`: the counted quantity becomes on hand. */
    mode: z.enum(['delta', 'set']),
    quantity: z.coerce.number().int().min(-1_000_000).max(1_000_000),
    reason: z.enum(ADJUSTMENT_REASONS),
    note: z.string().trim().max(500).optional(),
  })
  .refine((v) => v.mode === 'delta' || v.quantity >= 0, {
    path: ['quantity'],
    message: 'A counted quantity cannot be negative.',
  })
  .refine((v) => v.mode === 'set' || v.quantity !== 0, { path: ['quantity'], message: 'Enter a change other than 0.' });
export type AdjustStockInput = z.infer<typeof ZAdjustStockInput>;

export const ZReceiveStockInput = z.object({
  locationId: z.uuid(),
  reference: z.string().trim().min(1).max(100),
  lines: z
    .array(z.object({ variantId: z.uuid(), quantity: quantity.min(1) }))
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
      .array(z.object({ variantId: z.uuid(), quantity: quantity.min(1) }))
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

export const STOCK_STATUSES = ['out', 'low', 'over'] as const;
export const INVENTORY_SORTS = ['name', 'sku', 'onHand', 'reserved', 'available'] as const;

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

/** Units a channel may sell: a whole number, or null to remove the cap. A blank field is not 0 (coercion would make it so). */
const capUnits = z
  .union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)])
  .pipe(z.number().int().min(0).max(1_000_000));

export const ZSetChannelCapInput = z.object({
  channelId: z.uuid(),
  variantId: z.uuid(),
  maxUnits: capUnits.nullable(),
});
export type SetChannelCapInput = z.infer<typeof ZSetChannelCapInput>;
