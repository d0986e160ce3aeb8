/**
 * The states of a click-and-collect pickup, once: the database enum (./pickups.ts) and the
 * domain's state machine (lib/pickups/state-machine.ts) are built from them. A file without
 * Drizzle, so browser pages that name states do not download the table definitions.
 *
 * placed → to_pick → ready → collected; awaiting_transfer while stock travels to the store;
 * expired, rejected and cancelled are ends too.
 */
export const PICKUP_STATES = [
  'placed',
  'to_pick',
  'ready',
  'collected',
  'expired',
  'cancelled',
  'awaiting_transfer',
  'rejected',
] as const;

export type PickupState = (typeof PICKUP_STATES)[number];

/** States a pickup never leaves. */
export const PICKUP_END_STATES = [
  'collected',
  'expired',
  'rejected',
  'cancelled',
] as const satisfies readonly PickupState[];

/** States of a pickup the store still works on (its stock is held for it). */
export const PICKUP_OPEN_STATES = [
  'placed',
  'to_pick',
  'awaiting_transfer',
  'ready',
] as const satisfies readonly PickupState[];
