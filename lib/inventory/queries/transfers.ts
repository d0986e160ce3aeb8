import { and, asc, desc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import {
  inventoryLevels,
  locations,
  orders,
  products,
  staffUsers,
  transferLines,
  transfers,
  variants,
} from '@/db/schema';
import { can, scopeOf, type Actor } from '@/lib/auth/permissions';
import { Forbidden, NotFound } from '@/lib/errors';
import { isUuid } from '@/lib/uuid';
import { cursorTimeOf, decodeCursor, encodeCursor, olderThan } from '@/lib/http/cursor';
import type { Locale } from '@/lib/i18n/config';
import { localNameSql } from '@/lib/i18n/local-name';
import { availableToPromiseSql } from '../rules';

export type TransferSummary = {
  id: string;
  number: string;
  status: string;
  sourceCode: string;
  destinationCode: string;
  units: number;
  createdAt: Date;
  shippedAt: Date | null;
  receivedAt: Date | null;
  /** A request's: the day the store needs it by, and the day the source said it should arrive. */
  neededBy: string | null;
  expectedOn: string | null;
};

const TRANSFERS_PAGE_SIZE = 50;

export type TransferPage = {
  transfers: TransferSummary[];
  /** Cursor of the next (older) page; null on the last page. */ next: string | null;
};

/**
 * Transfers in or out of the given locations (all when null), optionally for one SKU, newest
 * first, one keyset page on (created_at, id) after `before`; no count.
 */
export async function listTransfers(
  db: DbOrTx,
  opts: {
    locationIds: readonly string[] | null;
    direction?: 'in' | 'out' | 'both';
    /** Only transfers whose source or destination is one of these (a manager's); null = no limit. */
    visibleTo?: readonly string[] | null;
    variantId?: string;
    /** Only transfers in these statuses (the requests waiting for an answer). */
    statuses?: readonly TransferStatus[];
    /** Cursor from a previous page's `next`; an invalid one reads the first page. */
    before?: string | null;
    limit?: number;
  },
): Promise<TransferPage> {
  const direction = opts.direction ?? 'both';
  const limit = opts.limit ?? TRANSFERS_PAGE_SIZE;
  const involves = (ids: string[]) =>
    or(inArray(transfers.sourceLocationId, ids), inArray(transfers.destinationLocationId, ids));
  const conds: (SQL | undefined)[] = [];
  if (opts.locationIds) {
    const ids = [...opts.locationIds];
    if (ids.length === 0) return { transfers: [], next: null };
    if (direction === 'in') conds.push(inArray(transfers.destinationLocationId, ids));
    else if (direction === 'out') conds.push(inArray(transfers.sourceLocationId, ids));
    else conds.push(involves(ids));
  }
  if (opts.visibleTo) {
    if (opts.visibleTo.length === 0) return { transfers: [], next: null };
    conds.push(involves([...opts.visibleTo]));
  }
  if (opts.statuses) conds.push(inArray(transfers.status, [...opts.statuses]));
  if (opts.variantId) {
    conds.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(transferLines)
          .where(and(eq(transferLines.transferId, transfers.id), eq(transferLines.variantId, opts.variantId))),
      ),
    );
  }
  const cursor = decodeCursor(opts.before);
  if (cursor) conds.push(olderThan(transfers.createdAt, transfers.id, cursor));
  const src = alias(locations, 'src');
  const dst = alias(locations, 'dst');
  const units = db
    .select({ n: sql<number>`coalesce(sum(${transferLines.quantity}), 0)::int` })
    .from(transferLines)
    .where(eq(transferLines.transferId, transfers.id));
  const rows = await db
    .select({
      id: transfers.id,
      number: transfers.number,
      status: transfers.status,
      sourceCode: src.code,
      destinationCode: dst.code,
      units: sql<number>`(${units})`,
      createdAt: transfers.createdAt,
      shippedAt: transfers.shippedAt,
      receivedAt: transfers.receivedAt,
      neededBy: transfers.neededBy,
      expectedOn: transfers.expectedOn,
      cursorTime: cursorTimeOf(transfers.createdAt),
    })
    .from(transfers)
    .innerJoin(src, eq(src.id, transfers.sourceLocationId))
    .innerJoin(dst, eq(dst.id, transfers.destinationLocationId))
    .where(and(...conds))
    .orderBy(desc(transfers.createdAt), desc(transfers.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    transfers: page.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      sourceCode: r.sourceCode,
      destinationCode: r.destinationCode,
      units: Number(r.units),
      createdAt: r.createdAt,
      shippedAt: r.shippedAt,
      receivedAt: r.receivedAt,
      neededBy: r.neededBy,
      expectedOn: r.expectedOn,
    })),
    next: rows.length > limit ? encodeCursor({ cursorTime: last.cursorTime, id: last.id }) : null,
  };
}

export type TransferStatus = (typeof transfers.$inferSelect)['status'];

export type TransferDetail = {
  id: string;
  number: string;
  status: TransferStatus;
  source: { id: string; code: string; name: string; timeZone: string };
  destination: { id: string; code: string; name: string; timeZone: string };
  note: string | null;
  orderId: string | null;
  orderNumber: string | null;
  createdByName: string | null;
  createdAt: Date;
  shippedAt: Date | null;
  receivedAt: Date | null;
  cancelledAt: Date | null;
  /** A request's needed-by day and, once accepted, the day it should arrive. */
  neededBy: string | null;
  expectedOn: string | null;
  /** Who accepted or declined a request, when, and why (a decline, or fewer units than asked). */
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  lines: {
    variantId: string;
    sku: string;
    barcode: string | null;
    productName: string;
    variantTitle: string;
    quantity: number;
    /** What the store asked for, on a request; null on a transfer nobody asked for. */
    quantityRequested: number | null;
    /** Units arrived so far; null until the first receipt. */
    quantityReceived: number | null;
  }[];
};

