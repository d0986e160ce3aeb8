import { z } from 'zod';
import { LOCALES } from '@/lib/i18n/config';

/**
 * A channel's request to tell a customer when a SKU is available (POST /api/v1/stock-alerts): at
 * one store (`location`, its code) or online (no location). The customer is found or created by
 * the same rules as an order's, from an e-mail (required: the message goes there).
 */
export const ZRegisterStockAlertInput = z.object({
  sku: z.string().trim().min(1).max(64),
  location: z.string().trim().min(1).max(20).nullish(),
  customer: z.object({
    email: z.string().trim().pipe(z.email().max(254)),
    firstName: z.string().trim().max(100).optional(),
    lastName: z.string().trim().max(100).optional(),
    phone: z.string().trim().max(40).optional(),
    language: z.enum(LOCALES).optional(),
  }),
  /** The channel's page for the product, linked from the message. */
  productUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});
export type RegisterStockAlertInput = z.infer<typeof ZRegisterStockAlertInput>;

/** DELETE /api/v1/stock-alerts: the alert to cancel, as the registration answered it. */
export const ZCancelStockAlertInput = z.object({ id: z.uuid() });
export type CancelStockAlertInput = z.infer<typeof ZCancelStockAlertInput>;
