import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orderEvents, pickups } from '@/db/schema';
import { DomainError, NotFound } from '@/lib/errors';
import { announce } from '@/lib/live/announce';
import { liveTopic } from '@/lib/live/topics';
import { PICKUP_TRANSITIONS, pickupEventAlreadyApplied, type PickupEvent, type PickupState } from './state-machine';

export type PickupRow = typeof pickups.$inferSelect;
type PickupChanges = Partial<Omit<typeof pickups.$inferInsert, 'id' | 'orderId' | 'state'>>;

/** The order timeline's event type for each pickup event (components/orders/order-timeline.tsx names them). */
export const PICKUP_TIMELINE_TYPE: Record<PickupEvent, string> = {
  start_picking: 'to_pick',
  await_transfer: 'awaiting_transfer',
  transfer_received: 'transfer_received',
  mark_ready: 'ready',
  remind: 'reminded',
  extend_hold: 'hold_extended',
  collect: 'collected',
  expire: 'expired',
  reject: 'pickup_rejected',
  reroute: 'rerouted',
  cancel: 'pickup_cancelled',
};

export type PickupTransition = {
  pickupId: string;
  event: PickupEvent;
  /** The staff member, or null for the system (a job, an order's own ingestion). */
  actorId: string | null;
  /** When it happens: the stamps and the timeline take this time (jobs and tests move the clock). */
  at: Date;
  /** The event's own columns (the code and hold end of mark_ready, the reason of reject…). */
  set?: PickupChanges;
  /** What the timeline says beside the type. */
  data?: Record<string, unknown>;
};

export type PickupTransitionResult = { changed: boolean; pickup: PickupRow };

/**
 * Moves one pickup by one event of the state machine (./state-machine.ts): one guarded update,
 * only from the event's expected states, stamped with its time and actor, written on the order's
 * timeline and announced on the store's live queue at commit, in the caller's transaction. A pickup already where the event leads (a retried
 * request, a replayed job) is returned unchanged; any other state is refused with a message that
 * says where the pickup is.
 */
export async function transitionPickup(tx: DbOrTx, t: PickupTransition): Promise<PickupTransitionResult> {
  const rule = PICKUP_TRANSITIONS[t.event];
  const [row] = await tx
    .update(pickups)
    .set({ ...stamps(t), ...t.set, state: rule.to, updatedAt: t.at })
    .where(and(eq(pickups.id, t.pickupId), inArray(pickups.state, rule.from)))
    .returning();
  if (row) {
    await tx.insert(orderEvents).values({
      orderId: row.orderId,
      type: PICKUP_TIMELINE_TYPE[t.event],
      actorId: t.actorId,
      data: t.data ?? {},
      createdAt: t.at,
    });
    // Every open queue of the store refetches when this commits.
    await announce(tx, liveTopic.pickups(row.locationId), { kind: 'pickup.changed', id: row.id });
    return { changed: true, pickup: row };
  }
  const [current] = await tx.select().from(pickups).where(eq(pickups.id, t.pickupId));
  if (!current) throw new NotFound('Pickup');
  if (pickupEventAlreadyApplied(current.state, t.event)) return { changed: false, pickup: current };
  throw new IllegalPickupTransition(current.state, t.event);
}

/** The time (and actor) columns an event writes, besides those the caller sets. */
function stamps({ event, actorId, at }: PickupTransition): PickupChanges {
  const close = { closedAt: at };
  switch (event) {
    case 'start_picking':
      return { pickingStartedAt: at, pickingStartedById: actorId };
    case 'await_transfer':
      return { awaitingTransferAt: at };
    case 'transfer_received':
      return {};
    case 'mark_ready':
      return {
        pickingStartedAt: sql`coalesce(${pickups.pickingStartedAt}, ${at.toISOString()}::timestamptz)` as never,
        pickingStartedById: sql`coalesce(${pickups.pickingStartedById}, ${actorId}::uuid)` as never,
        pickedAt: at,
        pickedById: actorId,
        readyAt: at,
        readyById: actorId,
      };
    case 'remind':
      return { remindedAt: at, remindersSent: sql`${pickups.remindersSent} + 1` as never };
    case 'extend_hold':
      return { holdExtendedAt: at };
    case 'collect':
      return { ...close, collectedAt: at, collectedById: actorId };
    case 'expire':
      return { ...close, expiredAt: at };
    case 'reject':
      return { ...close, rejectedAt: at, rejectedById: actorId };
    case 'reroute':
      // The new store starts from the beginning.
      return {
        placedAt: at,
        pickingStartedAt: null,
        pickingStartedById: null,
        awaitingTransferAt: null,
        transferId: null,
      };
    case 'cancel':
      return { ...close, cancelledAt: at };
  }
}

const STATE_WORDS: Record<PickupState, string> = {
  placed: 'just placed',
  to_pick: 'being picked',
  awaiting_transfer: 'awaiting a transfer',
  ready: 'ready for pickup',
  collected: 'already collected',
  expired: 'expired',
  rejected: 'rejected by the store',
  cancelled: 'cancelled',
};

const EVENT_WORDS: Record<PickupEvent, string> = {
  start_picking: 'start picking it',
  await_transfer: 'wait for a transfer',
  transfer_received: 'receive its transfer',
  mark_ready: 'mark it ready',
  remind: 'send a reminder',
  extend_hold: 'extend its hold',
  collect: 'hand it over',
  expire: 'expire it',
  reject: 'reject it',
  reroute: 'send it to another store',
  cancel: 'cancel it',
};

/** A pickup event refused in the pickup's state; the edge shows the message, the details say which. */
export class IllegalPickupTransition extends DomainError {
  constructor(
    readonly state: PickupState,
    readonly event: PickupEvent,
  ) {
    super('illegal_transition', `This pickup is ${STATE_WORDS[state]}: you cannot ${EVENT_WORDS[event]}.`, {
      state,
      event,
    });
  }
}
