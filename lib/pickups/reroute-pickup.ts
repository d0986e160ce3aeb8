import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { locations, orderEvents, orders, pickupLines, pickups } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError } from '@/lib/errors';
import { localName } from '@/lib/i18n/local-name';
import type { Locale } from '@/lib/i18n/config';
import { announce } from '@/lib/live/announce';
import { liveTopic } from '@/lib/live/topics';
import { releaseHolds } from '@/lib/orders/lock-order';
import { lockPickupForActor } from './lock-pickup';
import { queuePickupMessage } from './messages';
import { availableAt, holdAt, moveOrderKpis, pickupStores } from './move-order';
import { readPickLines } from './pick-lines';
import type { ReroutePickupInput } from './schemas';
import { PICKUP_TIMELINE_TYPE, transitionPickup, type PickupRow, type PickupTransitionResult } from './transition';

export type RerouteStore = { id: string; code: string; name: string };

/** The stores that could take the whole order now: click-and-collect open there and every unit available. */
export async function listRerouteStores(
  db: DbOrTx,
  pickup: { id: string; orderId: string; locationId: string },
  locale?: Locale,
): Promise<RerouteStore[]> {
  const stores = await pickupStores(db, pickup.locationId);
  const lines = await readPickLines(db, pickup.id, pickup.orderId);
  const wanted = new Map<string, number>();
  for (const l of lines) wanted.set(l.variantId, (wanted.get(l.variantId) ?? 0) + l.quantity);
  const available = await availableAt(
    db,
    [...wanted.keys()],
    stores.map((s) => s.id),
  );
  return stores
    .filter((s) => [...wanted].every(([v, q]) => (available.get(`${v}|${s.id}`) ?? 0) >= q))
    .map((s) => ({ id: s.id, code: s.code, name: localName(s, locale) }));
}

/**
 * Sends a pickup not yet ready to another store that has every unit, in one transaction: what the
 * order holds anywhere is released and the whole order is held at the new store (refused, writing
 * nothing, if a unit lacks there), the pickup moves there and starts again as placed ('reroute',
 * its pick state dropped), the order follows (its location, the KPIs' key), both stores' queues
 * refresh, and the customer is told ('pickup.rerouted'). Audited.
 */
export async function reroutePickup(
  db: Db,
  actor: Actor,
  input: ReroutePickupInput,
  at = new Date(),
): Promise<PickupTransitionResult> {
  return db.transaction(async (tx) => {
    const retried = await alreadyRerouted(tx, actor, input);
    if (retried) return { changed: false, pickup: retried };
    const { pickup, order } = await lockPickupForActor(tx, actor, input.pickupId);
    const target = (await pickupStores(tx, pickup.locationId)).find((s) => s.id === input.locationId);
    if (!target)
      throw new DomainError('unprocessable', 'This store does not take click-and-collect orders now.', {
        reason: 'store_unavailable',
      });
    const lines = await readPickLines(tx, pickup.id, order.id);
    const result = await transitionPickup(tx, {
      pickupId: pickup.id,
      event: 'reroute',
      actorId: actor.userId,
      at,
      set: { locationId: target.id },
      data: { from: pickup.locationId, to: target.id, toCode: target.code },
    });
    await releaseHolds(tx, { order, actorId: actor.userId, at });
    await holdAt(tx, {
      order,
      locationId: target.id,
      holds: lines.map((l) => ({
        orderLineId: l.orderLineId,
        variantId: l.variantId,
        sku: l.sku,
        quantity: l.quantity,
      })),
      actorId: actor.userId,
    });
    await tx.delete(pickupLines).where(eq(pickupLines.pickupId, pickup.id));
    await moveOrderKpis(tx, order, { locationId: target.id, pickup: true });
    await tx
      .update(orders)
      .set({ locationId: target.id, fulfillingLocationId: target.id, updatedAt: sql`now()` })
      .where(eq(orders.id, order.id));
    // The new store's queue hears the transition; the old one loses a card.
    await announce(tx, liveTopic.pickups(pickup.locationId), { kind: 'pickup.changed', id: pickup.id });
    // The message names the store it leaves (payload.store) and the one it goes to (newStore), as its template reads them.
    const [next] = await tx
      .select({
        code: locations.code,
        name: locations.name,
        address: locations.address,
        city: locations.city,
        timeZone: locations.timeZone,
        openingHours: locations.openingHours,
      })
      .from(locations)
      .where(eq(locations.id, target.id));
    await queuePickupMessage(tx, 'pickup.rerouted', order, pickup, { newStore: next });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'pickup.reroute',
      entityType: 'pickup',
      entityId: pickup.id,
      data: { orderId: order.id, from: pickup.locationId, to: target.id },
    });
    return result;
  });
}

/**
 * A retried reroute: the pickup waits, as placed, at the store this actor sent it to last. Checked
 * before the scope, which the move itself changed (a Paris manager no longer manages it at Lyon).
 */
async function alreadyRerouted(tx: DbOrTx, actor: Actor, input: ReroutePickupInput): Promise<PickupRow | null> {
  const [pickup] = await tx.select().from(pickups).where(eq(pickups.id, input.pickupId));
  if (!pickup || pickup.state !== 'placed' || pickup.locationId !== input.locationId) return null;
  const [last] = await tx
    .select({ actorId: orderEvents.actorId, data: orderEvents.data })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, pickup.orderId), eq(orderEvents.type, PICKUP_TIMELINE_TYPE.reroute)))
    .orderBy(desc(orderEvents.id))
    .limit(1);
  return last?.actorId === actor.userId && last.data.to === input.locationId ? pickup : null;
}
