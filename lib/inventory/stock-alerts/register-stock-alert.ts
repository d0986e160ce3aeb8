import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { locations, stockAlerts, variants } from '@/db/schema';
import type { AuthenticatedChannel } from '@/lib/channels/authenticate';
import { ContactTakenConcurrently, resolveContact } from '@/lib/customers/resolve-contact';
import { DomainError, ServiceUnavailable } from '@/lib/errors';
import { notifyStockAlerts } from './notify-stock-alerts';
import type { RegisterStockAlertInput } from './schemas';

/** A stock alert as the channel API answers it. */
export type StockAlertDto = {
  id: string;
  status: 'waiting' | 'notified' | 'cancelled';
  sku: string;
  /** The store's code; null: online. */
  location: string | null;
  createdAt: string;
  notifiedAt: string | null;
  cancelledAt: string | null;
};

const ATTEMPTS = 3;

/**
 * Registers a customer's wish to be told when a SKU is available at a store or online, for the
 * channel that asks: guarantees one waiting alert per customer, SKU and place — a replay or the
 * same wish again answers the waiting alert (`created: false`) and writes nothing. The customer is
 * found or created by the order rules (resolveContact). A SKU that can already be promised there
 * is told at once, in the same transaction (the answer says notified). Unknown SKU, or a location
 * that is not an active store: unprocessable.
 */
export async function registerStockAlert(
  db: Db,
  channel: Pick<AuthenticatedChannel, 'id' | 'code'>,
  input: RegisterStockAlertInput,
): Promise<{ created: boolean; alert: StockAlertDto }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => register(tx, channel, input));
    } catch (error) {
      // Two first requests of one person (ContactTakenConcurrently) or of one wish (the waiting
      // alert's unique key) at once: the next attempt finds what the other wrote.
      const retry = error instanceof ContactTakenConcurrently || pgCode(error) === '23505';
      if (!retry) throw error;
      if (attempt === ATTEMPTS) throw new ServiceUnavailable();
    }
  }
}

async function register(
  tx: DbOrTx,
  channel: Pick<AuthenticatedChannel, 'id' | 'code'>,
  input: RegisterStockAlertInput,
): Promise<{ created: boolean; alert: StockAlertDto }> {
  const [variant] = await tx.select({ id: variants.id }).from(variants).where(eq(variants.sku, input.sku));
  if (!variant) throw new DomainError('unprocessable', `Unknown SKU "${input.sku}".`, { field: 'sku' });
  let locationId: string | null = null;
  if (input.location) {
    const code = input.location.toUpperCase();
    const [store] = await tx
      .select({ id: locations.id })
      .from(locations)
      .where(and(eq(locations.code, code), eq(locations.kind, 'store'), eq(locations.active, true)));
    if (!store) throw new DomainError('unprocessable', `Unknown store "${code}".`, { field: 'location' });
    locationId = store.id;
  }
  const { email, phone, firstName, lastName, language } = input.customer;
  const customerId = await resolveContact(tx, channel.code, { email, phone, firstName, lastName, locale: language });
  if (!customerId) throw new DomainError('validation_failed', 'The customer needs an e-mail address.');

  const existing = await findWaiting(tx, customerId, variant.id, locationId);
  if (existing) return { created: false, alert: await alertDto(tx, existing) };

  const [alert] = await tx
    .insert(stockAlerts)
    .values({ customerId, variantId: variant.id, locationId, channelId: channel.id, productUrl: input.productUrl })
    .returning({ id: stockAlerts.id });
  await notifyStockAlerts(tx, { variantIds: [variant.id] });
  return { created: true, alert: await alertDto(tx, alert.id) };
}

async function findWaiting(
  tx: DbOrTx,
  customerId: string,
  variantId: string,
  locationId: string | null,
): Promise<string | null> {
  const [row] = await tx
    .select({ id: stockAlerts.id })
    .from(stockAlerts)
    .where(
      and(
        eq(stockAlerts.customerId, customerId),
        eq(stockAlerts.variantId, variantId),
        locationId ? eq(stockAlerts.locationId, locationId) : sql`${stockAlerts.locationId} is null`,
        eq(stockAlerts.status, 'waiting'),
      ),
    );
  return row?.id ?? null;
}

/** The alert as the channel API shows it. */
export async function alertDto(tx: DbOrTx, id: string): Promise<StockAlertDto> {
  const [row] = await tx
    .select({
      id: stockAlerts.id,
      status: stockAlerts.status,
      sku: variants.sku,
      location: locations.code,
      createdAt: stockAlerts.createdAt,
      notifiedAt: stockAlerts.notifiedAt,
      cancelledAt: stockAlerts.cancelledAt,
    })
    .from(stockAlerts)
    .innerJoin(variants, eq(variants.id, stockAlerts.variantId))
    .leftJoin(locations, eq(locations.id, stockAlerts.locationId))
    .where(eq(stockAlerts.id, id));
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    notifiedAt: row.notifiedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
  };
}

function pgCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } } | undefined;
  return e?.code ?? e?.cause?.code;
}
