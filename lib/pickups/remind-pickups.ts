import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { orders, pickups } from '@/db/schema';
import { queuePickupMessage } from './messages';
import { REMINDER_AFTER_READY_MS, REMINDER_BEFORE_END_MS } from './schedule';
import { transitionPickup } from './transition';

/**
 * The reminder job: a ready parcel not collected a day after it was made ready gets a reminder,
 * and another a day before its hold ends (the last one: "final"); a short hold gets only the
 * last. Extending a hold plans the last reminder again. Each reminder is one transition (stamped,
 * on the timeline) and one outbox message in one transaction; rows another worker holds are
 * skipped, and a parcel reminded meanwhile no longer matches, so no reminder goes twice.
 */
export async function remindPickups(db: Db, options: { now: Date; limit?: number }): Promise<{ reminded: number }> {
  const now = options.now;
  const firstDue = new Date(now.getTime() - REMINDER_AFTER_READY_MS);
  const lastDue = new Date(now.getTime() + REMINDER_BEFORE_END_MS);
  const dueFilter = and(
    eq(pickups.state, 'ready'),
    or(
      // the first, a day after ready, unless the last one is already due
      and(
        eq(pickups.remindersSent, 0),
        lte(pickups.readyAt, firstDue),
        sql`${pickups.dueBy} > ${lastDue.toISOString()}::timestamptz`,
      ),
      // the last, a day before the end, unless sent since the hold last changed
      and(
        lte(pickups.dueBy, lastDue),
        or(isNull(pickups.remindedAt), lt(pickups.remindedAt, sql`${pickups.dueBy} - interval '1 day'`)),
      ),
    ),
  );
  const due = await db
    .select({ id: pickups.id })
    .from(pickups)
    .where(dueFilter)
    .orderBy(pickups.dueBy)
    .limit(options.limit ?? 500);
  let reminded = 0;
  for (const { id } of due) {
    const sent = await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ pickup: pickups, order: { id: orders.id, number: orders.number, customerId: orders.customerId } })
        .from(pickups)
        .innerJoin(orders, eq(orders.id, pickups.orderId))
        .where(and(eq(pickups.id, id), dueFilter, inArray(pickups.state, ['ready'])))
        .for('update', { of: [orders, pickups], skipLocked: true });
      if (!row) return false;
      const final = row.pickup.dueBy!.getTime() <= lastDue.getTime();
      const { pickup } = await transitionPickup(tx, {
        pickupId: id,
        event: 'remind',
        actorId: null,
        at: now,
        data: { final },
      });
      await queuePickupMessage(tx, 'pickup.reminder', row.order, pickup, { final });
      return true;
    });
    if (sent) reminded += 1;
  }
  return { reminded };
}
