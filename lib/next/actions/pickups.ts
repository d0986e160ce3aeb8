'use server';

import { guardedAction } from '@/lib/next/guarded-action';
import { collectPickup } from '@/lib/pickups/collect-pickup';
import { extendHold } from '@/lib/pickups/extend-hold';
import { rejectPickup } from '@/lib/pickups/reject-pickup';
import { ZCollectPickupInput, ZExtendHoldInput, ZPickupIdInput, ZRejectPickupInput } from '@/lib/pickups/schemas';
import { startPicking } from '@/lib/pickups/start-picking';

// The store decisions of the queue's cards. Each use case locks the pickup and checks the
// manager's scope against the pickup's own store (lockPickupForActor), never a location id sent
// by the client; the queue itself refreshes through its live topic.

export const startPickingAction = guardedAction({
  permission: 'pickups.manage',
  schema: ZPickupIdInput,
  run: ({ actor, db }, input) => startPicking(db, actor, input),
  revalidate: (input) => ['/pickups', `/pickups/${input.pickupId}`],
});

export const extendHoldAction = guardedAction({
  permission: 'pickups.manage',
  schema: ZExtendHoldInput,
  run: ({ actor, db }, input) => extendHold(db, actor, input),
  revalidate: (input) => ['/pickups', `/pickups/${input.pickupId}`],
});

export const rejectPickupAction = guardedAction({
  permission: 'pickups.manage',
  schema: ZRejectPickupInput,
  run: ({ actor, db }, input) => rejectPickup(db, actor, input),
  revalidate: (input) => ['/pickups', `/pickups/${input.pickupId}`, '/inventory'],
});

/**
 * The hand-over at the counter: the signed-in staff member hands the parcel over (partly, or to a
 * named person). Of two staff collecting at once one succeeds; the other's conflict says who did
 * and when (details.collectedBy, details.collectedAt).
 */
export const collectPickupAction = guardedAction({
  permission: 'pickups.manage',
  schema: ZCollectPickupInput,
  run: async ({ actor, db }, input) => {
    const { pickup, handedOver, refundCents, currency } = await collectPickup(db, actor, input);
    return {
      pickupId: pickup.id,
      orderId: pickup.orderId,
      collectedAt: pickup.collectedAt?.toISOString() ?? null,
      collectedByName: pickup.collectedByName,
      handedOver,
      refund: { cents: refundCents, currency },
    };
  },
  revalidate: (input, result) => [
    '/pickups',
    `/pickups/${input.pickupId}`,
    '/inventory',
    '/orders',
    `/orders/${result.orderId}`,
  ],
});
