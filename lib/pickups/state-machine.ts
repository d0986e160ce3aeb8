import { PICKUP_END_STATES, PICKUP_OPEN_STATES, PICKUP_STATES, type PickupState } from '@/db/schema/pickup-states';

export { PICKUP_END_STATES, PICKUP_OPEN_STATES, PICKUP_STATES, type PickupState };

/**
 * The click-and-collect state machine, written once: every use case of lib/pickups moves a
 * pickup through `transitionPickup` (./transition.ts), which applies this table in one guarded
 * update. No Drizzle here, so pages may import it to decide which buttons to show.
 *
 *   placed ──start_picking──▶ to_pick ──mark_ready──▶ ready ──collect──▶ collected
 *     │  └──────await_transfer──▶ awaiting_transfer ──transfer_received──▶ to_pick
 *     └── reject / cancel (from any open state; expire from ready)
 *
 * `remind` and `extend_hold` keep a ready pickup ready (they stamp it); `reroute` sends an open,
 * not yet ready pickup to another store, where it starts again as placed.
 */
export const PICKUP_EVENTS = [
  'start_picking',
  'await_transfer',
  'transfer_received',
  'mark_ready',
  'remind',
  'extend_hold',
  'collect',
  'expire',
  'reject',
  'reroute',
  'cancel',
] as const;

export type PickupEvent = (typeof PICKUP_EVENTS)[number];

type Rule = { from: readonly PickupState[]; to: PickupState };

const NOT_READY_YET = ['placed', 'to_pick', 'awaiting_transfer'] as const;

export const PICKUP_TRANSITIONS: Record<PickupEvent, Rule> = {
  start_picking: { from: ['placed'], to: 'to_pick' },
  await_transfer: { from: ['placed', 'to_pick'], to: 'awaiting_transfer' },
  transfer_received: { from: ['awaiting_transfer'], to: 'to_pick' },
  mark_ready: { from: ['placed', 'to_pick'], to: 'ready' },
  remind: { from: ['ready'], to: 'ready' },
  extend_hold: { from: ['ready'], to: 'ready' },
  collect: { from: ['ready'], to: 'collected' },
  expire: { from: ['ready'], to: 'expired' },
  reject: { from: NOT_READY_YET, to: 'rejected' },
  reroute: { from: NOT_READY_YET, to: 'placed' },
  cancel: { from: [...NOT_READY_YET, 'ready'], to: 'cancelled' },
};

/** The state `event` leads to from `state`, or null when the event is not allowed there. */
export function nextPickupState(state: PickupState, event: PickupEvent): PickupState | null {
  const rule = PICKUP_TRANSITIONS[event];
  return rule.from.includes(state) ? rule.to : null;
}

/**
 * Whether a pickup found in `state` already shows that `event` happened: a retried request
 * (a double tap, a replayed job) then changes nothing and succeeds. Events that stay in their
 * state (remind, extend_hold) and reroute are not repeated this way: each is a new change.
 */
export function pickupEventAlreadyApplied(state: PickupState, event: PickupEvent): boolean {
  const rule = PICKUP_TRANSITIONS[event];
  if (rule.from.includes(rule.to) || event === 'reroute') return false;
  return state === rule.to;
}

/** Events a staff member may trigger from a state: the buttons a page shows. */
export function pickupEventsFrom(state: PickupState): PickupEvent[] {
  return PICKUP_EVENTS.filter((e) => nextPickupState(state, e) !== null);
}
