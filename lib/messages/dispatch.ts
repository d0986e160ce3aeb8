import { and, eq, sql } from 'drizzle-orm';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Db } from '@/db/client';
import { notificationOutbox } from '@/db/schema';
import { logger } from '@/lib/log';
import { hasPublicBaseUrl, publicBaseUrl } from './payload';
import { renderOutboxMessage, UnrenderableMessage } from './render';

/** What sends a rendered message: a nodemailer transport (SMTP), or anything with its sendMail. */
export type MailTransport = { sendMail: (mail: SendMailOptions) => Promise<unknown> };

export type DispatchOptions = {
  /** The clock: what is due, and when a retry comes (injectable for tests and jobs). */
  now?: Date;
  /** Where mail goes: a transport, 'mailbox' to render and keep without sending, or (default) SMTP_URL's. */
  transport?: MailTransport | 'mailbox';
  /** How many messages one run claims (default 50). */
  limit?: number;
  /** Attempts before a message is given up as failed (default 8: about an hour of back-off). */
  maxAttempts?: number;
  env?: Record<string, string | undefined>;
  /** Jitter's randomness (tests make it fixed). */
  random?: () => number;
};

export type DispatchResult = { claimed: number; sent: number; kept: number; retried: number; failed: number };

export const DEFAULT_MAX_ATTEMPTS = 8;
/** A claimed message stays invisible to other dispatchers this long; one whose dispatcher died is retried after it. */
export const CLAIM_LEASE_MS = 5 * 60_000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 60 * 60_000;

/**
 * Delivers due outbox messages: claims them (pending, available_at ≤ now, e-mail) with FOR UPDATE
 * SKIP LOCKED and a lease, so concurrent dispatchers on any number of instances never take the same
 * message; renders each in the customer's language; sends it through the transport and stores what
 * was sent (status sent), or, with no SMTP configured, keeps it for the development mailbox (status
 * kept). A failed send is retried later with exponential back-off and jitter, and given up as failed
 * after maxAttempts; a message no template can render fails at once. Runs after the commits that
 * wrote the messages, in a job: it never holds up a state change, and holds no transaction open
 * while it talks to the SMTP server. A dispatcher that dies after the server accepted a message but
 * before it recorded so sends it again once the lease ends (at least once, as SMTP allows).
 */
export async function dispatchOutbox(db: Db, options: DispatchOptions = {}): Promise<DispatchResult> {
  const now = options.now ?? new Date();
  const env = options.env ?? process.env;
  const limit = options.limit ?? 50;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const random = options.random ?? Math.random;
  const transport = options.transport ?? transportFromEnv(env) ?? 'mailbox';
  if (transport === 'mailbox' && !options.transport) warnMailNotSent();
  if (transport !== 'mailbox' && !hasPublicBaseUrl(env)) warnNoPublicUrl(publicBaseUrl(env));

  const claimed = await claimDueMessages(db, now, limit);
  const result: DispatchResult = { claimed: claimed.length, sent: 0, kept: 0, retried: 0, failed: 0 };
  for (const message of claimed) {
    const mine = and(eq(notificationOutbox.id, message.id), eq(notificationOutbox.attempts, message.attempts));
    let rendered;
    try {
      rendered = await renderOutboxMessage(message, { env });
    } catch (error) {
      if (!(error instanceof UnrenderableMessage)) throw error;
      await db.update(notificationOutbox).set({ status: 'failed', lastError: error.message }).where(mine);
      result.failed += 1;
      continue;
    }
    const stored = { subject: rendered.subject, bodyHtml: rendered.html, bodyText: rendered.text, lastError: null };
    if (transport === 'mailbox') {
      await db
        .update(notificationOutbox)
        .set({ ...stored, status: 'kept', sentAt: now })
        .where(mine);
      result.kept += 1;
      continue;
    }
    try {
      await transport.sendMail({
        from: env.COMPTOIR_MAIL_FROM || 'Comptoir <no-reply@comptoir.localhost>',
        to: message.recipient,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        // The code's QR, shown by the HTML through its Content-ID (multipart/related).
        attachments: rendered.attachments,
      });
    } catch (error) {
      const lastError = describeSendError(error, env);
      if (message.attempts >= maxAttempts) {
        await db.update(notificationOutbox).set({ status: 'failed', lastError }).where(mine);
        result.failed += 1;
      } else {
        const availableAt = new Date(now.getTime() + retryDelayMs(message.attempts, random));
        await db.update(notificationOutbox).set({ lastError, availableAt }).where(mine);
        result.retried += 1;
      }
      logger().warn({ outboxId: message.id, attempts: message.attempts, error: lastError }, 'message not sent');
      continue;
    }
    await db
      .update(notificationOutbox)
      .set({ ...stored, status: 'sent', sentAt: now })
      .where(mine);
    result.sent += 1;
  }
  return result;
}

