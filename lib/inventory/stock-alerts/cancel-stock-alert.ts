import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { stockAlerts } from '@/db/schema';
import type { AuthenticatedChannel } from '@/lib/channels/authenticate';
import { IllegalTransition, NotFound } from '@/lib/errors';
import { alertDto, type StockAlertDto } from './register-stock-alert';
import type { CancelStockAlertInput } from './schemas';

/**
 * Cancels a waiting alert the channel registered: it will never be told. Cancelling it again
 * answers the cancelled alert; one already told cannot be cancelled (illegal_transition); another
 * channel's alert, or none, is not found.
 */
export async function cancelStockAlert(
  db: Db,
  channel: Pick<AuthenticatedChannel, 'id'>,
  input: CancelStockAlertInput,
): Promise<StockAlertDto> {
  return db.transaction(async (tx) => {
    const mine = and(eq(stockAlerts.id, input.id), eq(stockAlerts.channelId, channel.id));
    const [row] = await tx.select({ status: stockAlerts.status }).from(stockAlerts).where(mine).for('update');
    if (!row) throw new NotFound('Stock alert');
    if (row.status === 'notified') throw new IllegalTransition('notified', 'cancelled');
    if (row.status === 'waiting') {
      await tx
        .update(stockAlerts)
        .set({ status: 'cancelled', cancelledAt: sql`now()` })
        .where(mine);
    }
    return alertDto(tx, input.id);
  });
}
