import type { AddressInfo } from 'node:net';
import { and, eq, inArray, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import {
  channels,
  customers,
  kpiDaily,
  locations,
  notificationOutbox,
  orderEvents,
  orders,
  pickups,
  staffUsers,
} from '../../db/schema';
import type { Actor } from '../../lib/auth/permissions';
import { dispatchOutbox } from '../../lib/messages/dispatch';
import { renderOutboxMessage } from '../../lib/messages/render';
import { markReady } from '../../lib/pickups/mark-ready';
import { iterations, summarize, type Scenario } from '../harness';

const GOAL_P95_MS = 5000;
/** How often the outbox job looks for due messages (the jobs runner's polling interval). */
const POLL_MS = 1000;

/**
 * From a parcel made ready (markReady commits, with its message in the outbox) to that message
 * accepted by an SMTP server: a local smtp-server, reached through nodemailer as SMTP_URL would be,
 * with a dispatcher polling the outbox every second as the job does. Ready parcels come one at a
 * time at an irregular pace (not in step with the polling). Baseline, in the same run: the same
 * message rendered and sent straight away, without the outbox (what a synchronous send inside the
 * request would cost, and what it would risk). Everything the scenario writes hangs off a channel
 * of its own, deleted at the end with its orders, pickups, timeline, messages and KPI rows.
 */
export const pickupsNotify: Scenario = {
  name: 'pickups.notify',
  goal: `p95 < ${GOAL_P95_MS} ms`,
  async run(ctx) {
    const { db } = ctx.handle;
    const n = iterations(40, ctx.options.scale, 5);
    // The dispatcher takes every due message: on a database with some already waiting it would send them.
    const [{ waiting }] = await db
      .select({ waiting: sql<number>`count(*)::int` })
      .from(notificationOutbox)
      .where(eq(notificationOutbox.status, 'pending'));
    if (waiting > 0)
      throw new Error(`pickups.notify: ${waiting} messages already wait in the outbox; it would send them`);
    const accepted = new Map<string, number>();
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        stream.on('data', () => {});
        stream.on('end', () => {
          for (const r of session.envelope.rcptTo) accepted.set(r.address, performance.now());
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      ignoreTLS: true,
      pool: true,
    });

    const [store] = await db
      .select({ id: locations.id })
      .from(locations)
      .where(and(eq(locations.kind, 'store'), eq(locations.pickupEnabled, true)))
      .limit(1);
    const [owner] = await db
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(eq(staffUsers.role, 'owner'))
      .limit(1);
    if (!store || !owner) throw new Error('pickups.notify needs a seeded database (a pickup store and an owner)');
    const actor: Actor = { userId: owner.id, role: 'owner', locationIds: [] };
    const tag = `bench-notify-${Date.now().toString(36)}`;
    const [channel] = await db.insert(channels).values({ code: tag, name: tag, kind: 'web' }).returning();
    const made: { customerIds: string[]; orderIds: string[] } = { customerIds: [], orderIds: [] };

    // Pickups waiting to be made ready, each for its own customer (recipient = the sample's key).
    async function pickupFor(i: number, phase: string) {
      const email = `${tag}-${phase}-${i}@bench.example`;
      const [c] = await db
        .insert(customers)
        .values({ email, firstName: 'Bench', lastName: 'Notify', locale: 'fr' })
        .returning({ id: customers.id });
      const at = new Date();
      const [o] = await db
        .insert(orders)
        .values({
          number: `${tag}-${phase}-${i}`,
          channelId: channel.id,
          externalId: `${phase}-${i}`,
          customerId: c.id,
          status: 'confirmed',
          fulfilmentType: 'pickup',
          locationId: store.id,
          fulfillingLocationId: store.id,
          subtotalCents: 1000,
          totalCents: 1000,
          itemCount: 1,
          placedAt: at,
        })
        .returning({ id: orders.id });
      const [p] = await db
        .insert(pickups)
        .values({ orderId: o.id, locationId: store.id, state: 'to_pick', placedAt: at, pickingStartedAt: at })
        .returning({ id: pickups.id });
      made.customerIds.push(c.id);
      made.orderIds.push(o.id);
      return { email, pickupId: p.id, orderId: o.id };
    }

    let stop = false;
    const poller = (async () => {
      while (!stop) {
        const r = await dispatchOutbox(db, { transport, limit: 50 });
        if (r.claimed === 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    })();

    try {
      // Ours: markReady, then wait for the SMTP server to accept the message.
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const { email, pickupId } = await pickupFor(i, 'o');
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 400));
        const start = performance.now();
        await markReady(db, actor, { pickupId });
        while (!accepted.has(email)) await new Promise((resolve) => setTimeout(resolve, 5));
        samples.push(accepted.get(email)! - start);
      }
      stop = true;
      await poller;

      // Baseline: the same kind of message rendered and sent at once, no outbox, no polling.
      const base: number[] = [];
      const [sample] = await db
        .select()
        .from(notificationOutbox)
        .where(inArray(notificationOutbox.orderId, made.orderIds))
        .limit(1);
      for (let i = 0; i < n; i++) {
        const email = `${tag}-b-${i}@bench.example`;
        const start = performance.now();
        const rendered = await renderOutboxMessage({
          kind: sample.kind,
          payload: sample.payload,
          createdAt: new Date(),
        });
        await transport.sendMail({
          from: 'bench@example.fr',
          to: email,
          subject: rendered.subject,
          html: rendered.html,
          text: rendered.text,
        });
        while (!accepted.has(email)) await new Promise((resolve) => setTimeout(resolve, 1));
        base.push(accepted.get(email)! - start);
      }
      const ours = summarize(samples);
      return {
        ours,
        baseline: summarize(base),
        ok: ours.p95_ms < GOAL_P95_MS,
        note: `${n} parcels made ready one at a time at a store of the bench data, the dispatcher polling every ${POLL_MS} ms; baseline: render + send at once, no outbox`,
      };
    } finally {
      stop = true;
      await poller.catch(() => {});
      transport.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.transaction(async (tx) => {
        if (made.orderIds.length) {
          await tx.delete(notificationOutbox).where(inArray(notificationOutbox.orderId, made.orderIds));
          await tx.delete(orderEvents).where(inArray(orderEvents.orderId, made.orderIds));
          await tx.delete(pickups).where(inArray(pickups.orderId, made.orderIds));
          await tx.delete(orders).where(inArray(orders.id, made.orderIds));
        }
        if (made.customerIds.length) await tx.delete(customers).where(inArray(customers.id, made.customerIds));
        await tx.delete(kpiDaily).where(eq(kpiDaily.channelId, channel.id));
        await tx.execute(sql`delete from channels where id = ${channel.id}`);
      });
    }
  },
};
