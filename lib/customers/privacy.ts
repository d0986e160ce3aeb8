import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
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
  stockAlerts,
} from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { can, type Actor } from '@/lib/auth/permissions';
import { DomainError, Forbidden, NotFound } from '@/lib/errors';
import { isUuid } from '@/lib/uuid';
import type { CUSTOMER_REFERENCES } from './merge';
import { ERASE_WORDS, ERASED_RECIPIENT, ZEraseCustomerInput, type EraseCustomerInput } from './privacy-schemas';

/**
 * What the erasure does to the rows of every table that points at a customer (CUSTOMER_REFERENCES,
 * lib/customers/merge.ts): a table added there fails the type check until the erasure says here
 * what of its rows is personal, and eraseCustomer does it.
 */
export const ERASURE_OF_REFERENCES = {
  orders:
    'kept with their lines and totals; shipping address cut to country and postcode start; messages, events, pickups scrubbed (the name a pickup keeps for the counter follows the emptied one)',
  customer_identities: 'deleted',
  customer_notes: 'body replaced',
  loyalty_entries: 'points kept; reason replaced',
  stock_alerts: 'waiting ones cancelled; product link dropped; SKU, store and dates kept',
  customers: 'the profiles merged into the customer are the same person: anonymized alike',
} as const satisfies Record<(typeof CUSTOMER_REFERENCES)[number]['table'], string>;

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
  /** What the customer asked to be told about (stock alerts), oldest first, whatever their status. */
  stockAlerts: (typeof stockAlerts.$inferSelect)[];
  /** The profiles merged into this one (the same person, as other channels first knew them): redirects now. */
  mergedProfiles: CustomerRow[];
};

/**
 * Refuses (conflict, reason 'erased') to write personal data again on a customer whose data was
 * erased: contact details, notes. `what` says what was refused.
 */
export async function assertNotErased(tx: DbOrTx, customerId: string, what: string): Promise<void> {
  if (await erasedAt(tx, customerId))
    throw new DomainError('conflict', `This customer’s data was erased: ${what}.`, { reason: 'erased' });
}

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

/** A list of customer ids for a statement: `in (${idList(ids)})`. */
function idList(ids: readonly string[]) {
  return sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}

/**
 * The outbox rows that are these customers': those of their orders, those that told one of their
 * stock alerts, and those addressed to one of their identities or to the e-mail or phone on the profile.
 */
function messagesOf(customerIds: readonly string[]) {
  const ids = idList(customerIds);
  return sql`(${notificationOutbox.orderId} in (select ${orders.id} from ${orders} where ${orders.customerId} in (${ids}))
    or ${notificationOutbox.id} in (select ${stockAlerts.messageId} from ${stockAlerts}
      where ${stockAlerts.customerId} in (${ids}) and ${stockAlerts.messageId} is not null)
    or ${notificationOutbox.recipient} in (select ${customerIdentities.value} from ${customerIdentities}
      where ${customerIdentities.customerId} in (${ids}) and ${customerIdentities.kind} in ('email', 'phone'))
    or ${notificationOutbox.recipient} in (select ${customers.email} from ${customers}
      where ${customers.id} in (${ids}) and ${customers.email} is not null
      union all select ${customers.phone} from ${customers} where ${customers.id} in (${ids}) and ${customers.phone} is not null))`;
}

/**
 * The customer and every profile merged into them, however long ago (a merged profile redirects to
 * its survivor, and a later merge points the earlier ones at the new survivor): one person, whose
 * old names and contact details the merged rows still hold.
 */
async function personOf(tx: DbOrTx, customerId: string): Promise<string[]> {
  const { rows } = await tx.execute<{ id: string }>(sql`
    with recursive person(id) as (
      select ${customerId}::uuid
      union select c.id from customers c join person p on c.merged_into_id = p.id)
    select id from person`);
  return rows.map((r) => r.id);
}

