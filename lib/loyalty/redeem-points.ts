import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { loyaltyEntries } from '@/db/schema';
import { DomainError, NotFound } from '@/lib/errors';
import { balanceOf, lockLoyaltyCustomer } from './ledger';
import { findLoyaltyCustomer } from './queries';
import type { RedeemPointsRequest } from './schemas';
import { insufficientBalance } from './spend';

export type Redemption = { id: string; redemptionId: string; points: number; balance: number; at: string };
export type RedeemResult = { created: boolean; redemption: Redemption };

/**
 * A channel spends a customer's points, once per redemption id: the same (channel, id) again
 * answers the first redemption and writes nothing (the unique index decides between two at
 * once). Under the customer's row lock, a redemption the balance cannot cover is refused (409)
 * and writes nothing, so the balance never goes negative by a redemption.
 */
export async function redeemPoints(
  db: Db,
  channel: { id: string },
  key: string,
  input: RedeemPointsRequest,
): Promise<RedeemResult> {
  const first = await findRedemption(db, channel.id, key);
  if (first) return { created: false, redemption: first };
  try {
    return await db.transaction(async (tx) => {
      const found = await findLoyaltyCustomer(tx, input);
      if (!found) throw new NotFound('Customer');
      const customerId = await lockLoyaltyCustomer(tx, found);
      // Under the lock: a concurrent delivery of the same redemption may have just committed.
      const replay = await findRedemption(tx, channel.id, key);
      if (replay) return { created: false, redemption: replay };
      const before = await balanceOf(tx, customerId);
      if (before < input.points) throw insufficientBalance(before, input.points);
      const [row] = await tx
        .insert(loyaltyEntries)
        .values({
          customerId,
          points: -input.points,
          kind: 'redeem',
          channelId: channel.id,
          idempotencyKey: key,
          reason: input.reason || null,
          balanceAfter: before - input.points,
        })
        .returning();
      return { created: true, redemption: view(row) };
    });
  } catch (error) {
    // The same id taken at once for another customer: the first one's answer.
    if (
      (error as { code?: string }).code === '23505' ||
      (error as { cause?: { code?: string } }).cause?.code === '23505'
    ) {
      const won = await findRedemption(db, channel.id, key);
      if (won) return { created: false, redemption: won };
      throw new DomainError('conflict', 'This redemption is being delivered concurrently; retry.');
    }
    throw error;
  }
}

async function findRedemption(db: DbOrTx, channelId: string, key: string): Promise<Redemption | null> {
  const [row] = await db
    .select()
    .from(loyaltyEntries)
    .where(and(eq(loyaltyEntries.channelId, channelId), eq(loyaltyEntries.idempotencyKey, key)));
  return row ? view(row) : null;
}

function view(row: typeof loyaltyEntries.$inferSelect): Redemption {
  return {
    id: row.id,
    redemptionId: row.idempotencyKey ?? '',
    points: -row.points,
    balance: row.balanceAfter ?? 0,
    at: row.at.toISOString(),
  };
}
