import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { locations, orders } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { bumpKpi } from '@/lib/kpis/rollup';
import { issuePickupCode } from './code';
import { lockPickupForActor } from './lock-pickup';
import { queuePickupMessage } from './messages';
import { holdEndsAt } from './schedule';
import { transitionPickup, type PickupTransitionResult } from './transition';

/**
 * The parcel is on the shelf: issues its code (unique among the store's ready parcels), starts
 * the hold (the store's hold days), counts the lead time in the KPIs and writes the "ready for
 * pickup" message to the outbox, all in one transaction. Repeated, it changes nothing and sends
 * nothing more.
 */
export async function markReady(
  db: Db,
  actor: Actor,
  input: { pickupId: string },
  at = new Date(),
): Promise<PickupTransitionResult> {
  return db.transaction((tx) => markReadyInTx(tx, actor, input, at));
}

/** markReady inside the caller's transaction (making a picked order ready checks its lines first). */
export async function markReadyInTx(
  tx: Tx,
  actor: Actor,
  input: { pickupId: string },
  at: Date,
): Promise<PickupTransitionResult> {
  const { pickup, order } = await lockPickupForActor(tx, actor, input.pickupId);
  const [store] = await tx
    .select({ holdDays: locations.holdDays })
    .from(locations)
    .where(eq(locations.id, pickup.locationId));
  const code = pickup.state === 'ready' ? pickup.code : await issuePickupCode(tx, pickup.locationId);
  const dueBy = holdEndsAt(at, store);
  const result = await transitionPickup(tx, {
    pickupId: pickup.id,
    event: 'mark_ready',
    actorId: actor.userId,
    at,
    set: { code, dueBy },
    data: { code, dueBy: dueBy.toISOString() },
  });
  if (!result.changed) return result;
  if (order.status === 'placed') {
    await tx
      .update(orders)
      .set({ status: 'confirmed', updatedAt: sql`now()` })
      .where(eq(orders.id, order.id));
  }
  // Whole seconds from the order's placing, as the rollup rebuild counts them (lib/seed/rollups.ts).
  const [lead] = await tx
    .select({
      seconds: sql<string>`floor(extract(epoch from ${at.toISOString()}::timestamptz - ${orders.placedAt}))`,
    })
    .from(orders)
    .where(eq(orders.id, order.id));
  await bumpKpi(
    tx,
    { placedAt: order.placedAt, channelId: order.channelId, locationId: order.locationId },
    { pickupsReady: 1, pickupLeadSeconds: Number(lead.seconds) },
  );
  await queuePickupMessage(tx, 'pickup.ready', order, result.pickup);
  return result;
}
