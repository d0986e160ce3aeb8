import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import {
  channels,
  inventoryMovements,
  notificationOutbox,
  orderEvents,
  orderLines,
  orders,
  pickups,
  reservations,
} from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { findDrift } from '@/lib/inventory/invariants';
import { readKpiTotals } from '@/lib/kpis/read';
import { unitsTaken } from '@/lib/orders/handed-over';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { findOrderDetail } from '@/lib/orders/queries';
import { returnOrder } from '@/lib/orders/return-order';
import { returnableUnits } from '@/lib/orders/returnable';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { SEED_INVARIANTS } from '@/lib/seed/invariants';
import { level, makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { collectPickup } from './collect-pickup';
import { markReady } from './mark-ready';
import { startPicking } from './start-picking';
import {
  nextPickupState,
  pickupEventAlreadyApplied,
  PICKUP_EVENTS,
  PICKUP_STATES,
  type PickupState,
} from './state-machine';
import { IllegalPickupTransition, PICKUP_TIMELINE_TYPE, transitionPickup } from './transition';

let handle: DbHandle;
let w: InventoryWorld;
let web: typeof channels.$inferSelect;
let n = 0;
const AT = new Date('2026-11-21T16:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 100 });
  [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web' }).returning();
});
afterAll(() => handle.close());

/** A pickup order through the channel API, as a web shop sends it; returns its order and pickup ids. */
async function placePickup(store = 'PAR', quantities: number[] = [2]) {
  n += 1;
  const sizes = ['PULL-S', 'PULL-M', 'PULL-L'];
  const r = await ingestOrder(
    handle.db,
    web,
    ZIngestOrderInput.parse({
      externalId: `P-${n}`,
      placedAt: '2026-11-21T15:00:00Z',
      currency: 'EUR',
      customer: { email: `claire${n}@example.fr`, firstName: 'Claire' },
      lines: quantities.map((quantity, i) => ({ sku: sizes[i], quantity, unitPriceCents: 5000 })),
      fulfilment: { type: 'pickup', locationCode: store },
      totals: { subtotalCents: 5000 * sum(quantities), totalCents: 5000 * sum(quantities) },
    }),
  );
  const [p] = await handle.db.select().from(pickups).where(eq(pickups.orderId, r.order.id));
  return { orderId: r.order.id, pickupId: p.id };
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

async function pickupOf(pickupId: string) {
  return (await handle.db.select().from(pickups).where(eq(pickups.id, pickupId)))[0];
}

async function timelineOf(orderId: string) {
  return handle.db
    .select({ type: orderEvents.type, actorId: orderEvents.actorId, data: orderEvents.data })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(asc(orderEvents.id));
}

describe('the pickup state machine', () => {
  it('walks every (state, event) pair: the table’s move, a harmless retry, or a refusal that says why', async () => {
    const { orderId, pickupId } = await placePickup();
    const seen: string[] = [];
    for (const state of PICKUP_STATES) {
      for (const event of PICKUP_EVENTS) {
        await forceState(pickupId, state);
        const eventsBefore = (await timelineOf(orderId)).length;
        const expected = nextPickupState(state, event);
        const run = () =>
          handle.db.transaction((tx) =>
            transitionPickup(tx, {
              pickupId,
              event,
              actorId: w.owner.userId,
              at: AT,
              // What markReady gives the event; the table's checks refuse a ready parcel without them.
              set: event === 'mark_ready' ? { code: '654321', dueBy: new Date(AT.getTime() + 86_400_000) } : undefined,
            }),
          );
        if (expected) {
          const r = await run();
          expect(r, `${state} --${event}-->`).toMatchObject({ changed: true, pickup: { state: expected } });
          const timeline = await timelineOf(orderId);
          expect(timeline).toHaveLength(eventsBefore + 1);
          expect(timeline.at(-1)).toMatchObject({ type: PICKUP_TIMELINE_TYPE[event], actorId: w.owner.userId });
          seen.push(`${state}:${event}:${expected}`);
        } else if (pickupEventAlreadyApplied(state, event)) {
          const r = await run();
          expect(r, `${state} --${event}--> (retry)`).toMatchObject({ changed: false, pickup: { state } });
          expect(await timelineOf(orderId)).toHaveLength(eventsBefore);
          seen.push(`${state}:${event}:retry`);
        } else {
          const error = await run().then(
            () => null,
            (e: unknown) => e,
          );
          expect(error, `${state} --${event}--> refused`).toBeInstanceOf(IllegalPickupTransition);
          expect((error as IllegalPickupTransition).details).toEqual({ state, event });
          expect((error as Error).message).toMatch(/^This pickup is .+: you cannot .+\.$/);
          expect((await pickupOf(pickupId)).state).toBe(state);
          expect(await timelineOf(orderId)).toHaveLength(eventsBefore);
          seen.push(`${state}:${event}:refused`);
        }
      }
    }
    expect(seen).toHaveLength(PICKUP_STATES.length * PICKUP_EVENTS.length);
    await forceState(pickupId, 'placed'); // its stock is still held: leave it open for the invariants
    // The happy path and the ends, spelled out, so a change of the table is a change of this test.
    expect(seen).toEqual(
      expect.arrayContaining([
        'placed:start_picking:to_pick',
        'to_pick:mark_ready:ready',
        'ready:collect:collected',
        'ready:expire:expired',
        'to_pick:await_transfer:awaiting_transfer',
        'awaiting_transfer:transfer_received:to_pick',
        'collected:collect:retry',
        'collected:cancel:refused',
        'expired:collect:refused',
        'cancelled:mark_ready:refused',
        'rejected:start_picking:refused',
      ]),
    );
  });

  /** Puts the pickup in a state directly (the test's set-up, not a transition), with what the state's checks need. */
  async function forceState(pickupId: string, state: PickupState) {
    const onShelf = state === 'ready' || state === 'collected';
    await handle.db
      .update(pickups)
      .set({
        state,
        code: onShelf ? '123456' : null,
        readyAt: onShelf ? AT : null,
        dueBy: onShelf ? new Date(AT.getTime() + 7 * 86_400_000) : null,
      })
      .where(eq(pickups.id, pickupId));
  }
});

describe('a pickup from order to hand-over', () => {
  it('is picked, made ready with a code, a hold and a message, and collected with that code', async () => {
    const s0 = await level(handle.db, w.skus[0].id, w.paris);
    const m0 = await level(handle.db, w.skus[1].id, w.paris);
    const { orderId, pickupId } = await placePickup('PAR', [2, 1]);
    await startPicking(handle.db, w.manager, { pickupId }, AT);
    await startPicking(handle.db, w.manager, { pickupId }, AT); // a double tap

    const readyAt = new Date(AT.getTime() + 3_600_000);
    const ready = await markReady(handle.db, w.manager, { pickupId }, readyAt);
    expect(ready.changed).toBe(true);
    expect(ready.pickup.code).toMatch(/^[0-9]{6}$/);
    expect(ready.pickup.dueBy).toEqual(new Date(readyAt.getTime() + 7 * 86_400_000));
    expect(ready.pickup).toMatchObject({ readyById: w.manager.userId, pickingStartedById: w.manager.userId });
    const again = await markReady(handle.db, w.manager, { pickupId }, new Date(readyAt.getTime() + 60_000));
    expect(again).toMatchObject({ changed: false, pickup: { code: ready.pickup.code, readyAt } });

    const messages = await handle.db.select().from(notificationOutbox).where(eq(notificationOutbox.orderId, orderId));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: 'pickup.ready', channel: 'email', status: 'pending' });
    expect(messages[0].payload).toMatchObject({
      code: ready.pickup.code,
      firstName: 'Claire',
      holdEndsAt: ready.pickup.dueBy!.toISOString(),
      store: { code: 'PAR', name: 'Paris Rivoli' },
    });
    expect(await readKpiTotals(handle.db, {})).toMatchObject({ pickupsReady: 1, pickupLeadSeconds: 7200 });

    await expect(collectPickup(handle.db, w.manager, { pickupId, code: '000000' }, readyAt)).rejects.toMatchObject({
      code: 'unprocessable',
      details: { reason: 'wrong_code' },
    });
    const spoken = `${ready.pickup.code!.slice(0, 3)} ${ready.pickup.code!.slice(3)}`;
    const collected = await collectPickup(handle.db, w.manager, { pickupId, code: spoken }, readyAt);
    expect(collected.pickup).toMatchObject({
      state: 'collected',
      collectedById: w.manager.userId,
      collectedByName: null,
    });
    expect(collected.handedOver).toEqual([
      { sku: 'PULL-S', quantity: 2, of: 2 },
      { sku: 'PULL-M', quantity: 1, of: 1 },
    ]);
    expect(await level(handle.db, w.skus[0].id, w.paris)).toEqual({ onHand: s0.onHand - 2, reserved: s0.reserved });
    expect(await level(handle.db, w.skus[1].id, w.paris)).toEqual({ onHand: m0.onHand - 1, reserved: m0.reserved });
    const ledger = await handle.db
      .select({ reason: inventoryMovements.reason, dOnHand: inventoryMovements.deltaOnHand })
      .from(inventoryMovements)
      .where(and(eq(inventoryMovements.referenceId, orderId), eq(inventoryMovements.reason, 'pickup')));
    expect(ledger.map((l) => l.dOnHand).sort()).toEqual([-1, -2]);
    const held = await handle.db.select().from(reservations).where(eq(reservations.orderId, orderId));
    expect(held.map((r) => r.status)).toEqual(['consumed', 'consumed']);
    expect((await handle.db.select().from(orders).where(eq(orders.id, orderId)))[0].status).toBe('completed');
    expect((await timelineOf(orderId)).map((e) => e.type)).toEqual(
      expect.arrayContaining(['placed', 'to_pick', 'ready', 'collected']),
    );
    expect(await readKpiTotals(handle.db, {})).toMatchObject({ pickupsCollected: 1 });

    // A colleague scanning the same parcel a moment later is told who handed it over.
    await expect(collectPickup(handle.db, w.owner, { pickupId, code: ready.pickup.code! })).rejects.toMatchObject({
      code: 'conflict',
      message: 'Already handed over by Manager.',
      details: { reason: 'already_collected', collectedBy: 'Manager' },
    });
    await expectConsistent();
  });

  it('hands over part of an order: the rest goes back to available stock', async () => {
    const { orderId, pickupId } = await placePickup('PAR', [2]);
    const { pickup } = await markReady(handle.db, w.owner, { pickupId }, AT);
    const [line] = await handle.db.select().from(orderLines).where(eq(orderLines.orderId, orderId));
    const before = await level(handle.db, w.skus[0].id, w.paris);
    const r = await collectPickup(handle.db, w.owner, {
      pickupId,
      code: pickup.code!,
      collectedByName: 'Marc Dupuis',
      lines: [{ orderLineId: line.id, quantity: 1 }],
    });
    expect(r.handedOver).toEqual([{ sku: 'PULL-S', quantity: 1, of: 2 }]);
    expect(r.pickup.collectedByName).toBe('Marc Dupuis');
    expect(await level(handle.db, w.skus[0].id, w.paris)).toEqual({
      onHand: before.onHand - 1,
      reserved: before.reserved - 2,
    });
    const timeline = await timelineOf(orderId);
    expect(timeline.find((e) => e.type === 'collected')).toMatchObject({
      data: { collectedBy: 'Marc Dupuis', lines: r.handedOver },
    });
    // The unit left behind is refunded (collect-partial.test says how much and where it counts).
    expect(timeline.slice(-2).map((e) => e.type)).toEqual(['left_at_counter', 'refund_due']);
    expect(r.refundCents).toBe(5000);
    await expectConsistent();
  });

  it('after a partial hand-over, offers back on the order page only the units taken and not yet returned', async () => {
    const { orderId, pickupId } = await placePickup('PAR', [2, 1]);
    const { pickup } = await markReady(handle.db, w.owner, { pickupId }, AT);
    const lines = await handle.db
      .select()
      .from(orderLines)
      .where(eq(orderLines.orderId, orderId))
      .orderBy(asc(orderLines.lineNo));
    const taken = async () =>
      (await findOrderDetail(handle.db, orderId))!.lines.map((l) => ({
        sku: l.sku,
        quantity: l.quantity,
        quantityTaken: l.quantityTaken,
        returnable: returnableUnits(l),
      }));
    // Before the hand-over every unit is the customer's (a return needs a completed order anyway).
    expect((await taken()).map((l) => l.quantityTaken)).toEqual([2, 1]);
    await collectPickup(handle.db, w.owner, {
      pickupId,
      code: pickup.code!,
      lines: [
        { orderLineId: lines[0].id, quantity: 1 },
        { orderLineId: lines[1].id, quantity: 0 },
      ],
    });
    // What was left behind is refunded and off the order: the PULL-M line is gone, the PULL-S holds one.
    expect(await taken()).toEqual([{ sku: 'PULL-S', quantity: 1, quantityTaken: 1, returnable: 1 }]);
    // What the form offers is what returnOrder accepts: one more unit of either line is refused.
    const back = (lineId: string, quantity: number) =>
      returnOrder(handle.db, w.owner, {
        orderId,
        locationId: w.paris,
        reason: 'too small',
        lines: [{ lineId, quantity, restock: true }],
      });
    await expect(back(lines[0].id, 2)).rejects.toMatchObject({ code: 'unprocessable' });
    await expect(back(lines[1].id, 1)).rejects.toMatchObject({ code: 'unprocessable' });
    await back(lines[0].id, 1);
    expect((await taken()).map((l) => l.returnable)).toEqual([0]);
    await expectConsistent();
  });

  it('reads what was taken from the hand-over of a parcel whose lines kept every unit ordered', () => {
    // Handed over in part before the units left behind were refunded: the lines are as ordered.
    const lines = [
      { id: 'a', sku: 'PULL-S', quantity: 2 },
      { id: 'b', sku: 'PULL-M', quantity: 1 },
    ];
    const collected = {
      lines: [
        { sku: 'PULL-S', quantity: 1, of: 2 },
        { sku: 'PULL-M', quantity: 0, of: 1 },
      ],
    };
    expect([...unitsTaken('pickup', lines, collected)]).toEqual([
      ['a', 1],
      ['b', 0],
    ]);
    // Since then the lines hold what was taken (one left whole is gone): each line's quantity.
    expect([...unitsTaken('pickup', [{ id: 'a', sku: 'PULL-S', quantity: 1 }], collected)]).toEqual([['a', 1]]);
    expect([...unitsTaken('ship', lines, collected)]).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it('refuses an empty hand-over and writes nothing', async () => {
    const { orderId, pickupId } = await placePickup('PAR', [1]);
    const { pickup } = await markReady(handle.db, w.owner, { pickupId }, AT);
    const [line] = await handle.db.select().from(orderLines).where(eq(orderLines.orderId, orderId));
    await expect(
      collectPickup(handle.db, w.owner, {
        pickupId,
        code: pickup.code!,
        lines: [{ orderLineId: line.id, quantity: 0 }],
      }),
    ).rejects.toMatchObject({ code: 'unprocessable', details: { reason: 'nothing_collected' } });
    expect((await pickupOf(pickupId)).state).toBe('ready');
  });

  it('keeps a manager to their own stores', async () => {
    const { pickupId } = await placePickup('LYS', [1]);
    await expect(startPicking(handle.db, w.manager, { pickupId })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(markReady(handle.db, w.manager, { pickupId })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await pickupOf(pickupId)).state).toBe('placed');
  });

  it('lets exactly one of two simultaneous hand-overs through; the other is told who did it', async () => {
    const { orderId, pickupId } = await placePickup('PAR', [1]);
    const { pickup } = await markReady(handle.db, w.owner, { pickupId }, AT);
    const before = await level(handle.db, w.skus[0].id, w.paris);
    const results = await Promise.allSettled([
      collectPickup(handle.db, w.owner, { pickupId, code: pickup.code! }),
      collectPickup(handle.db, w.manager, { pickupId, code: pickup.code! }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'conflict', details: { reason: 'already_collected' } });
    expect(await level(handle.db, w.skus[0].id, w.paris)).toEqual({
      onHand: before.onHand - 1,
      reserved: before.reserved - 1,
    });
    const collectedEvents = (await timelineOf(orderId)).filter((e) => e.type === 'collected');
    expect(collectedEvents).toHaveLength(1);
  });

  it('gives two parcels ready at one store different codes', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const { pickupId } = await placePickup('PAR', [1]);
      codes.add((await markReady(handle.db, w.owner, { pickupId }, AT)).pickup.code!);
    }
    expect(codes.size).toBe(5);
    const dup = await handle.db.execute(
      sql`select location_id, code from pickups where state = 'ready' group by 1, 2 having count(*) > 1`,
    );
    expect(dup.rows).toEqual([]);
  });
});

/** The ledger equals the stock rows, and the seed's invariants hold for what the use cases wrote. */
async function expectConsistent() {
  expect(await findDrift(handle.db)).toEqual([]);
  for (const name of [
    'active reservations belong to open orders',
    'ready pickups have a code and a due date',
  ] as const) {
    expect((await handle.db.execute(sql.raw(SEED_INVARIANTS[name]))).rows, name).toEqual([]);
  }
}
