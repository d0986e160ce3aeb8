import type { Db } from '@/db/client';
import { loyaltyEntries } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { can, type Actor } from '@/lib/auth/permissions';
import { Forbidden } from '@/lib/errors';
import { balanceOf, lockLoyaltyCustomer } from './ledger';
import type { ChangePointsInput } from './schemas';
import { insufficientBalance } from './spend';

export type ChangePointsResult = { entryId: string; points: number; balance: number };

/**
 * An agent's (or owner's) redemption or adjustment of a customer's points, with its reason:
 * under the customer's row lock, a debit the balance cannot cover is refused (the balance never
 * goes negative by a redemption), the entry and its audit row in one transaction.
 */
export async function changePoints(db: Db, actor: Actor, input: ChangePointsInput): Promise<ChangePointsResult> {
  if (!can(actor, 'customers.edit')) throw new Forbidden('You cannot change loyalty points.');
  const points = input.kind === 'redeem' ? -Math.abs(input.points) : input.points;
  return db.transaction(async (tx) => {
    const customerId = await lockLoyaltyCustomer(tx, input.customerId);
    const before = await balanceOf(tx, customerId);
    if (points < 0 && before + points < 0) throw insufficientBalance(before, -points);
    const balance = before + points;
    const [entry] = await tx
      .insert(loyaltyEntries)
      .values({
        customerId,
        points,
        kind: input.kind,
        reason: input.reason,
        actorId: actor.userId,
        balanceAfter: balance,
      })
      .returning({ id: loyaltyEntries.id });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: `loyalty.${input.kind}`,
      entityType: 'customer',
      entityId: customerId,
      data: { points, reason: input.reason, before, after: balance },
    });
    return { entryId: entry.id, points, balance };
  });
}
