import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import {
  auditLog,
  customerIdentities,
  customerNotes,
  customers,
  loyaltyEntries,
  notificationOutbox,
  orderEvents,
  orderLines,
  orders,
  pickups,
} from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { can, type Actor } from '@/lib/auth/permissions';
import { DomainError, Forbidden, NotFound } from '@/lib/errors';
import { isUuid } from '@/lib/uuid';
import { ERASE_WORDS, ZEraseCustomerInput, type EraseCustomerInput } from './privacy-schemas';

/** The audit action that marks a customer as erased; its time is the erasure's. */
export const ERASED_ACTION = 'customer.erased';
/** What an erased note's body says instead (the column refuses an empty body). */
export const ERASED_TEXT = '[erased]';

type CustomerRow = Omit<typeof customers.$inferSelect, 'searchName'>;

/** One customer's data as exported (GET /customers/<id>/export): JSON, times as ISO strings. */
export type CustomerExport = {
  format: 'comptoir.customer-export';
  version: 1;
  exportedAt: string;
  /** Set when the customer's personal data was erased: what is left is what accounting keeps. */
  erasedAt: string | null;
  customer: CustomerRow;
  identities: (typeof customerIdentities.$inferSelect)[];
  orders: (typeof orders.$inferSelect & {
    lines: (typeof orderLines.$inferSelect)[];
    pickup: typeof pickups.$inferSelect | null;
    events: (typeof orderEvents.$inferSelect)[];
  })[];
  /** Every message written for the customer (the outbox), with what was sent. */
  messages: (typeof notificationOutbox.$inferSelect)[];
  notes: (typeof customerNotes.$inferSelect)[];
  /** The loyalty ledger, oldest first, and the balance it makes. */
  loyalty: { balance: number; entries: (typeof loyaltyEntries.$inferSelect)[] };
};

/** When the customer was erased, or null (the audit row 'customer.erased' is the flag). */
export async function erasedAt(db: DbOrTx, customerId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: auditLog.createdAt })
    .from(auditLog)
    .where(
      and(eq(auditLog.entityType, 'customer'), eq(auditLog.entityId, customerId), eq(auditLog.action, ERASED_ACTION)),
    )
    .orderBy(asc(auditLog.createdAt))
    .limit(1);
  return row?.at ?? null;
}

/** The outbox rows that are this customer's: those of their orders, and those addressed to one of their identities. */
function messagesOf(customerId: string) {
  return sql`(${notificationOutbox.orderId} in (select ${orders.id} from ${orders} where ${orders.customerId} = ${customerId})
    or ${notificationOutbox.recipient} in (select ${customerIdentities.value} from ${customerIdentities}
      where ${customerIdentities.customerId} = ${customerId} and ${customerIdentities.kind} in ('email', 'phone')))`;
}

/**
 * Everything kept about one customer, as one JSON document (the right of access): the profile,
 * every identity, every order with its lines, pickup and timeline, every message sent, every note
 * and the loyalty ledger with its balance.
 * Owners and agents ('customers.export'); the export is audited (who, when; no data in the row).
 */
