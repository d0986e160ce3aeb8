import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import {
  auditLog,
  channels,
  customerDuplicates,
  customerIdentities,
  customerMerges,
  customerNotes,
  customers,
  loyaltyEntries,
  notificationOutbox,
  orders,
  stockAlerts,
} from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { can } from '@/lib/auth/permissions';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { addCustomerNote } from './add-customer-note';
import { editCustomerNote } from './edit-customer-note';
import { latestUndoableMerge, mergeCustomers, undoMerge } from './merge';
import { ERASED_TEXT, eraseCustomer, erasedAt, exportCustomerData } from './privacy';
import { getCustomerProfileForActor } from './queries';
import { searchCustomers } from './search';
import { updateCustomerContact } from './update-customer-contact';

let handle: DbHandle;
let w: InventoryWorld;
let web: typeof channels.$inferSelect;
let paris: string; // a customer who ordered at Paris (pickup) and had a parcel shipped
let lyon: string; // a customer who only ever ordered at Lyon

function order(
  externalId: string,
  customer: Record<string, string>,
  fulfilment: Record<string, unknown>,
  cents = 5000,
) {
  return ZIngestOrderInput.parse({
    externalId,
    placedAt: new Date().toISOString(),
    currency: 'EUR',
    customer,
    lines: [{ sku: 'PULL-M', quantity: 1, unitPriceCents: cents }],
    fulfilment,
    totals: { subtotalCents: cents, totalCents: cents },
  });
}

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 50 });
  [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web' }).returning();
  const helene = {
    email: 'helene.lefevre@example.fr',
    phone: '+33612345678',
    firstName: 'Hélène',
    lastName: 'Lefèvre',
  };
  const first = await ingestOrder(handle.db, web, order('W-1', helene, { type: 'pickup', locationCode: 'PAR' }));
  await ingestOrder(
    handle.db,
    web,
    order(
      'W-2',
      helene,
      {
        type: 'ship',
        address: {
          name: 'Hélène Lefèvre',
          line1: '12 rue des Lilas',
          postalCode: '75011',
          city: 'Paris',
          country: 'FR',
        },
      },
      7200,
    ),
  );
  const [row] = await handle.db.select().from(orders).where(eq(orders.id, first.order.id));
  paris = row.customerId!;
  const other = await ingestOrder(
    handle.db,
    web,
    order(
      'W-3',
      { email: 'louis.brun@example.fr', firstName: 'Louis', lastName: 'Brun' },
      {
        type: 'pickup',
        locationCode: 'LYS',
      },
    ),
  );
  lyon = (await handle.db.select().from(orders).where(eq(orders.id, other.order.id)))[0].customerId!;
  await handle.db
    .update(customers)
    .set({ tags: ['vip'], marketingEmail: true })
    .where(eq(customers.id, paris));
  await handle.db.insert(customerNotes).values({
    customerId: paris,
    authorId: w.agent.userId,
    body: 'Hélène prefers a call after 6pm on 06 12 34 56 78',
  });
  await handle.db
    .insert(loyaltyEntries)
    .values({ customerId: paris, points: 50, kind: 'adjust', reason: 'Goodwill for Hélène', actorId: w.agent.userId });
  await handle.db.insert(notificationOutbox).values({
    kind: 'pickup.ready',
    channel: 'email',
    recipient: 'helene.lefevre@example.fr',
    orderId: first.order.id,
    payload: { firstName: 'Hélène', orderNumber: 'CMP-1', store: { name: 'Paris' } },
    subject: 'Hélène, your order is ready',
    bodyText: 'Hello Hélène',
  });
});
afterAll(() => handle?.close());

