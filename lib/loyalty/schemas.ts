import { z } from 'zod';
import { MAX_POINTS_PER_ENTRY } from './rules';

const points = z.coerce
  .number({ error: 'points_not_a_number' })
  .int({ error: 'points_whole' })
  .min(-MAX_POINTS_PER_ENTRY, { error: 'points_too_large' })
  .max(MAX_POINTS_PER_ENTRY, { error: 'points_too_large' });

/**
 * An agent's change to a customer's points: a redemption (points spent, a positive count) or an
 * adjustment (signed, not zero), always with a reason. One schema for the dialog and the action;
 * errors are codes the form says in the reader's language.
 */
export const ZChangePointsInput = z
  .object({
    customerId: z.uuid(),
    kind: z.enum(['redeem', 'adjust']),
    points,
    reason: z.string().trim().min(1, { error: 'reason_required' }).max(500, { error: 'reason_too_long' }),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'redeem' && v.points <= 0)
      ctx.addIssue({ code: 'custom', path: ['points'], message: 'points_positive' });
    if (v.kind === 'adjust' && v.points === 0)
      ctx.addIssue({ code: 'custom', path: ['points'], message: 'points_not_zero' });
  });
export type ChangePointsInput = z.infer<typeof ZChangePointsInput>;

/** Who a channel means: a loyalty id or an e-mail address (one of them). */
const ZCustomerRef = {
  loyaltyId: z.string().trim().min(1).max(64).optional(),
  email: z.email('email must be an e-mail address').max(254).optional(),
};
const oneCustomer = (v: { loyaltyId?: string; email?: string }) => (v.loyaltyId ? 1 : 0) + (v.email ? 1 : 0) === 1;
const ONE_CUSTOMER = { error: 'Give the customer as loyaltyId or email (one of them).', path: ['loyaltyId'] };

/** POST /api/v1/loyalty/redemptions: points a channel spends for a customer, once per redemption id. */
export const ZRedeemPointsRequest = z
  .object({
    /** The channel's id for this redemption (or the Idempotency-Key header): a replay answers the first answer. */
    redemptionId: z.string().trim().min(1).max(100).optional(),
    ...ZCustomerRef,
    points: z
      .number('points must be a whole number of points')
      .int('points must be a whole number of points')
      .min(1, 'points must be at least 1')
      .max(MAX_POINTS_PER_ENTRY, `points must be at most ${MAX_POINTS_PER_ENTRY}`),
    /** What the points paid for, in the channel's words (an order number, a voucher). */
    reason: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine(oneCustomer, ONE_CUSTOMER);
export type RedeemPointsRequest = z.infer<typeof ZRedeemPointsRequest>;

/** GET /api/v1/loyalty/balance?channel=…&loyaltyId=… or &email=… */
export const ZBalanceQuery = z
  .object({ channel: z.string().trim().min(1).max(50), ...ZCustomerRef })
  .strict()
  .refine(oneCustomer, ONE_CUSTOMER);
