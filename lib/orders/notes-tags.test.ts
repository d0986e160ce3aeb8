import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, orderNotes, orderTags } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { addWebChannel, placePickupOrder, type Channel } from '@/lib/testing/orders';
import { addOrderNote } from './add-order-note';
import { addOrderTag } from './add-order-tag';
import { editOrderNote } from './edit-order-note';
import { getOrderForActor } from './queries';
import { removeOrderTag } from './remove-order-tag';

// Internal notes (author and time; authors edit their own) and tags on an order: audited, in one
// transaction, refused to a manager of another store and to anyone else's note.

let handle: DbHandle;
let w: InventoryWorld;
let web: Channel;
let paris: string;
let lyon: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 20 });
  web = await addWebChannel(handle.db);
  paris = (await placePickupOrder(handle.db, web, { store: 'PAR' })).orderId;
  lyon = (await placePickupOrder(handle.db, web, { store: 'LYS' })).orderId;
});
afterAll(() => handle.close());

const auditOf = (orderId: string) =>
  handle.db
    .select({ action: auditLog.action, actorId: auditLog.actorId, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'order'), eq(auditLog.entityId, orderId)))
    .orderBy(auditLog.id);

describe('notes', () => {
  it('a note is signed and timed, shown on the order, and audited', async () => {
    const note = await addOrderNote(handle.db, w.agent, {
      orderId: paris,
      body: '  Customer called: leave at the desk  ',
    });
    expect(note.body).toBe('Customer called: leave at the desk');
    expect(note.editedAt).toBeNull();
    const order = await getOrderForActor(handle.db, w.owner, paris);
    expect(order.notes).toEqual([
      expect.objectContaining({ id: note.id, authorId: w.agent.userId, authorName: 'Agent', editedAt: null }),
    ]);
    expect(await auditOf(paris)).toEqual([
      { action: 'order.note_add', actorId: w.agent.userId, data: { noteId: note.id, body: note.body } },
    ]);
  });

  it('its author edits it (stamped, audited with the text before); the same text changes nothing', async () => {
    const note = await addOrderNote(handle.db, w.manager, { orderId: paris, body: 'Gift wrap' });
    const same = await editOrderNote(handle.db, w.manager, { noteId: note.id, body: 'Gift wrap' });
    expect(same.editedAt).toBeNull();
    const edited = await editOrderNote(handle.db, w.manager, { noteId: note.id, body: 'Gift wrap, blue paper' });
    expect(edited.body).toBe('Gift wrap, blue paper');
    expect(edited.editedAt).toBeInstanceOf(Date);
    const audit = await auditOf(paris);
    expect(audit.at(-1)).toEqual({
      action: 'order.note_edit',
      actorId: w.manager.userId,
      data: { noteId: note.id, before: 'Gift wrap', after: 'Gift wrap, blue paper' },
    });
    expect(audit.filter((a) => a.action === 'order.note_edit')).toHaveLength(1);
  });

  it("no one edits another's note, not even the owner", async () => {
    const note = await addOrderNote(handle.db, w.agent, { orderId: paris, body: 'Fragile' });
    await expect(editOrderNote(handle.db, w.owner, { noteId: note.id, body: 'x' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const [row] = await handle.db.select().from(orderNotes).where(eq(orderNotes.id, note.id));
    expect(row.body).toBe('Fragile');
  });

  it("a manager writes on their store's orders only; an empty note is refused", async () => {
    const before = (await auditOf(lyon)).length;
    await expect(addOrderNote(handle.db, w.manager, { orderId: lyon, body: 'Not mine' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(addOrderNote(handle.db, w.agent, { orderId: lyon, body: '   ' })).rejects.toThrow();
    expect(await handle.db.select().from(orderNotes).where(eq(orderNotes.orderId, lyon))).toEqual([]);
    expect((await auditOf(lyon)).length).toBe(before);
  });

  it('a manager who wrote a note on an order no longer theirs cannot edit it', async () => {
    const note = await addOrderNote(handle.db, w.owner, { orderId: lyon, body: 'Owner note' });
    const exManager = { ...w.manager, userId: w.owner.userId, role: 'manager' as const };
    await expect(editOrderNote(handle.db, exManager, { noteId: note.id, body: 'changed' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('tags', () => {
  it('adds a tag once, normalised, and removes it; each change audited', async () => {
    expect(await addOrderTag(handle.db, w.agent, { orderId: paris, tag: '  Gift   Wrap ' })).toEqual({
      tag: 'gift wrap',
      added: true,
    });
    expect(await addOrderTag(handle.db, w.owner, { orderId: paris, tag: 'gift wrap' })).toEqual({
      tag: 'gift wrap',
      added: false,
    });
    expect((await getOrderForActor(handle.db, w.owner, paris)).tags).toEqual(['gift wrap']);
    expect(await removeOrderTag(handle.db, w.manager, { orderId: paris, tag: 'Gift wrap' })).toEqual({
      tag: 'gift wrap',
      removed: true,
    });
    expect(await removeOrderTag(handle.db, w.manager, { orderId: paris, tag: 'gift wrap' })).toEqual({
      tag: 'gift wrap',
      removed: false,
    });
    const tagAudit = (await auditOf(paris)).filter((a) => a.action.startsWith('order.tag'));
    expect(tagAudit.map((a) => [a.action, a.data])).toEqual([
      ['order.tag_add', { tag: 'gift wrap' }],
      ['order.tag_remove', { tag: 'gift wrap' }],
    ]);
  });

  it("a manager cannot tag another store's order, and a tag is 1 to 40 characters", async () => {
    await expect(addOrderTag(handle.db, w.manager, { orderId: lyon, tag: 'vip' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await addOrderTag(handle.db, w.owner, { orderId: lyon, tag: 'vip' });
    await expect(removeOrderTag(handle.db, w.manager, { orderId: lyon, tag: 'vip' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(addOrderTag(handle.db, w.owner, { orderId: lyon, tag: ' ' })).rejects.toThrow();
    await expect(addOrderTag(handle.db, w.owner, { orderId: lyon, tag: 'x'.repeat(41) })).rejects.toThrow();
    expect(
      (await handle.db.select({ tag: orderTags.tag }).from(orderTags).where(eq(orderTags.orderId, lyon))).map(
        (t) => t.tag,
      ),
    ).toEqual(['vip']);
  });
});
