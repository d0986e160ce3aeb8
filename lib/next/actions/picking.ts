'use server';

import { guardedAction } from '@/lib/next/guarded-action';
import { acceptPartialOrder } from '@/lib/pickups/accept-partial';
import { finishPicking } from '@/lib/pickups/finish-picking';
import { pickLine, scanPickLine } from '@/lib/pickups/pick-line';
import { reroutePickup } from '@/lib/pickups/reroute-pickup';
import {
  ZPickLineInput,
  ZPickupIdInput,
  ZReroutePickupInput,
  ZScanPickInput,
  ZShipInsteadInput,
  ZShortPickInput,
} from '@/lib/pickups/schemas';
import { shipInstead } from '@/lib/pickups/ship-instead';
import { shortPick } from '@/lib/pickups/short-pick';
import { waitForTransfer } from '@/lib/pickups/wait-for-transfer';

// The input names a pickup, not a store: each use case locks the pickup and checks
// pickups.manage at its real store (lockPickupForActor), so a manager acts only on their stores'.

const page = (input: { pickupId: string }) => ['/pickups', `/pickups/${input.pickupId}`];

export const pickLineAction = guardedAction({
  permission: 'pickups.manage',
  schema: ZPickLineInput,
  run: ({ actor, db }, input) => pickLine(db, actor, input),
  revalidate: page,
});

export const scanPickLineAction = guardedAction({
  permission: 'pickups.manage',
  schema: ZScanPickInput,
  run: ({ actor, db }, input) => scanPickLine(db, actor, input),
  revalidate: page,
});

export const shortPickAction = guardedAction({
  permission: 'pickups.manage',
  schema: ZShortPickInput,
  run: ({ actor, db }, input) => shortPick(db, actor, input),
  revalidate: page,
});

export const acceptPartialOrderAction = guardedAction({
  permission: 'pickups.manage',
  schema: ZPickupIdInput,
  run: ({ actor, db }, input) => acceptPartialOrder(db, actor, input),
  revalidate: page,
});

export const reroutePickupAction = guardedAction({
  permission: 'pickups.manage',
  schema: ZReroutePickupInput,
  run: async ({ actor, db }, input) => {
    await reroutePickup(db, actor, input);
    return { locationId: input.locationId };
  },
  revalidate: page,
});

export const shipInsteadAction = guardedAction({
  permission: 'pickups.manage',
  schema: ZShipInsteadInput,
  run: async ({ actor, db }, input) => {
    await shipInstead(db, actor, input);
    return { shipped: true };
  },
  revalidate: page,
});

export const waitForTransferAction = guardedAction({
  permission: 'pickups.manage',
  schema: ZPickupIdInput,
  run: async ({ actor, db }, input) => {
    const r = await waitForTransfer(db, actor, input);
    return { transfer: r.transfer.number, from: r.from.code, days: r.from.transferLeadDays };
  },
  revalidate: page,
});

export const finishPickingAction = guardedAction({
  permission: 'pickups.manage',
  schema: ZPickupIdInput,
  run: async ({ actor, db }, input) => {
    const r = await finishPicking(db, actor, input);
    return { code: r.pickup.code };
  },
  revalidate: page,
});
