import type { AddressInfo } from 'node:net';
import { eq, inArray, sql } from 'drizzle-orm';
import { inflateSync } from 'node:zlib';
import nodemailer from 'nodemailer';
import QRCode from 'qrcode';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels, customers, locations, notificationOutbox, orders, pickups } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { ingestOrder } from '@/lib/orders/ingest-order';
import { ZIngestOrderInput } from '@/lib/orders/schemas';
import { markReady } from '@/lib/pickups/mark-ready';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { CLAIM_LEASE_MS, dispatchOutbox, retryDelayMs } from './dispatch';
import { findOutboxMessage } from './queries';
import { PICKUP_QR_CID, pickupQrPng } from './qr-image';

// The dispatcher against a real SMTP server (smtp-server, on a free local port) and a real engine.

let handle: DbHandle;
let w: InventoryWorld;
let web: typeof channels.$inferSelect;
let n = 0;
const AT = new Date('2026-12-05T15:00:00Z');
const ENV = { COMPTOIR_PUBLIC_URL: 'https://shop.example.fr/', COMPTOIR_MAIL_FROM: 'Comptoir <noreply@example.fr>' };

type Received = { from: string; to: string[]; raw: string };
type Smtp = { port: number; received: Received[]; refuse: boolean; close: () => Promise<void> };
const servers: Smtp[] = [];

/** A real SMTP server on 127.0.0.1; `refuse` makes it answer 451 to every message. */
async function startSmtp(options: Partial<SMTPServerOptions> = {}): Promise<Smtp> {
  const smtp: Smtp = { port: 0, received: [], refuse: false, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (smtp.refuse) return callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
        smtp.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  smtp.port = (server.server.address() as AddressInfo).port;
  smtp.close = () => new Promise((resolve) => server.close(() => resolve()));
  servers.push(smtp);
  return smtp;
}

function transportTo(port: number, auth?: { user: string; pass: string }) {
  return nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, auth });
}

/** A received message's text with its quoted-printable and encoded words undone. */
function readable(raw: string): string {
  const qp = raw.replace(/=\r?\n/g, '').replace(/(=[0-9A-F]{2})+/g, (m) =>
    Buffer.from(
      m
        .split('=')
        .slice(1)
        .map((h) => parseInt(h, 16)),
    ).toString('utf8'),
  );
  return qp.replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, w: string) => w.replace(/_/g, ' '));
}

type MimePart = { headers: string; body: string };

/** The leaf parts of a received MIME message (each multipart split on its boundary), with their headers. */
function mimeParts(raw: string): MimePart[] {
  const [headers, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\r\n\r\n');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers.replace(/\r?\n\s+/g, ' '))?.[1];
  if (!/^content-type:\s*multipart\//im.test(headers) || !boundary) return [{ headers, body }];
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .flatMap((part) => mimeParts(part.replace(/^\r?\n/, '')));
}

/** The width and height a PNG's IHDR says. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Whether each pixel of an 8-bit PNG is dark (its first channel below half), decoded here: IDAT inflated, rows unfiltered. */
function darkPixels(png: Buffer): { width: number; height: number; dark: (x: number, y: number) => boolean } {
  const { width, height } = pngSize(png);
  const [bitDepth, colourType] = [png[24], png[25]];
  expect(bitDepth).toBe(8);
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colourType];
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    const up = rows[y - 1];
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = up ? up[i] : 0;
      const c = up && i >= channels ? up[i - channels] : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const add = [0, a, b, (a + b) >> 1, paeth][filter];
      line[i] = (line[i] + add) & 0xff;
    }
    rows.push(line);
  }
  return { width, height, dark: (x, y) => rows[y][x * channels] < 128 };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await makeInventoryWorld(handle.db, { stock: 100 });
  [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web' }).returning();
  await handle.db
    .update(locations)
    .set({
      address: '12 rue de Rivoli',
      timeZone: 'Europe/Paris',
      holdDays: 7,
      openingHours: {
        '1': [['10:00', '19:00']],
        '6': [
          ['10:00', '13:00'],
          ['14:00', '19:00'],
        ],
      },
    })
    .where(eq(locations.id, w.paris));
});
afterEach(async () => {
  while (servers.length) await servers.pop()!.close();
  await handle.db.delete(notificationOutbox);
});
afterAll(() => handle.close());

