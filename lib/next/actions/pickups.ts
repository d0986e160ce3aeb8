'use server';

import { guardedAction } from '@/lib/next/guarded-action';
import { extendHold } from '@/lib/pickups/extend-hold';
import { rejectPickup } from '@/lib/pickups/reject-pickup';
import { ZExtendHoldInput, ZPickupIdInput, ZRejectPickupInput } from '@/lib/pickups/schemas';
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
