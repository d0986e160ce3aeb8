import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { locations, orderEvents, orders, pickupLines } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError, OutOfStock } from '@/lib/errors';
import { activeReservations } from '@/lib/orders/lock-order';
import { lockPickupForActor } from './lock-pickup';
import { queuePickupMessage } from './messages';
import { availableAt, holdAt, moveOrderKpis } from './move-order';
import { readPickLines } from './pick-lines';
import type { ShipInsteadInput } from './schemas';
import { transitionPickup, type PickupTransitionResult } from './transition';

/**
 * The order is shipped to the customer instead of collected, in one transaction: the units found
 * missing are held at another location that has them (warehouse first, then the location with
 * the most; refused, writing nothing, when none has a SKU), what the store holds stays held for
 * it to send, the order becomes a ship order fulfilled where most units are (its KPIs move from
 * the store's pickup key to shipping), the pickup is cancelled, the timeline says why and the
 * customer is told ('pickup.shipping_instead'). Audited.
 */
export async function shipInstead(
  db: Db,
  actor: Actor,
  input: ShipInsteadInput,
  at = new Date(),
): Promise<PickupTransitionResult> {
  return db.transaction(async (tx) => {
    const { pickup, order } = await lockPickupForActor(tx, actor, input.pickupId);
    if (pickup.state === 'ready')
      throw new DomainError('illegal_transition', 'This pickup is already ready on the shelf.', {
        reason: 'already_ready',
      });
    const result = await transitionPickup(tx, {
      pickupId: pickup.id,
      event: 'cancel',
      actorId: actor.userId,
      at,
      data: { reason: 'ship_instead' },
    });
    // Already shipped instead (a retried request): nothing more.
    if (!result.changed) return result;
    const lines = await readPickLines(tx, pickup.id, order.id);
    const short = lines.filter((l) => l.short > 0);
    if (short.length > 0) {
      const places = await tx
        .select({ id: locations.id, kind: locations.kind })
        .from(locations)
        .orderBy(locations.code);
      const others = places.filter((p) => p.id !== pickup.locationId);
      const available = await availableAt(
        tx,
        short.map((l) => l.variantId),
        others.map((p) => p.id),
      );
      for (const l of short) {
        const from = others
          .map((p) => ({ ...p, n: available.get(`${l.variantId}|${p.id}`) ?? 0 }))
          .filter((p) => p.n >= l.short)
          .sort((a, b) => Number(b.kind === 'warehouse') - Number(a.kind === 'warehouse') || b.n - a.n)[0];
        if (!from) throw new OutOfStock([l.sku]);
        await holdAt(tx, {
          order,
          locationId: from.id,
          holds: [{ orderLineId: l.orderLineId, variantId: l.variantId, sku: l.sku, quantity: l.short }],
          actorId: actor.userId,
        });
        available.set(`${l.variantId}|${from.id}`, from.n - l.short);
      }
    }
    await tx.delete(pickupLines).where(eq(pickupLines.pickupId, pickup.id));
    // Fulfilled where most units are held, as ingestion says of a split ship order.
    const held = new Map<string, number>();
    for (const r of await activeReservations(tx, order.id))
      held.set(r.locationId, (held.get(r.locationId) ?? 0) + r.quantity);
    const fulfillingLocationId = [...held].sort((a, b) => b[1] - a[1])[0]?.[0] ?? pickup.locationId;
    await moveOrderKpis(tx, order, { locationId: null, pickup: false });
    await tx
      .update(orders)
      .set({
        fulfilmentType: 'ship',
        locationId: null,
        fulfillingLocationId,
        ...(input.address ? { shippingAddress: input.address } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(orders.id, order.id));
    await tx.insert(orderEvents).values({
      orderId: order.id,
      type: 'fulfilment_changed',
      actorId: actor.userId,
      data: { from: 'pickup', to: 'ship', fulfillingLocationId, shortSkus: short.map((l) => l.sku) },
      createdAt: at,
    });
    await queuePickupMessage(tx, 'pickup.shipping_instead', order, result.pickup, {
      shippingAddress: input.address ?? order.shippingAddress ?? null,
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'pickup.ship_instead',
      entityType: 'pickup',
      entityId: pickup.id,
      data: { orderId: order.id, fulfillingLocationId },
    });
    return result;
  });
}