/** A pickup order for Paris made ready: its 'pickup.ready' message waits in the outbox. */
async function readyOrder(locale: 'fr' | 'en' | null = 'fr') {
  n += 1;
  const r = await ingestOrder(
    handle.db,
    web,
    ZIngestOrderInput.parse({
      externalId: `M-${n}`,
      placedAt: '2026-12-05T14:00:00Z',
      currency: 'EUR',
      customer: { email: `claire${n}@example.fr`, firstName: 'Claire' },
      lines: [{ sku: 'PULL-M', quantity: 1, unitPriceCents: 5000 }],
      fulfilment: { type: 'pickup', locationCode: 'PAR' },
      totals: { subtotalCents: 5000, totalCents: 5000 },
    }),
  );
  const [order] = await handle.db.select().from(orders).where(eq(orders.id, r.order.id));
  await handle.db.update(customers).set({ locale }).where(eq(customers.id, order.customerId!));
  const [p] = await handle.db.select().from(pickups).where(eq(pickups.orderId, order.id));
  await markReady(handle.db, w.manager, { pickupId: p.id }, AT);
  const [pickup] = await handle.db.select().from(pickups).where(eq(pickups.id, p.id));
  // Written at AT, as it is in production where the use case's clock is the database's.
  const [message] = await handle.db
    .update(notificationOutbox)
    .set({ createdAt: AT, availableAt: AT })
    .where(eq(notificationOutbox.orderId, order.id))
    .returning();
  return { order, pickup, message };
}

async function outboxRow(id: number) {
  return (await handle.db.select().from(notificationOutbox).where(eq(notificationOutbox.id, id)))[0];
}