export async function exportCustomerData(db: Db, actor: Actor, customerId: string): Promise<CustomerExport> {
  if (!can(actor, 'customers.export')) throw new Forbidden();
  if (!isUuid(customerId)) throw new NotFound('Customer');
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(customers).where(eq(customers.id, customerId));
    if (!row) throw new NotFound('Customer');
    const { searchName: _searchName, ...customer } = row;
    // One after the other: a transaction is one connection, which runs one query at a time anyway
    // (pg 8 warns about queries sent while one runs, and pg 9 will refuse them).
    const identities = await tx
      .select()
      .from(customerIdentities)
      .where(eq(customerIdentities.customerId, customerId))
      .orderBy(asc(customerIdentities.createdAt));
    const orderRows = await tx
      .select()
      .from(orders)
      .where(eq(orders.customerId, customerId))
      .orderBy(desc(orders.placedAt));
    const messages = await tx
      .select()
      .from(notificationOutbox)
      .where(messagesOf(customerId))
      .orderBy(asc(notificationOutbox.id));
    const notes = await tx
      .select()
      .from(customerNotes)
      .where(eq(customerNotes.customerId, customerId))
      .orderBy(asc(customerNotes.createdAt));
    const loyalty = await tx
      .select()
      .from(loyaltyEntries)
      .where(eq(loyaltyEntries.customerId, customerId))
      .orderBy(asc(loyaltyEntries.at));
    const erased = await erasedAt(tx, customerId);
    const ids = orderRows.map((o) => o.id);
    const lines = ids.length
      ? await tx.select().from(orderLines).where(inArray(orderLines.orderId, ids)).orderBy(asc(orderLines.lineNo))
      : [];
    const pickupRows = ids.length ? await tx.select().from(pickups).where(inArray(pickups.orderId, ids)) : [];
    const events = ids.length
      ? await tx.select().from(orderEvents).where(inArray(orderEvents.orderId, ids)).orderBy(asc(orderEvents.id))
      : [];
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'customer.exported',
      entityType: 'customer',
      entityId: customerId,
      data: { orders: orderRows.length, messages: messages.length, notes: notes.length },
    });
    return {
      format: 'comptoir.customer-export',
      version: 1,
      exportedAt: new Date().toISOString(),
      erasedAt: erased?.toISOString() ?? null,
      customer,
      identities,
      orders: orderRows.map((o) => ({
        ...o,
        lines: lines.filter((l) => l.orderId === o.id),
        pickup: pickupRows.find((p) => p.orderId === o.id) ?? null,
        events: events.filter((e) => e.orderId === o.id),
      })),
      messages,
      notes,
      loyalty: { balance: loyalty.reduce((sum, e) => sum + e.points, 0), entries: loyalty },
    };
  });
}

export type EraseResult = { customerId: string; erasedAt: Date; alreadyErased: boolean };

/** A shipping address as accounting keeps it: the country and the postcode's first two characters. */
const TRUNCATED_ADDRESS = (
  column: unknown,
) => sql`case when ${column} is null or jsonb_typeof(${column}) <> 'object' then ${column}
  else jsonb_build_object('line1', '', 'city', '', 'country', coalesce(${column} ->> 'country', ''),
    'postalCode', left(coalesce(${column} ->> 'postalCode', ''), 2)) end`;

/** Fields a message payload may carry that name or reach a person. */
const PERSONAL_PAYLOAD_KEYS = ['firstName', 'lastName', 'name', 'email', 'phone', 'recipient', 'collectedBy'];
const PERSONAL_KEYS_SQL = sql.raw(`array[${PERSONAL_PAYLOAD_KEYS.map((k) => `'${k}'`).join(', ')}]::text[]`);

/**
 * Erases one customer's personal data (the right to erasure), owner only, once the owner has typed
 * the customer's e-mail or ERASE / EFFACER. In one transaction: names, e-mail, phone and tags emptied, consents withdrawn;
 * every identity removed (so no channel finds the profile again); notes' bodies replaced; each
 * order's shipping address cut to its country and the postcode's first two characters, who
 * collected a parcel forgotten; the messages' recipient, personal payload fields and rendered text
 * removed (one still waiting is not sent); earlier audit rows about the customer keep only which
 * fields changed; loyalty reasons replaced. Orders, lines, totals and points stay for accounting. The audit row 'customer.erased'
 * (counts only) flags the customer as erased with the time. Erasing again changes nothing.
 */