/** One transfer with its locations (by the names shown in `locale`) and lines (SKU order), or null. */
export async function findTransfer(db: DbOrTx, transferId: string, locale?: Locale): Promise<TransferDetail | null> {
  const src = alias(locations, 'src');
  const dst = alias(locations, 'dst');
  const decider = alias(staffUsers, 'decider');
  const [t] = await db
    .select({
      id: transfers.id,
      number: transfers.number,
      status: transfers.status,
      source: { id: src.id, code: src.code, name: localNameSql(src, locale), timeZone: src.timeZone },
      destination: { id: dst.id, code: dst.code, name: localNameSql(dst, locale), timeZone: dst.timeZone },
      note: transfers.note,
      orderId: transfers.orderId,
      orderNumber: orders.number,
      createdByName: staffUsers.name,
      createdAt: transfers.createdAt,
      shippedAt: transfers.shippedAt,
      receivedAt: transfers.receivedAt,
      cancelledAt: transfers.cancelledAt,
      neededBy: transfers.neededBy,
      expectedOn: transfers.expectedOn,
      decidedByName: decider.name,
      decidedAt: transfers.decidedAt,
      decisionReason: transfers.decisionReason,
    })
    .from(transfers)
    .innerJoin(src, eq(src.id, transfers.sourceLocationId))
    .innerJoin(dst, eq(dst.id, transfers.destinationLocationId))
    .leftJoin(orders, eq(orders.id, transfers.orderId))
    .leftJoin(staffUsers, eq(staffUsers.id, transfers.createdById))
    .leftJoin(decider, eq(decider.id, transfers.decidedById))
    .where(eq(transfers.id, transferId));
  if (!t) return null;
  const lines = await db
    .select({
      variantId: transferLines.variantId,
      sku: variants.sku,
      barcode: variants.barcode,
      productName: products.name,
      variantTitle: variants.title,
      quantity: transferLines.quantity,
      quantityRequested: transferLines.quantityRequested,
      quantityReceived: transferLines.quantityReceived,
    })
    .from(transferLines)
    .innerJoin(variants, eq(variants.id, transferLines.variantId))
    .innerJoin(products, eq(products.id, variants.productId))
    .where(eq(transferLines.transferId, transferId))
    .orderBy(asc(variants.sku));
  return { ...t, lines };
}

/** May this actor see this transfer's details? A manager: when its source or destination is theirs. */
export function canSeeTransfer(
  actor: Actor,
  transfer: { sourceLocationId: string; destinationLocationId: string },
): boolean {
  return (
    can(actor, 'inventory.transfers.view', transfer.sourceLocationId) ||
    can(actor, 'inventory.transfers.view', transfer.destinationLocationId)
  );
}

/**
 * The transfer page's read: 'inventory.transfers.view' before anything is read, then the
 * transfer's two locations alone; a manager whose locations are neither is Forbidden before the
 * details are read. A malformed or unknown id is NotFound. Locations by the names shown in `locale`.
 */
export async function getTransferForActor(
  db: DbOrTx,
  actor: Actor,
  transferId: string,
  locale?: Locale,
): Promise<TransferDetail> {
  if (!can(actor, 'inventory.transfers.view')) throw new Forbidden();
  if (!isUuid(transferId)) throw new NotFound('Transfer');
  const [keys] = await db
    .select({ sourceLocationId: transfers.sourceLocationId, destinationLocationId: transfers.destinationLocationId })
    .from(transfers)
    .where(eq(transfers.id, transferId));
  if (!keys) throw new NotFound('Transfer');
  if (!canSeeTransfer(actor, keys)) throw new Forbidden('This transfer involves none of your locations.');
  const transfer = await findTransfer(db, transferId, locale);
  if (!transfer) throw new NotFound('Transfer');
  return transfer;
}

/**
 * listTransfers limited to what this actor may see: a manager, the transfers that involve their
 * locations; one who may see none (a manager without a location) gets an empty list.
 */
export async function listTransfersForActor(
  db: DbOrTx,
  actor: Actor,
  opts: Omit<Parameters<typeof listTransfers>[1], 'visibleTo'>,
): Promise<TransferPage> {
  if (!can(actor, 'inventory.transfers.view')) return { transfers: [], next: null };
  return listTransfers(db, { ...opts, visibleTo: scopeOf(actor, 'inventory.transfers.view') });
}

/**
 * What the source of a transfer can promise of each of its SKUs now (0 where it holds none): what
 * the location asked sees before it accepts a request.
 */
export async function availableAtSource(db: DbOrTx, transfer: TransferDetail): Promise<Map<string, number>> {
  const ids = transfer.lines.map((l) => l.variantId);
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ variantId: inventoryLevels.variantId, available: availableToPromiseSql(inventoryLevels) })
    .from(inventoryLevels)
    .where(and(eq(inventoryLevels.locationId, transfer.source.id), inArray(inventoryLevels.variantId, ids)));
  const found = new Map(rows.map((r) => [r.variantId, Number(r.available)]));
  return new Map(ids.map((id) => [id, found.get(id) ?? 0]));
}