type ClaimedMessage = {
  id: number;
  kind: string;
  recipient: string;
  payload: unknown;
  createdAt: Date;
  attempts: number;
};

/** One statement: the due messages, oldest first, skipping those another dispatcher holds, leased and counted as an attempt. */
async function claimDueMessages(db: Db, now: Date, limit: number): Promise<ClaimedMessage[]> {
  const leaseEnd = new Date(now.getTime() + CLAIM_LEASE_MS);
  const rows = await db.execute<{
    id: string | number;
    kind: string;
    recipient: string;
    payload: unknown;
    created_at: string | Date;
    attempts: number;
  }>(sql`
    update notification_outbox o
    set attempts = o.attempts + 1, available_at = ${leaseEnd.toISOString()}::timestamptz
    from (
      select id from notification_outbox
      where status = 'pending' and channel = 'email' and available_at <= ${now.toISOString()}::timestamptz
      order by available_at, id
      limit ${limit}
      for update skip locked
    ) due
    where o.id = due.id
    returning o.id, o.kind, o.recipient, o.payload, o.created_at, o.attempts`);
  return rows.rows
    .map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      recipient: r.recipient,
      payload: r.payload,
      createdAt: new Date(r.created_at),
      attempts: r.attempts,
    }))
    .sort((a, b) => a.id - b.id);
}

/** After the n-th failed attempt: 30 s, 1 min, 2 min… up to an hour, each between half and all of it (jitter spreads retries out). */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const full = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(full / 2 + (random() * full) / 2);
}

/**
 * Why a send failed, as stored in last_error and logged: the SMTP server's answer or the network
 * error, never the credentials (SMTP_URL's user and password are taken out wherever they appear).
 */
export function describeSendError(error: unknown, env: Record<string, string | undefined> = process.env): string {
  const e = error as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };
  const parts = [
    typeof e.code === 'string' ? e.code : null,
    typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : String(error),
  ].filter(Boolean);
  let text = parts.join(': ');
  for (const secret of secretsOf(env.SMTP_URL)) text = text.split(secret).join('[redacted]');
  return text.slice(0, 500);
}

function secretsOf(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const u = new URL(url);
    return [url, u.password, decodeURIComponent(u.password), u.username, decodeURIComponent(u.username)]
      .filter((s) => s.length >= 3)
      .sort((a, b) => b.length - a.length);
  } catch {
    return [url];
  }
}

let fromEnv: { url: string; transport: MailTransport } | undefined;

/** The SMTP transport named by SMTP_URL (smtp:// or smtps://, credentials in the URL), built once per process; null without one. */
export function transportFromEnv(env: Record<string, string | undefined> = process.env): MailTransport | null {
  const url = env.SMTP_URL;
  if (!url) return null;
  if (fromEnv?.url !== url) fromEnv = { url, transport: nodemailer.createTransport(url) };
  return fromEnv.transport;
}

let warned = false;
function warnMailNotSent() {
  if (warned) return;
  warned = true;
  logger().warn(
    'SMTP_URL is not set: customer messages are rendered and kept in the development mailbox (Settings → Messages), not sent',
  );
}

let warnedUrl = false;
function warnNoPublicUrl(guess: string) {
  if (warnedUrl) return;
  warnedUrl = true;
  logger().warn(
    { publicUrl: guess },
    'COMPTOIR_PUBLIC_URL is not set: the tracking links in customer messages point to this machine; set it to the address customers reach',
  );
}
