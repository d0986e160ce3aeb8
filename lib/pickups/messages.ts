import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, locations, notificationOutbox, pickups } from '@/db/schema';
import { isLocale } from '@/lib/i18n/config';
import { localName } from '@/lib/i18n/local-name';
import type { PickupMessageKind as PickupKind } from '@/lib/messages/payload';
import type { OrderRow } from '@/lib/orders/lock-order';
import type { PickupRow } from './transition';

/** Only kinds a template renders (lib/messages/payload.ts: MESSAGE_KINDS): a new kind starts there. */
export type PickupMessageKind = PickupKind;

export type PickupMessage = {
  order: Pick<OrderRow, 'id' | 'number' | 'customerId'>;
  pickup: Pick<PickupRow, 'locationId' | 'code' | 'dueBy'>;
  /** What this kind of message says besides the pickup (a reminder's `final`, a rejection's reason…). */
  extra?: Record<string, unknown>;
};

/**
 * Writes what customers are told about their pickups to the notification outbox, in the
 * transaction of the change that causes it (a job sends it after commit): one message per pickup,
 * each payload carrying everything the message shows as it is at this moment (code, hold end,
 * the store's name in the customer's language, address and opening hours). Four statements
 * however many pickups. A customer without an email address gets no message (the order's
 * timeline still shows the change). Each payload carries the pickup's tracking link, `trackingPath`
 * '/track/<token>' (read here by order, so no caller has to carry the token). Returns how many
 * messages were written.
 */
export async function queuePickupMessages(
  tx: DbOrTx,
  kind: PickupMessageKind,
  messages: readonly PickupMessage[],
): Promise<number> {
  const customerIds = [...new Set(messages.flatMap((m) => (m.order.customerId ? [m.order.customerId] : [])))];
  if (customerIds.length === 0) return 0;
  const storeIds = [...new Set(messages.map((m) => m.pickup.locationId))];
  const orderIds = [...new Set(messages.map((m) => m.order.id))];
  // One after the other: a transaction is one connection, which runs one query at a time anyway
  // (pg 8 warns about queries sent while one runs, and pg 9 will refuse them).
  const people = await tx
    .select({ id: customers.id, email: customers.email, firstName: customers.firstName, locale: customers.locale })
    .from(customers)
    .where(inArray(customers.id, customerIds));
  const stores = await tx
    .select({
      id: locations.id,
      code: locations.code,
      name: locations.name,
      names: locations.names,
      address: locations.address,
      city: locations.city,
      timeZone: locations.timeZone,
      openingHours: locations.openingHours,
    })
    .from(locations)
    .where(inArray(locations.id, storeIds));
  const tokens = await tx
    .select({ orderId: pickups.orderId, token: pickups.trackingToken })
    .from(pickups)
    .where(inArray(pickups.orderId, orderIds));
  const tokenOf = new Map(tokens.map((t) => [t.orderId, t.token]));
  const personOf = new Map(people.map((p) => [p.id, p]));
  const storeOf = new Map(stores.map((s) => [s.id, s]));
  const rows = messages.flatMap(({ order, pickup, extra }) => {
    const person = order.customerId ? personOf.get(order.customerId) : undefined;
    const store = storeOf.get(pickup.locationId);
    if (!person?.email || !store) return [];
    // null: the messages' own default language (lib/messages).
    const locale = isLocale(person.locale) ? person.locale : null;
    const token = tokenOf.get(order.id);
    return [
      {
        kind,
        channel: 'email' as const,
        recipient: person.email,
        orderId: order.id,
        payload: {
          locale,
          firstName: person.firstName,
          orderNumber: order.number,
          code: pickup.code,
          holdEndsAt: pickup.dueBy?.toISOString() ?? null,
          trackingPath: token ? `/track/${token}` : null,
          store: {
            code: store.code,
            name: localName(store, locale ?? undefined),
            address: store.address,
            city: store.city,
            timeZone: store.timeZone,
            openingHours: store.openingHours,
          },
          ...extra,
        },
      },
    ];
  });
  if (rows.length > 0) await tx.insert(notificationOutbox).values(rows);
  return rows.length;
}

/** queuePickupMessages for one pickup. */
export async function queuePickupMessage(
  tx: DbOrTx,
  kind: PickupMessageKind,
  order: PickupMessage['order'],
  pickup: PickupMessage['pickup'],
  extra?: Record<string, unknown>,
): Promise<boolean> {
  return (await queuePickupMessages(tx, kind, [{ order, pickup, extra }])) > 0;
}