/**
 * Everything kept about one customer, as one JSON document (the right of access): the profile,
 * every identity, every order with its lines, pickup and timeline, every message sent, every note,
 * the loyalty ledger with its balance, the stock alerts and the profiles merged into this one.
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
      .where(messagesOf([customerId]))
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
    const alerts = await tx
      .select()
      .from(stockAlerts)
      .where(eq(stockAlerts.customerId, customerId))
      .orderBy(asc(stockAlerts.createdAt));
    const merged = await tx
      .select()
      .from(customers)
      .where(eq(customers.mergedIntoId, customerId))
      .orderBy(asc(customers.mergedAt));
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
      stockAlerts: alerts,
      mergedProfiles: merged.map(({ searchName: _s, ...profile }) => profile),
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

/** Fields a message payload may carry that name or reach a person (productUrl: a channel's link may carry who asked). */
const PERSONAL_PAYLOAD_KEYS = [
  'firstName',
  'lastName',
  'name',
  'email',
  'phone',
  'recipient',
  'collectedBy',
  'productUrl',
];
const PERSONAL_KEYS_SQL = sql.raw(`array[${PERSONAL_PAYLOAD_KEYS.map((k) => `'${k}'`).join(', ')}]::text[]`);

/** The personal fields of a profile as a merge journal copies them (MergeBefore, lib/customers/merge.ts), erased. */
const ERASED_FIELDS = sql`'{"firstName": "", "lastName": "", "email": null, "phone": null}'::jsonb`;
/** `doc` with its object at `key` (or itself, without a key) erased when `isThePerson` holds; otherwise as it was. */
function eraseFieldsIn(doc: SQL, isThePerson: SQL, key?: 'survivor' | 'merged'): SQL {
  if (!key)
    return sql`case when ${isThePerson} and jsonb_typeof(${doc}) = 'object' then ${doc} || ${ERASED_FIELDS} else ${doc} end`;
  const path = sql.raw(`'{${key}}'`);
  const at = sql.raw(`'${key}'`);
  return sql`case when ${isThePerson} and jsonb_typeof(${doc} -> ${at}) = 'object'
    then jsonb_set(${doc}, ${path}, (${doc} -> ${at}) || ${ERASED_FIELDS}) else ${doc} end`;
}