describe('dispatchOutbox', () => {
  it('sends a ready message to the SMTP server, in French for a French customer, with the code and the tracking link', async () => {
    const smtp = await startSmtp();
    const { order, pickup, message } = await readyOrder('fr');
    // The tracking page's path as lib/pickups/messages.ts carries it once a pickup has a token.
    await handle.db
      .update(notificationOutbox)
      .set({ payload: sql`${notificationOutbox.payload} || '{"trackingPath": "/track/tok-123"}'::jsonb` })
      .where(eq(notificationOutbox.id, message.id));

    const result = await dispatchOutbox(handle.db, { now: AT, transport: transportTo(smtp.port), env: ENV });

    expect(result).toEqual({ claimed: 1, sent: 1, kept: 0, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    expect(mail.to).toEqual([message.recipient]);
    expect(mail.from).toBe('noreply@example.fr');
    const text = readable(mail.raw);
    const spoken = `${pickup.code!.slice(0, 3)} ${pickup.code!.slice(3)}`;
    expect(text).toContain(spoken);
    expect(text).toContain('https://shop.example.fr/track/tok-123');
    expect(text).toContain(`Votre commande ${order.number} vous attend à Paris Rivoli`);
    // The hold's end in the store's zone, in French: 7 days after 16:00 Paris time.
    expect(text).toContain('samedi 12 décembre 2026 à 16:00');
    expect(text).toContain('12 rue de Rivoli');
    expect(text).toMatch(/Samedi[\s\S]*10:00–13:00, 14:00–19:00/);

    // The code's QR: a PNG attached inline, shown by the HTML through its Content-ID (most clients
    // block data: URIs and inline SVG), holding the code itself as the counter's scanner reads it.
    expect(mail.raw).toMatch(/content-type: multipart\/related/i);
    const parts = mimeParts(mail.raw);
    const html = parts.find((part) => /^content-type: text\/html/im.test(part.headers));
    expect(readable(html!.body)).toContain(`src="cid:${PICKUP_QR_CID}"`);
    const image = parts.find((part) => /^content-type: image\/png/im.test(part.headers));
    expect(image?.headers).toMatch(new RegExp(`^content-id: <${PICKUP_QR_CID}>`, 'im'));
    expect(image?.headers).toMatch(/^content-disposition: inline/im);
    const png = Buffer.from(image!.body.replace(/\s+/g, ''), 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pngSize(png).width).toBe(pngSize(png).height);
    expect(pngSize(png).width).toBeGreaterThanOrEqual(160);
    expect(png.equals(await pickupQrPng(pickup.code!))).toBe(true);
    // Read back module by module, the image is the QR symbol of the pickup's code itself.
    const symbol = QRCode.create(pickup.code!, { errorCorrectionLevel: 'M' }).modules;
    const pixels = darkPixels(png);
    const modulePx = pixels.width / (symbol.size + 4);
    expect(Number.isInteger(modulePx)).toBe(true);
    const at = (m: number) => Math.floor((m + 2) * modulePx + modulePx / 2);
    for (let row = 0; row < symbol.size; row++)
      for (let col = 0; col < symbol.size; col++)
        expect(pixels.dark(at(col), at(row)), `module ${row},${col}`).toBe(Boolean(symbol.get(row, col)));
    expect(pixels.dark(1, 1)).toBe(false);

    const row = await outboxRow(message.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row.subject).toBe(`Votre commande ${order.number} est prête à être retirée`);
    expect(row.bodyHtml).toContain('lang="fr"');
    expect(row.bodyText).toContain(spoken);
    expect(row.sentAt!.getTime()).toBeGreaterThanOrEqual(AT.getTime());
  });

  it('writes in English for an English customer', async () => {
    const smtp = await startSmtp();
    const { order } = await readyOrder('en');
    await dispatchOutbox(handle.db, { now: AT, transport: transportTo(smtp.port), env: ENV });
    const text = readable(smtp.received[0].raw);
    expect(text).toContain(`Your order ${order.number} is waiting for you at Paris Rivoli`);
    expect(text).toContain('Saturday, 12 December 2026 at 16:00');
  });

  it('retries a refused message with back-off, then sends it once the server accepts', async () => {
    const smtp = await startSmtp();
    smtp.refuse = true;
    const { message } = await readyOrder();
    const transport = transportTo(smtp.port);

    const first = await dispatchOutbox(handle.db, { now: AT, transport, env: ENV, random: () => 0.5 });
    expect(first).toMatchObject({ claimed: 1, retried: 1, sent: 0 });
    let row = await outboxRow(message.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toContain('451');
    expect(row.availableAt.getTime() - AT.getTime()).toBe(retryDelayMs(1, () => 0.5));

    // Not due yet: nothing is tried.
    expect(await dispatchOutbox(handle.db, { now: AT, transport, env: ENV })).toMatchObject({ claimed: 0 });

    const second = new Date(row.availableAt.getTime());
    await dispatchOutbox(handle.db, { now: second, transport, env: ENV, random: () => 0.5 });
    row = await outboxRow(message.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row.availableAt.getTime() - second.getTime()).toBe(retryDelayMs(2, () => 0.5));
    expect(retryDelayMs(2, () => 0.5)).toBeGreaterThan(retryDelayMs(1, () => 0.5));

    smtp.refuse = false;
    const third = await dispatchOutbox(handle.db, { now: row.availableAt, transport, env: ENV });
    expect(third).toMatchObject({ claimed: 1, sent: 1 });
    expect(await outboxRow(message.id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(smtp.received).toHaveLength(1);
  });

  it('retries while the server is unreachable, and gives up as failed after the last attempt', async () => {
    const down = await startSmtp();
    const port = down.port;
    await down.close();
    servers.pop();
    const { message } = await readyOrder();
    let now = AT;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const r = await dispatchOutbox(handle.db, { now, transport: transportTo(port), env: ENV, maxAttempts: 3 });
      const row = await outboxRow(message.id);
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toContain('ECONNREFUSED');
      if (attempt < 3) {
        expect(r).toMatchObject({ retried: 1 });
        expect(row.status).toBe('pending');
        now = row.availableAt;
      } else {
        expect(r).toMatchObject({ failed: 1 });
        expect(row.status).toBe('failed');
      }
    }
    // The server comes back on that port: a failed message is not sent again.
    const back = await startSmtp();
    expect(
      await dispatchOutbox(handle.db, {
        now: new Date(now.getTime() + 86_400_000),
        transport: transportTo(back.port),
        env: ENV,
      }),
    ).toMatchObject({ claimed: 0 });
  });

  it('keeps no credentials in last_error or the log when the server refuses the login', async () => {
    const smtp = await startSmtp({
      authOptional: false,
      authMethods: ['PLAIN', 'LOGIN'],
      allowInsecureAuth: true,
      onAuth: (_auth, _session, callback) => callback(new Error('Invalid username or password')),
    });
    const { message } = await readyOrder();
    const url = `smtp://shopuser:s3cr3t-pa55@127.0.0.1:${smtp.port}/?ignoreTLS=true`;
    await dispatchOutbox(handle.db, { now: AT, env: { ...ENV, SMTP_URL: url } });
    const row = await outboxRow(message.id);
    expect(row.status).toBe('pending');
    expect(row.lastError).toMatch(/EAUTH|Invalid/);
    expect(row.lastError).not.toContain('s3cr3t-pa55');
    expect(row.lastError).not.toContain('shopuser');
  });

  it('without SMTP renders the message and keeps it for the development mailbox', async () => {
    const { message, order } = await readyOrder('en');
    const r = await dispatchOutbox(handle.db, { now: AT, env: ENV });
    expect(r).toMatchObject({ claimed: 1, kept: 1, sent: 0 });
    const row = await outboxRow(message.id);
    expect(row).toMatchObject({ status: 'kept', attempts: 1 });
    expect(row.subject).toBe(`Your order ${order.number} is ready to collect`);
    expect(row.bodyHtml).toContain('Paris Rivoli');
    // Kept as it would be sent (the QR by cid); the mailbox shows the same PNG as a data: URI.
    expect(row.bodyHtml).toContain(`cid:${PICKUP_QR_CID}`);
    const shown = await findOutboxMessage(handle.db, message.id);
    const png = (await pickupQrPng((message.payload as { code: string }).code)).toString('base64');
    expect(shown?.previewHtml).toContain(`src="data:image/png;base64,${png}"`);
    expect(shown?.previewHtml).not.toContain('cid:');
  });

  it('fails at once a message no template can render, and carries on with the others', async () => {
    const smtp = await startSmtp();
    const { message } = await readyOrder();
    const [odd] = await handle.db
      .insert(notificationOutbox)
      .values({ kind: 'pickup_ready', channel: 'email', recipient: 'x@example.fr', payload: {}, availableAt: AT })
      .returning();
    const [broken] = await handle.db
      .insert(notificationOutbox)
      .values({
        kind: 'pickup.ready',
        channel: 'email',
        recipient: 'y@example.fr',
        payload: { orderNumber: 'W-1' },
        availableAt: AT,
      })
      .returning();
    const r = await dispatchOutbox(handle.db, { now: AT, transport: transportTo(smtp.port), env: ENV });
    expect(r).toMatchObject({ claimed: 3, sent: 1, failed: 2 });
    expect(await outboxRow(odd.id)).toMatchObject({
      status: 'failed',
      lastError: 'No template for messages of kind "pickup_ready".',
    });
    expect((await outboxRow(broken.id)).lastError).toContain('store');
    expect(await outboxRow(message.id)).toMatchObject({ status: 'sent' });
  });

  it('two dispatchers running at once never send a message twice (SKIP LOCKED and the lease)', async () => {
    const smtp = await startSmtp();
    const made = [];
    for (let i = 0; i < 12; i++) made.push((await readyOrder(i % 2 ? 'en' : 'fr')).message.id);
    const transport = transportTo(smtp.port);
    const runs = await Promise.all([
      dispatchOutbox(handle.db, { now: AT, transport, env: ENV, limit: 5 }),
      dispatchOutbox(handle.db, { now: AT, transport, env: ENV, limit: 5 }),
      dispatchOutbox(handle.db, { now: AT, transport, env: ENV, limit: 5 }),
    ]);
    // Whatever was left (three runs of 5 may have raced for the same rows and taken fewer).
    let more = await dispatchOutbox(handle.db, { now: AT, transport, env: ENV });
    while (more.claimed > 0) more = await dispatchOutbox(handle.db, { now: AT, transport, env: ENV });
    const sent = runs.reduce((s, r) => s + r.sent, 0);
    expect(sent).toBeGreaterThan(0);
    const rows = await handle.db.select().from(notificationOutbox).where(inArray(notificationOutbox.id, made));
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    const recipients = smtp.received.flatMap((m) => m.to).sort();
    expect(recipients).toEqual(rows.map((r) => r.recipient).sort());
    expect(new Set(recipients).size).toBe(12);
  });

  it('sends again a message whose dispatcher died after claiming it, once the lease is over', async () => {
    const smtp = await startSmtp();
    const { message } = await readyOrder();
    // A dispatcher claimed it and died: the row is leased (available later), counted as an attempt.
    await handle.db
      .update(notificationOutbox)
      .set({ attempts: 1, availableAt: new Date(AT.getTime() + CLAIM_LEASE_MS) })
      .where(eq(notificationOutbox.id, message.id));
    const transport = transportTo(smtp.port);
    expect(await dispatchOutbox(handle.db, { now: AT, transport, env: ENV })).toMatchObject({ claimed: 0 });
    const later = new Date(AT.getTime() + CLAIM_LEASE_MS);
    expect(await dispatchOutbox(handle.db, { now: later, transport, env: ENV })).toMatchObject({ sent: 1 });
    expect(await outboxRow(message.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
