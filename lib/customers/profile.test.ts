import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import {
  auditLog,
  channels,
  customerIdentities,
  customerNotes,
  customers,
  notificationOutbox,
  orderEvents,
  orders,
  pickups,
  stockAlerts,
} from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { decodeCursor } from '@/lib/http/cursor';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { markReady } from '@/lib/pickups/mark-ready';
import { startPicking } from '@/lib/pickups/start-picking';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { addCustomerNote } from './add-customer-note';
import { editCustomerNote } from './edit-customer-note';
import { getCustomerOverview } from './profile';
import { getCustomerProfileForActor } from './queries';
import { listCustomerTimeline, type TimelineItem } from './timeline';
import { updateCustomerContact } from './update-customer-contact';

let handle: DbHandle;
let w: InventoryWorld;
let web: typeof channels.$inferSelect;
let customerId: string;
let pickupOrderId: string;

type Fulfilment =
  | { type: 'pickup'; locationCode: string }
  | { type: 'ship'; address: Record<string, string> }
  | { type: 'in_store'; locationCode: string };

function order(externalId: string, placedAt: string, fulfilment: Fulfilment, cents = 5900) {
  return ZIngestOrderInput.parse({
    externalId,
    placedAt,
    currency: 'EUR',
    customer: { email: 'lea.dubois@example.fr', phone: '06 12 34 56 78', firstName: 'Léa', lastName: 'Dubois' },
    lines: [{ sku: 'PULL-M', quantity: 1, unitPriceCents: cents }],
    fulfilment,
    totals: { subtotalCents: cents, totalCents: cents },
  });
}

const home = { line1: '3 rue des Lilas', postalCode: '75011', city: 'Paris', country: 'FR' };
const office = { line1: '10 quai Saint-Antoine', postalCode: '69002', city: 'Lyon', country: 'FR' };

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 20 });
  [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web shop', kind: 'web' }).returning();
  const db = handle.db;
  const a = await ingestOrder(db, web, order('W-1', '2026-11-01T10:00:00Z', { type: 'ship', address: home }, 4000));
  await ingestOrder(db, web, order('W-2', '2026-11-02T10:00:00Z', { type: 'ship', address: office }, 6000));
  await ingestOrder(db, web, order('W-3', '2026-11-03T10:00:00Z', { type: 'ship', address: home }, 5000));
  await ingestOrder(db, web, order('W-4', '2026-11-04T10:00:00Z', { type: 'pickup', locationCode: 'LYS' }, 3000));
  const p1 = await ingestOrder(
    db,
    web,
    order('W-5', '2026-11-05T10:00:00Z', { type: 'pickup', locationCode: 'PAR' }, 2000),
  );
  const p2 = await ingestOrder(
    db,
    web,
    order('W-6', '2026-11-06T10:00:00Z', { type: 'pickup', locationCode: 'PAR' }, 1000),
  );
  pickupOrderId = p2.order.id;
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(eq(customers.email, 'lea.dubois@example.fr'));
  customerId = row.id;
  // The Paris pickup of W-6 is made ready the way the store does: its message goes to the outbox.
  const [pickup] = await db.select({ id: pickups.id }).from(pickups).where(eq(pickups.orderId, p2.order.id));
  await startPicking(db, w.manager, { pickupId: pickup.id }, new Date('2026-11-06T11:00:00Z'));
  await markReady(db, w.manager, { pickupId: pickup.id }, new Date('2026-11-06T12:00:00Z'));
  // A return of W-1, as returnOrder records it on the order's timeline.
  await db.insert(orderEvents).values({
    orderId: a.order.id,
    type: 'returned',
    data: { units: 1, cents: 4000 },
    createdAt: new Date('2026-11-07T09:00:00Z'),
  });
  expect(p1.created).toBe(true);
});
afterAll(() => handle.close());