/**
 * Erases one customer's personal data (the right to erasure), owner only, once the owner has typed
 * the customer's e-mail or ERASE / EFFACER. The person is the profile and every profile merged into
 * it (they hold the same person's older details). In one transaction: names, e-mail, phone and tags
 * emptied, consents withdrawn; every identity removed (so no channel finds the profile again);
 * notes' bodies replaced; each order's shipping address cut to its country and the postcode's first
 * two characters, who collected a parcel forgotten; the messages' recipient, personal payload fields
 * and rendered text removed (one still waiting is not sent); waiting stock alerts cancelled and the
 * channel's product links dropped; the merge journal's copies of the person's fields emptied (such a
 * merge cannot be undone any more: mergeCustomers and undoMerge refuse an erased customer); open
 * duplicate suggestions dismissed; earlier audit rows about the person keep only which fields
 * changed, and a merge's audit row elsewhere loses the values it took from them; loyalty reasons
 * replaced. Orders, lines, totals, points and the alerts' SKU, store and dates stay for accounting
 * and demand. The audit row 'customer.erased' (counts only) flags the customer as erased with the
 * time. Erasing again changes nothing.
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
    const person = await personOf(tx, id);
    // The merged profiles are locked too: a merge or an undo touching them waits for the erasure.
    await tx
      .select({ id: customers.id })
      .from(customers)
      .where(inArray(customers.id, person))
      .orderBy(asc(customers.id))
      .for('update');
    const ids = idList(person);
    const messages = await tx
      .update(notificationOutbox)
      .set({
        recipient: ERASED_RECIPIENT,
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
      .where(messagesOf(person))
      .returning({ id: notificationOutbox.id });
    const orderRows = await tx
      .update(orders)
      .set({ shippingAddress: sql`${TRUNCATED_ADDRESS(orders.shippingAddress)}`, updatedAt: sql`now()` })
      .where(inArray(orders.customerId, person))
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
      .where(inArray(customerIdentities.customerId, person))
      .returning({ id: customerIdentities.id });
    const notes = await tx
      .update(customerNotes)
      .set({ body: ERASED_TEXT })
      .where(inArray(customerNotes.customerId, person))
      .returning({ id: customerNotes.id });
    // Points and their orders stay (what was earned and spent); a staff member's reason may name the person.
    await tx
      .update(loyaltyEntries)
      .set({ reason: ERASED_TEXT })
      .where(and(inArray(loyaltyEntries.customerId, person), sql`${loyaltyEntries.reason} is not null`));
    // Nobody is left to tell: a waiting wish is cancelled. What was asked, where and when stays (the
    // demand a store saw); the channel's product link goes, as it may carry who asked.
    const alerts = await tx
      .update(stockAlerts)
      .set({
        productUrl: null,
        status: sql`case when ${stockAlerts.status} = 'waiting' then 'cancelled'::stock_alert_status else ${stockAlerts.status} end`,
        cancelledAt: sql`case when ${stockAlerts.status} = 'waiting' then now() else ${stockAlerts.cancelledAt} end`,
      })
      .where(inArray(stockAlerts.customerId, person))
      .returning({ id: stockAlerts.id });
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
      .where(inArray(customers.id, person));
    // The merge journal copied both profiles' names and contact details (to put them back on an
    // undo): the person's copies are emptied, and so is what the survivor looked like after a
    // merge that was undone since (it may hold values taken from the person).
    const { rows: merges } = await tx.execute<{ id: string }>(sql`
      update customer_merges set
        "before" = ${eraseFieldsIn(
          eraseFieldsIn(sql`"before"`, sql`survivor_id in (${ids})`, 'survivor'),
          sql`merged_id in (${ids})`,
          'merged',
        )},
        "after" = ${eraseFieldsIn(sql`"after"`, sql`(survivor_id in (${ids}) or undone_at is not null)`)}
      where survivor_id in (${ids}) or merged_id in (${ids})
      returning id`);
    // A suggestion to merge an erased profile would attach someone's orders to nobody, or the reverse.
    await tx.execute(sql`
      update customer_duplicates set status = 'dismissed', decided_by_id = ${actor.userId}::uuid, decided_at = now()
      where status = 'open' and (customer_id in (${ids}) or other_customer_id in (${ids}))`);
    // What earlier audit rows said about the person goes; what happened, who and when stay. A
    // contact edit keeps which fields changed; a merge or its undo keeps its ids and counts (the
    // journal it names stays readable) and the names of the fields it replaced; a loyalty change
    // keeps its points, not its free-text reason. Rows that hold only ids, codes and counts
    // (dismissed suggestions, exports) are left as they are.
    await tx
      .update(auditLog)
      .set({
        data: sql`case
          when ${auditLog.action} in ('customer.merge', 'customer.merge_undo') then
            (${auditLog.data} - 'replaced') || jsonb_build_object('redacted', true, 'replaced',
              coalesce((select jsonb_agg(k) from jsonb_object_keys(case
                when jsonb_typeof(${auditLog.data} -> 'replaced') = 'object' then ${auditLog.data} -> 'replaced'
                else '{}'::jsonb end) k), '[]'::jsonb))
          when ${auditLog.action} like 'loyalty.%' then
            (${auditLog.data} - 'reason') || jsonb_build_object('redacted', true)
          when ${auditLog.action} in ('customer.duplicate_dismiss', 'customer.exported', ${ERASED_ACTION}) then ${auditLog.data}
          else jsonb_build_object('redacted', true, 'fields',
            coalesce((select jsonb_agg(k) from jsonb_object_keys(case
              when jsonb_typeof(${auditLog.data} -> 'after') = 'object' then ${auditLog.data} -> 'after'
              when jsonb_typeof(${auditLog.data}) = 'object' then ${auditLog.data} else '{}'::jsonb end) k), '[]'::jsonb))
          end`,
      })
      .where(and(eq(auditLog.entityType, 'customer'), inArray(auditLog.entityId, person)));
    // A merge of the person into another profile, since undone, is audited on that profile: the
    // values it took from the person go, the field names stay.
    await tx.execute(sql`
      update audit_log set data = data || jsonb_build_object('replaced',
        coalesce((select jsonb_agg(k) from jsonb_object_keys(data -> 'replaced') k), '[]'::jsonb))
      where entity_type = 'customer' and action = 'customer.merge' and data ->> 'mergedId' in (${sql.join(
        person.map((p) => sql`${p}`),
        sql`, `,
      )})
        and jsonb_typeof(data -> 'replaced') = 'object'`);
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
        stockAlerts: alerts.length,
        merges: merges.length,
        mergedProfiles: person.length - 1,
      },
    });
    const at = await erasedAt(tx, id);
    return { customerId: id, erasedAt: at!, alreadyErased: false };
  });
}
