import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { notificationOutbox } from '@/db/schema';
import { htmlForPreview } from './qr-image';

export type OutboxStatus = (typeof notificationOutbox.$inferSelect)['status'];

export type OutboxListItem = {
  id: number;
  kind: string;
  recipient: string;
  status: OutboxStatus;
  attempts: number;
  createdAt: Date;
  availableAt: Date;
  subject: string | null;
};

export type OutboxMessage = OutboxListItem & {
  lastError: string | null;
  sentAt: Date | null;
  bodyHtml: string | null;
  /** bodyHtml as a browser shows it outside a mail client: its cid: images (the code's QR) inlined as data: URIs. */
  previewHtml: string | null;
};

export const OUTBOX_PAGE_SIZE = 25;

/** The outbox newest first, one keyset page (ids below `beforeId`), without counting; `nextBefore` is null on the last page. */
export async function listOutboxMessages(
  db: Db,
  input: { beforeId?: number | null; limit?: number } = {},
): Promise<{ items: OutboxListItem[]; nextBefore: number | null }> {
  const limit = input.limit ?? OUTBOX_PAGE_SIZE;
  const where: SQL | undefined = input.beforeId ? lt(notificationOutbox.id, input.beforeId) : undefined;
  const rows = await db
    .select({
      id: notificationOutbox.id,
      kind: notificationOutbox.kind,
      recipient: notificationOutbox.recipient,
      status: notificationOutbox.status,
      attempts: notificationOutbox.attempts,
      createdAt: notificationOutbox.createdAt,
      availableAt: notificationOutbox.availableAt,
      subject: notificationOutbox.subject,
    })
    .from(notificationOutbox)
    .where(and(where))
    .orderBy(desc(notificationOutbox.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  return { items, nextBefore: rows.length > limit ? items[items.length - 1].id : null };
}

/** One message with what was rendered for it (and that HTML ready to preview), or null. */
export async function findOutboxMessage(db: Db, id: number): Promise<OutboxMessage | null> {
  const [row] = await db
    .select({
      id: notificationOutbox.id,
      kind: notificationOutbox.kind,
      recipient: notificationOutbox.recipient,
      status: notificationOutbox.status,
      attempts: notificationOutbox.attempts,
      createdAt: notificationOutbox.createdAt,
      availableAt: notificationOutbox.availableAt,
      subject: notificationOutbox.subject,
      lastError: notificationOutbox.lastError,
      sentAt: notificationOutbox.sentAt,
      bodyHtml: notificationOutbox.bodyHtml,
      code: sql<string | null>`${notificationOutbox.payload}->>'code'`,
    })
    .from(notificationOutbox)
    .where(eq(notificationOutbox.id, id));
  if (!row) return null;
  const { code, ...message } = row;
  return { ...message, previewHtml: message.bodyHtml ? await htmlForPreview(message.bodyHtml, code) : null };
}

/** Whether this process sends mail (SMTP_URL set) or keeps it for the development mailbox. */
export function mailIsSent(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.SMTP_URL);
}