describe('the profile read', () => {
  it('gives the stats, the addresses most recent first and the store of most pickups', async () => {
    const profile = await getCustomerProfileForActor(handle.db, w.agent, customerId);
    expect(profile).toMatchObject({ orderCount: 6, lifetimeValueCents: 21000, marketingEmail: false, tags: [] });
    const overview = await getCustomerOverview(handle.db, w.agent, profile);
    expect(overview.firstOrderAt?.toISOString()).toBe('2026-11-01T10:00:00.000Z');
    expect(overview.averageOrderValueCents).toBe(3500);
    expect(overview.addresses.map((a) => [a.line1, a.lastUsedAt.toISOString()])).toEqual([
      [home.line1, '2026-11-03T10:00:00.000Z'],
      [office.line1, '2026-11-02T10:00:00.000Z'],
    ]);
    expect(overview.preferredStore).toMatchObject({ code: 'PAR', orderCount: 2 });
    // W-4 (Lyon) and W-5 (Paris) wait to be picked, W-6 is ready: every one is open, the oldest first.
    expect(overview.openPickups.map((p) => [p.orderNumber.length > 0, p.store.code, p.state])).toEqual([
      [true, 'LYS', 'placed'],
      [true, 'PAR', 'placed'],
      [true, 'PAR', 'ready'],
    ]);
  });

  it('shows a manager the open pickups of their stores only, as the timeline', async () => {
    const profile = await getCustomerProfileForActor(handle.db, w.manager, customerId);
    const paris = await getCustomerOverview(handle.db, w.manager, profile);
    expect(paris.openPickups.map((p) => [p.store.code, p.state])).toEqual([
      ['PAR', 'placed'],
      ['PAR', 'ready'],
    ]);
    const nowhere = await getCustomerOverview(handle.db, { ...w.manager, locationIds: [] }, profile);
    expect(nowhere.openPickups).toEqual([]);
  });

  it('refuses a manager of another store, not the Paris one; NotFound for a malformed or unknown id', async () => {
    await expect(
      getCustomerProfileForActor(handle.db, { ...w.manager, locationIds: [randomUUID()] }, customerId),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getCustomerProfileForActor(handle.db, w.manager, customerId)).resolves.toMatchObject({
      id: customerId,
    });
    await expect(getCustomerProfileForActor(handle.db, w.agent, 'nope')).rejects.toMatchObject({ code: 'not_found' });
    await expect(getCustomerProfileForActor(handle.db, w.agent, randomUUID())).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('the timeline', () => {
  it('tells orders, pickup steps, returns, messages with their status and notes, newest first', async () => {
    await addCustomerNote(handle.db, w.agent, { customerId, body: 'Called about the ready parcel.' });
    const { items, next } = await listCustomerTimeline(handle.db, w.agent, customerId);
    expect(next).toBeNull();
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['order', 'pickup', 'return', 'message', 'note']));
    const times = items.map((i) => i.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const ready = items.find((i): i is Extract<TimelineItem, { kind: 'message' }> => i.kind === 'message');
    expect(ready).toMatchObject({ messageKind: 'pickup.ready', status: 'pending', orderId: pickupOrderId });
    expect(items.find((i) => i.kind === 'pickup')).toMatchObject({ event: 'ready', orderId: pickupOrderId });
    expect(items.find((i) => i.kind === 'return')).toMatchObject({ complete: true, units: 1, cents: 4000 });
    expect(items.filter((i) => i.kind === 'order')).toHaveLength(6);
    expect(items.find((i) => i.kind === 'note')).toMatchObject({ authorId: w.agent.userId, authorName: 'Agent' });
    // A stock alert's message, which names no order, is the customer's too.
    const [alertMessage] = await handle.db
      .insert(notificationOutbox)
      .values({ kind: 'stock.available', channel: 'email', recipient: 'lea.dubois@example.fr' })
      .returning({ id: notificationOutbox.id });
    await handle.db.insert(stockAlerts).values({
      customerId,
      variantId: w.skus[1].id,
      channelId: web.id,
      status: 'notified',
      notifiedAt: new Date(),
      messageId: alertMessage.id,
    });
    await handle.db
      .insert(stockAlerts)
      .values({ customerId, variantId: w.skus[2].id, channelId: web.id, locationId: w.paris });
    const { stockAlerts: alerts } = await getCustomerOverview(handle.db, w.agent, {
      id: customerId,
      orderCount: 0,
      lifetimeValueCents: 0,
    });
    // The waiting wish first, then the one told, with when.
    expect(alerts.map((a) => [a.sku, a.store, a.status])).toEqual([
      ['PULL-L', 'Paris Rivoli', 'waiting'],
      ['PULL-M', null, 'notified'],
    ]);
    expect(alerts[0].endedAt).toBeNull();
    expect(alerts[1].endedAt).toBeInstanceOf(Date);
    const withAlert = await listCustomerTimeline(handle.db, w.agent, customerId);
    expect(withAlert.items.find((i) => i.kind === 'message' && i.orderId === null)).toMatchObject({
      messageKind: 'stock.available',
      status: 'pending',
    });
    // The status is the outbox's own: a message sent later says so.
    await handle.db.update(notificationOutbox).set({ status: 'sent', sentAt: new Date() });
    const again = await listCustomerTimeline(handle.db, w.agent, customerId);
    expect(again.items.find((i) => i.kind === 'message')).toMatchObject({ status: 'sent' });
  });

  it('shows a manager the orders of their stores only, with their steps and messages; notes stay', async () => {
    const mine = await handle.db
      .select({ id: orders.id, number: orders.number })
      .from(orders)
      .where(
        and(
          eq(orders.customerId, customerId),
          sql`(${orders.fulfillingLocationId} = ${w.paris} or exists (select 1 from pickups p where p.order_id = ${orders.id} and p.location_id = ${w.paris}))`,
        ),
      );
    const [lyons] = await handle.db.select({ id: orders.id }).from(orders).where(eq(orders.externalId, 'W-4'));
    const everything = await listCustomerTimeline(handle.db, w.owner, customerId);
    const paris = await listCustomerTimeline(handle.db, w.manager, customerId);
    const orderIds = (items: TimelineItem[]) => new Set(items.flatMap((i) => (i.orderId ? [i.orderId] : [])));
    expect(orderIds(paris.items)).toEqual(new Set(mine.map((o) => o.id)));
    expect(orderIds(paris.items).has(pickupOrderId)).toBe(true);
    expect(orderIds(paris.items).has(lyons.id)).toBe(false);
    expect(orderIds(everything.items).has(lyons.id)).toBe(true);
    // W-6's pickup step and its message are Paris's; notes and the stock alert's message are the customer's.
    expect(
      paris.items
        .filter((i) => i.orderId === pickupOrderId)
        .map((i) => i.kind)
        .sort(),
    ).toEqual(
      everything.items
        .filter((i) => i.orderId === pickupOrderId)
        .map((i) => i.kind)
        .sort(),
    );
    const customerOwn = (items: TimelineItem[]) => items.filter((i) => i.orderId === null).map((i) => i.id);
    expect(customerOwn(paris.items)).toEqual(customerOwn(everything.items));
    // A manager of no store of hers sees no order of hers at all, nor what belongs to one.
    const elsewhere = await listCustomerTimeline(handle.db, { ...w.manager, locationIds: [randomUUID()] }, customerId);
    expect(orderIds(elsewhere.items)).toEqual(new Set());
    expect(elsewhere.items.map((i) => i.kind)).not.toContain('order');
    const nowhere = await listCustomerTimeline(handle.db, { ...w.manager, locationIds: [] }, customerId);
    expect(orderIds(nowhere.items)).toEqual(new Set());
  });

  it('pages 25 at a time without skipping or repeating items a microsecond apart', async () => {
    const [other] = await handle.db.insert(customers).values({ firstName: 'Paul', lastName: 'Page' }).returning();
    // 60 notes a microsecond apart, and three more sharing one microsecond.
    await handle.db.execute(sql`
      insert into customer_notes (customer_id, author_id, body, created_at)
      select ${other.id}, ${w.agent.userId}, 'note ' || n,
             timestamptz '2026-11-10T00:00:00Z' + least(n, 60) * interval '1 microsecond'
      from generate_series(1, 63) n`);
    const seen: string[] = [];
    let after = null;
    const sizes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await listCustomerTimeline(handle.db, w.agent, other.id, { after });
      sizes.push(page.items.length);
      seen.push(...page.items.map((item) => item.id));
      if (!page.next) break;
      after = decodeCursor(page.next);
      expect(after).not.toBeNull();
    }
    expect(sizes).toEqual([25, 25, 13]);
    expect(new Set(seen).size).toBe(63);
  });
});

describe('notes', () => {
  it('lets an agent add a note and edit their own, marked edited', async () => {
    const note = await addCustomerNote(handle.db, w.agent, { customerId, body: '  Prefers e-mail.  ' });
    expect(note).toMatchObject({ body: 'Prefers e-mail.', editedAt: null });
    const same = await editCustomerNote(handle.db, w.agent, { noteId: note.id, body: 'Prefers e-mail.' });
    expect(same.editedAt).toBeNull();
    const edited = await editCustomerNote(handle.db, w.agent, { noteId: note.id, body: 'Prefers SMS.' });
    expect(edited).toMatchObject({ body: 'Prefers SMS.' });
    expect(edited.editedAt).toBeInstanceOf(Date);
  });

  it("refuses editing another's note, a manager, an empty note and a merged profile", async () => {
    const note = await addCustomerNote(handle.db, w.agent, { customerId, body: 'Mine.' });
    await expect(editCustomerNote(handle.db, w.owner, { noteId: note.id, body: 'Theirs.' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(addCustomerNote(handle.db, w.manager, { customerId, body: 'Hello' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(addCustomerNote(handle.db, w.agent, { customerId, body: '   ' })).rejects.toThrow(/note_required/);
    await expect(editCustomerNote(handle.db, w.agent, { noteId: randomUUID(), body: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    });
    const [row] = await handle.db.select().from(customerNotes).where(eq(customerNotes.id, note.id));
    expect(row.body).toBe('Mine.');
    const [merged] = await handle.db
      .insert(customers)
      .values({ firstName: 'Old', mergedIntoId: customerId, mergedAt: new Date() })
      .returning();
    await expect(addCustomerNote(handle.db, w.agent, { customerId: merged.id, body: 'x' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});

describe('editing contact details', () => {
  const base = { marketingEmail: false, marketingSms: false, tags: [] as string[] };

  it('stores normalized values, audits before and after, and records the new identities', async () => {
    const contact = await updateCustomerContact(handle.db, w.agent, {
      ...base,
      customerId,
      firstName: ' Léa ',
      lastName: 'Dubois-Martin',
      email: ' Lea.Martin@Example.fr ',
      phone: '+33 6 99 88 77 66',
      marketingEmail: true,
      tags: 'VIP, b2b, vip',
    });
    expect(contact).toMatchObject({
      firstName: 'Léa',
      lastName: 'Dubois-Martin',
      email: 'lea.martin@example.fr',
      phone: '+33699887766',
      marketingEmail: true,
      marketingSms: false,
      tags: ['b2b', 'vip'],
    });
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'customer.contact'), eq(auditLog.entityId, customerId)));
    expect(audit.actorId).toBe(w.agent.userId);
    expect(audit.data).toEqual({
      before: {
        lastName: 'Dubois',
        email: 'lea.dubois@example.fr',
        phone: '+33612345678',
        marketingEmail: false,
        tags: [],
      },
      after: {
        lastName: 'Dubois-Martin',
        email: 'lea.martin@example.fr',
        phone: '+33699887766',
        marketingEmail: true,
        tags: ['b2b', 'vip'],
      },
    });
    const identities = await handle.db
      .select({ kind: customerIdentities.kind, value: customerIdentities.value })
      .from(customerIdentities)
      .where(eq(customerIdentities.customerId, customerId));
    expect(identities).toEqual(
      expect.arrayContaining([
        { kind: 'email', value: 'lea.martin@example.fr' },
        { kind: 'email', value: 'lea.dubois@example.fr' },
        { kind: 'phone', value: '+33699887766' },
      ]),
    );
    // Saved again unchanged: no second audit row.
    await updateCustomerContact(handle.db, w.agent, { customerId, ...contact });
    const rows = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'customer.contact'));
    expect(rows).toHaveLength(1);
  });

  it("refuses another customer's e-mail or phone, naming the field, and changes nothing", async () => {
    const [other] = await handle.db
      .insert(customers)
      .values({ firstName: 'Zoé', email: 'zoe@example.fr', phone: '+33611111111' })
      .returning();
    await handle.db.insert(customerIdentities).values([
      { customerId: other.id, kind: 'email', value: 'zoe@example.fr' },
      { customerId: other.id, kind: 'phone', value: '+33611111111' },
    ]);
    const input = { ...base, customerId, firstName: 'Léa', lastName: 'Dubois', email: 'ZOE@example.fr', phone: null };
    await expect(updateCustomerContact(handle.db, w.agent, input)).rejects.toMatchObject({
      code: 'conflict',
      details: { field: 'email', fieldError: 'email_taken', customerId: other.id },
    });
    await expect(
      updateCustomerContact(handle.db, w.agent, { ...input, email: null, phone: '06 11 11 11 11' }),
    ).rejects.toMatchObject({ code: 'conflict', details: { field: 'phone', fieldError: 'phone_taken' } });
    const [row] = await handle.db.select().from(customers).where(eq(customers.id, customerId));
    expect(row).toMatchObject({ lastName: 'Dubois-Martin', email: 'lea.martin@example.fr' });
  });

  it('refuses a bad e-mail and a bad phone with an error on each field, and a store manager', async () => {
    const input = { ...base, customerId, firstName: 'Léa', lastName: 'D', email: 'lea@', phone: '12' };
    const error = await updateCustomerContact(handle.db, w.agent, input).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ZodError' });
    const paths = (error as { issues: { path: string[]; message: string }[] }).issues.map((i) => [
      i.path.join('.'),
      i.message,
    ]);
    expect(paths).toEqual(
      expect.arrayContaining([
        ['email', 'email_invalid'],
        ['phone', 'phone_invalid'],
      ]),
    );
    await expect(
      updateCustomerContact(handle.db, w.manager, { ...input, email: null, phone: null }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
