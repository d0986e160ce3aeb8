import { getDb } from '@/db/client';
import { toResponse } from '@/lib/http/api';
import { readBalance } from '@/lib/loyalty/channel-api';

export const dynamic = 'force-dynamic';

/**
 * A customer's loyalty balance: GET /api/v1/loyalty/balance?channel=web&loyaltyId=FID-… (or
 * &email=…), Authorization: Bearer <channel read token>.
 */
export async function GET(request: Request) {
  const answer = await readBalance(
    await getDb(),
    new URL(request.url).searchParams,
    request.headers.get('authorization'),
  );
  return toResponse(answer);
}
