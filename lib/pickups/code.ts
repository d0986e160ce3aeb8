import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { pickups } from '@/db/schema';
import { PICKUP_CODE_LENGTH } from './code-format';

export { formatPickupCode, parsePickupCode, PICKUP_CODE_LENGTH } from './code-format';

/**
 * A fresh pickup code for a store: random (not guessable from the order), and unlike every code
 * of the store's parcels now on the shelf. The unique index pickups_ready_code_key settles the
 * rare race of two parcels made ready at once with the same draw (one transaction then fails
 * and is retried).
 */
export async function issuePickupCode(tx: DbOrTx, locationId: string): Promise<string> {
  const taken = await tx
    .select({ code: pickups.code })
    .from(pickups)
    .where(and(eq(pickups.locationId, locationId), eq(pickups.state, 'ready')));
  const used = new Set(taken.map((r) => r.code));
  for (;;) {
    const code = String(randomInt(0, 10 ** PICKUP_CODE_LENGTH)).padStart(PICKUP_CODE_LENGTH, '0');
    if (!used.has(code)) return code;
  }
}
