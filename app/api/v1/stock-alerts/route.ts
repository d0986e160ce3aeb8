import { getDb } from '@/db/client';
import { toResponse } from '@/lib/http/api';
import { cancelStockAlert } from '@/lib/inventory/stock-alerts/cancel-stock-alert';
import { handleSignedStockAlertRequest, MAX_STOCK_ALERT_BODY_BYTES } from '@/lib/inventory/stock-alerts/deliver';
import { registerStockAlert } from '@/lib/inventory/stock-alerts/register-stock-alert';
import { ZCancelStockAlertInput, ZRegisterStockAlertInput } from '@/lib/inventory/stock-alerts/schemas';
import { readOrderBody } from '@/lib/orders/deliver-order';

export const dynamic = 'force-dynamic';

function signed(request: Request, rawBody: string | null) {
  return {
    channel: new URL(request.url).searchParams.get('channel'),
    rawBody,
    signature: request.headers.get('x-comptoir-signature'),
  };
}

/**
 * POST /api/v1/stock-alerts?channel=web, signed like order deliveries: tell this customer when the
 * SKU is available at this store (or online). 201 with the new alert; 200 with the waiting one
 * for a replay or the same wish.
 */
export async function POST(request: Request) {
  const rawBody = await readOrderBody(request, MAX_STOCK_ALERT_BODY_BYTES);
  const db = await getDb();
  const answer = await handleSignedStockAlertRequest(
    db,
    signed(request, rawBody),
    ZRegisterStockAlertInput,
    async (channel, input) => {
      const r = await registerStockAlert(db, channel, input);
      return { status: r.created ? 201 : 200, body: { alert: r.alert } };
    },
  );
  return toResponse(answer);
}

/** DELETE /api/v1/stock-alerts?channel=web with the signed body { "id": "…" }: the alert will not be told. */
export async function DELETE(request: Request) {
  const rawBody = await readOrderBody(request, MAX_STOCK_ALERT_BODY_BYTES);
  const db = await getDb();
  const answer = await handleSignedStockAlertRequest(
    db,
    signed(request, rawBody),
    ZCancelStockAlertInput,
    async (channel, input) => ({ status: 200, body: { alert: await cancelStockAlert(db, channel, input) } }),
  );
  return toResponse(answer);
}