describe('exportCustomerData', () => {
  it('gives an agent the profile, identities, orders with lines and totals, messages and notes as JSON, audited', async () => {
    const data = await exportCustomerData(handle.db, w.agent, paris);
    const json = JSON.parse(JSON.stringify(data)) as typeof data;
    expect(json).toMatchObject({ format: 'comptoir.customer-export', version: 1, erasedAt: null });
    expect(json.customer).toMatchObject({ id: paris, firstName: 'Hélène', email: 'helene.lefevre@example.fr' });
    expect(json.identities.map((i) => i.kind).sort()).toEqual(['email', 'phone']);
    expect(json.orders).toHaveLength(2);
    expect(json.orders.map((o) => o.totalCents).sort()).toEqual([5000, 7200]);
    expect(json.orders.every((o) => o.lines.length === 1)).toBe(true);
    expect(json.orders.filter((o) => o.pickup)).toHaveLength(1);
    expect(json.messages.map((m) => m.subject)).toEqual(['Hélène, your order is ready']);
    expect(json.notes.map((n) => n.body)).toEqual(['Hélène prefers a call after 6pm on 06 12 34 56 78']);
    expect(json.loyalty.balance).toBe(50);
    expect(json.loyalty.entries.map((e) => [e.kind, e.points, e.reason])).toEqual([
      ['adjust', 50, 'Goodwill for Hélène'],
    ]);
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, paris), eq(auditLog.action, 'customer.exported')));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0].data)).not.toContain('helene');
  });

  it('refuses a manager, and answers NotFound for an unknown or malformed id', async () => {
    await expect(exportCustomerData(handle.db, w.manager, paris)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(exportCustomerData(handle.db, w.owner, crypto.randomUUID())).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(exportCustomerData(handle.db, w.owner, 'nope')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('a manager reads only the customers of their stores', () => {
  it('the Paris manager opens and finds a Paris customer, not a Lyon one, and cannot edit, merge, export or erase', async () => {
    await expect(getCustomerProfileForActor(handle.db, w.manager, paris)).resolves.toMatchObject({ id: paris });
    await expect(getCustomerProfileForActor(handle.db, w.manager, lyon)).rejects.toMatchObject({ code: 'forbidden' });
    const scope = { locationIds: w.manager.locationIds };
    expect((await searchCustomers(handle.db, 'lefevre', scope)).map((r) => r.id)).toEqual([paris]);
    expect(await searchCustomers(handle.db, 'louis.brun@example.fr', scope)).toEqual([]);
    for (const right of ['customers.edit', 'customers.merge', 'customers.export', 'customers.erase'] as const)
      expect(can(w.manager, right), right).toBe(false);
    expect(can(w.agent, 'customers.erase')).toBe(false);
    expect(can(w.owner, 'customers.erase')).toBe(true);
  });
});

describe('eraseCustomer', () => {
  it('refuses an agent and a manager, and a wrong confirmation, changing nothing', async () => {
    for (const actor of [w.agent, w.manager])
      await expect(eraseCustomer(handle.db, actor, { customerId: paris, confirmation: 'ERASE' })).rejects.toMatchObject(
        { code: 'forbidden' },
      );
    for (const confirmation of ['erase', 'ERASE IT', 'louis.brun@example.fr'])
      await expect(eraseCustomer(handle.db, w.owner, { customerId: paris, confirmation })).rejects.toMatchObject({
        code: 'validation_failed',
        details: { fields: { confirmation: ['mismatch'] } },
      });
    await expect(eraseCustomer(handle.db, w.owner, { customerId: paris, confirmation: ' ' })).rejects.toMatchObject({
      name: 'ZodError',
    });
    expect(await erasedAt(handle.db, paris)).toBeNull();
    const [row] = await handle.db.select().from(customers).where(eq(customers.id, paris));
    expect(row.email).toBe('helene.lefevre@example.fr');
  });

  it('anonymizes the customer once the owner types the e-mail, keeping orders and totals; again changes nothing', async () => {
    const result = await eraseCustomer(handle.db, w.owner, {
      customerId: paris,
      confirmation: 'Helene.Lefevre@example.fr',
    });
    expect(result.alreadyErased).toBe(false);

    const [row] = await handle.db.select().from(customers).where(eq(customers.id, paris));
    expect(row).toMatchObject({ firstName: '', lastName: '', email: null, phone: null, tags: [], orderCount: 2 });
    expect(row).toMatchObject({ marketingEmail: false, marketingSms: false });
    expect(row.lifetimeValueCents).toBe(12200);
    expect(await handle.db.select().from(customerIdentities).where(eq(customerIdentities.customerId, paris))).toEqual(
      [],
    );
    const notes = await handle.db.select().from(customerNotes).where(eq(customerNotes.customerId, paris));
    expect(notes.map((n) => n.body)).toEqual([ERASED_TEXT]);
    expect(notes[0].authorId).toBe(w.agent.userId);

    const kept = await handle.db.select().from(orders).where(eq(orders.customerId, paris));
    expect(kept.map((o) => o.totalCents).sort()).toEqual([5000, 7200]);
    const shipped = kept.find((o) => o.fulfilmentType === 'ship')!;
    expect(shipped.shippingAddress).toEqual({ line1: '', city: '', country: 'FR', postalCode: '75' });

    const [message] = await handle.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.recipient, 'erased'));
    expect(message).toMatchObject({ subject: null, bodyText: null, status: 'failed', lastError: 'customer erased' });
    expect(message.payload).toEqual({ orderNumber: 'CMP-1', store: { name: 'Paris' } });

    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, paris));
    const erased = audits.find((a) => a.action === 'customer.erased')!;
    expect(erased.actorId).toBe(w.owner.userId);
    expect(erased.data).toEqual({
      orders: 2,
      identities: 2,
      notes: 1,
      messages: 1,
      stockAlerts: 0,
      merges: 0,
      mergedProfiles: 0,
    });
    expect(JSON.stringify(audits)).not.toMatch(/helene|Hélène|612345678|Lilas/i);

    // Nobody finds her by what she was; the export says what is left.
    expect(await searchCustomers(handle.db, 'helene.lefevre@example.fr')).toEqual([]);
    expect(await searchCustomers(handle.db, '06 12 34 56 78')).toEqual([]);
    const data = await exportCustomerData(handle.db, w.owner, paris);
    expect(data.erasedAt).toBe(result.erasedAt.toISOString());
    expect(JSON.stringify(data)).not.toMatch(/helene|Hélène|612345678|Lilas/i);
    expect(data.orders).toHaveLength(2);
    expect(data.loyalty.balance).toBe(50);
    expect(data.loyalty.entries.map((e) => e.reason)).toEqual([ERASED_TEXT]);

    const again = await eraseCustomer(handle.db, w.owner, { customerId: paris, confirmation: 'EFFACER' });
    expect(again).toEqual({ customerId: paris, erasedAt: result.erasedAt, alreadyErased: true });
    expect(
      await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, paris), eq(auditLog.action, 'customer.erased'))),
    ).toHaveLength(1);

    // Her personal data is not entered again: contact details, a new note, her note's old text.
    const erasedConflict = { code: 'conflict', details: { reason: 'erased' } };
    await expect(
      updateCustomerContact(handle.db, w.agent, {
        customerId: paris,
        firstName: 'Hélène',
        lastName: 'Lefèvre',
        email: 'helene.lefevre@example.fr',
        phone: '',
        marketingEmail: false,
        marketingSms: false,
        tags: [],
      }),
    ).rejects.toMatchObject(erasedConflict);
    await expect(
      addCustomerNote(handle.db, w.agent, { customerId: paris, body: 'Hélène called back' }),
    ).rejects.toMatchObject(erasedConflict);
    await expect(
      editCustomerNote(handle.db, w.agent, { noteId: notes[0].id, body: 'Hélène, 06 12 34 56 78' }),
    ).rejects.toMatchObject(erasedConflict);
    const [still] = await handle.db.select().from(customers).where(eq(customers.id, paris));
    expect(still).toMatchObject({ firstName: '', email: null });
  });

  it('accepts EFFACER, and answers NotFound for an unknown customer', async () => {
    await expect(
      eraseCustomer(handle.db, w.owner, { customerId: crypto.randomUUID(), confirmation: 'ERASE' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const result = await eraseCustomer(handle.db, w.owner, { customerId: lyon, confirmation: 'EFFACER' });
    expect(result.alreadyErased).toBe(false);
  });
});

describe('eraseCustomer, on a person with merged profiles, stock alerts and a merge journal', () => {
  const MARGAUX = /margaux|dupon[dt]|0699887766|699887766/i;
  let survivor: string; // Margaux as the web shop knows her now
  let older: string; // her older profile, merged into the survivor
  let zoe: string; // someone else, whose undone merge with the older profile took its e-mail for a while
  let mergeIntoSurvivor: string;
  let undoneMerge: string;

  beforeAll(async () => {
    const customerOf = async (externalId: string, customer: Record<string, string>) => {
      const { order: o } = await ingestOrder(
        handle.db,
        web,
        order(externalId, customer, { type: 'pickup', locationCode: 'PAR' }, 3100),
      );
      return (await handle.db.select().from(orders).where(eq(orders.id, o.id)))[0].customerId!;
    };
    survivor = await customerOf('M-1', { email: 'margaux@example.fr', firstName: 'Margaux', lastName: 'Dupond' });
    older = await customerOf('M-2', {
      email: 'margaux.old@example.fr',
      phone: '+33699887766',
      firstName: 'Margaux',
      lastName: 'Dupont',
    });
    zoe = await customerOf('Z-1', { email: 'zoe.martin@example.fr', firstName: 'Zoé', lastName: 'Martin' });

    // Merged into Zoé by mistake, taking its e-mail, then undone: Zoé's journal and audit held Margaux's e-mail.
    undoneMerge = (
      await mergeCustomers(handle.db, w.agent, { survivorId: zoe, mergedId: older, fields: { email: 'merged' } })
    ).mergeId;
    await undoMerge(handle.db, w.agent, { mergeId: undoneMerge });
    mergeIntoSurvivor = (
      await mergeCustomers(handle.db, w.agent, { survivorId: survivor, mergedId: older, fields: { phone: 'merged' } })
    ).mergeId;
    await handle.db.insert(customerDuplicates).values({
      customerId: survivor < zoe ? survivor : zoe,
      otherCustomerId: survivor < zoe ? zoe : survivor,
      score: 40,
      reasons: ['name_city'],
    });

    // A wish still waiting, and one told (to an address that is no identity of hers any more: only the alert links it).
    const [small, medium] = w.skus;
    await handle.db.insert(stockAlerts).values({
      customerId: survivor,
      variantId: small.id,
      locationId: w.paris,
      channelId: web.id,
      productUrl: 'https://shop.example.fr/pull-marin?ref=margaux%40example.fr',
    });
    const [told] = await handle.db
      .insert(stockAlerts)
      .values({
        customerId: older,
        variantId: medium.id,
        channelId: web.id,
        productUrl: 'https://shop.example.fr/pull-marin-m?ref=margaux.old',
      })
      .returning();
    const [message] = await handle.db
      .insert(notificationOutbox)
      .values({
        kind: 'stock.available',
        channel: 'email',
        recipient: 'm.dupont@old-mail.example',
        payload: {
          alertId: told.id,
          firstName: 'Margaux',
          product: 'Pull marin',
          sku: 'PULL-M',
          productUrl: told.productUrl,
        },
        status: 'kept',
        subject: 'Margaux, Pull marin M is available',
        bodyText: 'Hello Margaux',
      })
      .returning();
    await handle.db
      .update(stockAlerts)
      .set({ status: 'notified', notifiedAt: new Date(), messageId: message.id })
      .where(eq(stockAlerts.id, told.id));
  });

  it('empties the merged profiles, the alerts and their messages, the journal and the audit, keeping orders and the SKU demand', async () => {
    expect(await latestUndoableMerge(handle.db, survivor)).toMatchObject({ id: mergeIntoSurvivor });
    await eraseCustomer(handle.db, w.owner, { customerId: survivor, confirmation: 'ERASE' });

    const profiles = await handle.db
      .select()
      .from(customers)
      .where(inArray(customers.id, [survivor, older]));
    for (const p of profiles)
      expect(p).toMatchObject({ firstName: '', lastName: '', email: null, phone: null, tags: [] });
    expect(profiles.find((p) => p.id === older)!.mergedIntoId).toBe(survivor);
    const kept = await handle.db.select().from(orders).where(eq(orders.customerId, survivor));
    expect(kept.map((o) => o.totalCents)).toEqual([3100, 3100]);

    const alerts = await handle.db
      .select()
      .from(stockAlerts)
      .where(inArray(stockAlerts.customerId, [survivor, older]));
    expect(alerts.map((a) => [a.status, a.productUrl, a.locationId]).sort()).toEqual([
      ['cancelled', null, w.paris],
      ['notified', null, null],
    ]);
    expect(alerts.every((a) => a.status !== 'cancelled' || a.cancelledAt)).toBe(true);
    const told = alerts.find((a) => a.status === 'notified')!;
    const [message] = await handle.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.id, told.messageId!));
    expect(message).toMatchObject({ recipient: 'erased', subject: null, bodyText: null, status: 'kept' });
    expect(message.payload).toEqual({ alertId: told.id, product: 'Pull marin', sku: 'PULL-M' });

    // The journal and the audit keep what happened (ids, counts, which fields), not who.
    const journals = await handle.db
      .select()
      .from(customerMerges)
      .where(inArray(customerMerges.id, [mergeIntoSurvivor, undoneMerge]));
    expect(journals).toHaveLength(2);
    expect(JSON.stringify(journals)).not.toMatch(MARGAUX);
    const undone = journals.find((j) => j.id === undoneMerge)!;
    expect(undone.before).toMatchObject({ survivor: { email: 'zoe.martin@example.fr', firstName: 'Zoé' } });
    expect(undone.after).toMatchObject({ email: null, firstName: '' });
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.entityType, 'customer'));
    expect(JSON.stringify(audits)).not.toMatch(MARGAUX);
    const zoeMerge = audits.find((a) => a.entityId === zoe && a.action === 'customer.merge')!;
    expect(zoeMerge.data).toMatchObject({ mergeId: undoneMerge, mergedId: older, replaced: ['email'] });
    // Her own profile's merge keeps what the journal needs to be found (its id, who, counts), not her values.
    const ownMerge = audits.find((a) => a.entityId === survivor && a.action === 'customer.merge')!;
    expect(ownMerge.data).toMatchObject({
      mergeId: mergeIntoSurvivor,
      survivorId: survivor,
      mergedId: older,
      replaced: ['phone'],
      redacted: true,
    });
    const erased = audits.find((a) => a.entityId === survivor && a.action === 'customer.erased')!;
    expect(erased.data).toMatchObject({ orders: 2, stockAlerts: 2, merges: 2, mergedProfiles: 1, messages: 1 });

    // Nothing of hers in the rest of the database either: every outbox row and the export.
    expect(JSON.stringify(await handle.db.select().from(notificationOutbox))).not.toMatch(MARGAUX);
    const data = await exportCustomerData(handle.db, w.owner, survivor);
    expect(data.stockAlerts).toHaveLength(1);
    expect(data.mergedProfiles.map((p) => p.id)).toEqual([older]);
    expect(JSON.stringify(data)).not.toMatch(MARGAUX);

    // Zoé is someone else: untouched, and no longer offered as Margaux's duplicate.
    const [z] = await handle.db.select().from(customers).where(eq(customers.id, zoe));
    expect(z).toMatchObject({ firstName: 'Zoé', email: 'zoe.martin@example.fr' });
    const suggestions = await handle.db
      .select()
      .from(customerDuplicates)
      .where(
        sql`${customerDuplicates.customerId} = least(${survivor}::uuid, ${zoe}::uuid)
          and ${customerDuplicates.otherCustomerId} = greatest(${survivor}::uuid, ${zoe}::uuid)`,
      );
    expect(suggestions.map((d) => [d.status, d.decidedById])).toEqual([['dismissed', w.owner.userId]]);
  });

  it('refuses to undo a merge into an erased customer, or to merge one, and offers no undo', async () => {
    expect(await latestUndoableMerge(handle.db, survivor)).toBeNull();
    await expect(undoMerge(handle.db, w.agent, { mergeId: mergeIntoSurvivor })).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'erased' },
    });
    for (const [survivorId, mergedId] of [
      [zoe, survivor],
      [survivor, zoe],
    ])
      await expect(mergeCustomers(handle.db, w.agent, { survivorId, mergedId })).rejects.toMatchObject({
        code: 'conflict',
        details: { reason: 'erased', customerId: survivor },
      });
    const [older_] = await handle.db.select().from(customers).where(eq(customers.id, older));
    expect(older_.mergedIntoId).toBe(survivor);
  });
});