export async function eraseCustomer(db: Db, actor: Actor, raw: EraseCustomerInput): Promise<EraseResult> {
  if (!can(actor, 'customers.erase')) throw new Forbidden('Only an owner can erase a customer’s data.');
  const input = ZEraseCustomerInput.parse(raw);
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .select({ id: customers.id, email: customers.email, mergedIntoId: customers.mergedIntoId })
      .from(customers)
      .where(eq(customers.id, input.customerId))
      .for('update');
    if (!customer) throw new NotFound('Customer');
    const already = await erasedAt(tx, customer.id);
    if (already) return { customerId: customer.id, erasedAt: already, alreadyErased: true };
    if (customer.mergedIntoId)
      throw new DomainError('conflict', 'This profile was merged: erase the profile it was merged into.');
    const typed = input.confirmation;
    const confirmed =
      (ERASE_WORDS as readonly string[]).includes(typed) ||
      (customer.email !== null && typed.toLowerCase() === customer.email.toLowerCase());
    if (!confirmed)
      throw new DomainError('validation_failed', 'Type the customer’s e-mail or ERASE to confirm.', {
        fields: { confirmation: ['mismatch'] },
      });

    const id = customer.id;
    const messages = await tx
      .update(notificationOutbox)
      .set({
        recipient: 'erased',
        payload: sql`(${notificationOutbox.payload} - ${PERSONAL_KEYS_SQL})
          || case when ${notificationOutbox.payload} ? 'shippingAddress'
            then jsonb_build_object('shippingAddress', ${TRUNCATED_ADDRESS(sql`${notificationOutbox.payload} -> 'shippingAddress'`)})
            else '{}'::jsonb end`,
        subject: null,
        bodyHtml: null,
        bodyText: null,
        status: sql`case when ${notificationOutbox.status} = 'pending' then 'failed'::notification_status else ${notificationOutbox.status} end`,
        lastError: sql`case when ${notificationOutbox.status} = 'pending' then 'customer erased' else ${notificationOutbox.lastError} end`,
      })
      .where(messagesOf(id))
      .returning({ id: notificationOutbox.id });
    const orderRows = await tx
      .update(orders)
      .set({ shippingAddress: sql`${TRUNCATED_ADDRESS(orders.shippingAddress)}`, updatedAt: sql`now()` })
      .where(eq(orders.customerId, id))
      .returning({ id: orders.id });
    const orderIds = orderRows.map((o) => o.id);
    if (orderIds.length) {
      await tx.update(pickups).set({ collectedByName: null }).where(inArray(pickups.orderId, orderIds));
      await tx
        .update(orderEvents)
        .set({ data: sql`${orderEvents.data} - ${PERSONAL_KEYS_SQL}` })
        .where(inArray(orderEvents.orderId, orderIds));
    }
    const identities = await tx
      .delete(customerIdentities)
      .where(eq(customerIdentities.customerId, id))
      .returning({ id: customerIdentities.id });
    const notes = await tx
      .update(customerNotes)
      .set({ body: ERASED_TEXT })
      .where(eq(customerNotes.customerId, id))
      .returning({ id: customerNotes.id });
    // Points and their orders stay (what was earned and spent); a staff member's reason may name the person.
    await tx
      .update(loyaltyEntries)
      .set({ reason: ERASED_TEXT })
      .where(and(eq(loyaltyEntries.customerId, id), sql`${loyaltyEntries.reason} is not null`));
    await tx
      .update(customers)
      .set({
        firstName: '',
        lastName: '',
        email: null,
        phone: null,
        tags: [],
        marketingEmail: false,
        marketingSms: false,
      })
      .where(eq(customers.id, id));
    // What earlier audit rows said about the customer (a contact edit's before and after) goes;
    // which fields changed, who and when stay.
    await tx
      .update(auditLog)
      .set({
        data: sql`jsonb_build_object('redacted', true, 'fields',
          coalesce((select jsonb_agg(k) from jsonb_object_keys(case
            when jsonb_typeof(${auditLog.data} -> 'after') = 'object' then ${auditLog.data} -> 'after'
            when jsonb_typeof(${auditLog.data}) = 'object' then ${auditLog.data} else '{}'::jsonb end) k), '[]'::jsonb))`,
      })
      .where(and(eq(auditLog.entityType, 'customer'), eq(auditLog.entityId, id)));
    await writeAudit(tx, {
      actorId: actor.userId,
      action: ERASED_ACTION,
      entityType: 'customer',
      entityId: id,
      data: {
        orders: orderIds.length,
        identities: identities.length,
        notes: notes.length,
        messages: messages.length,
      },
    });
    const at = await erasedAt(tx, id);
    return { customerId: id, erasedAt: at!, alreadyErased: false };
  });
}
