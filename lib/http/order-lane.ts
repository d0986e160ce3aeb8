import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '@/db/client';
import { apiErrorAnswer, type ApiAnswer } from '@/lib/http/api';
import { deliverOrder, MAX_ORDER_BODY_BYTES, orderBodyTooLarge } from '@/lib/orders/deliver-order';

const DELIVERY_PATH = /^\/api\/v1\/channels\/([^/?#]+)\/orders(?:\?.*)?$/;

/**
 * The channel code of an order delivery (POST /api/v1/channels/{channel}/orders), or null
 * for any other request, which stays Next's.
 */
export function orderDeliveryChannel(req: IncomingMessage): string | null {
  if (req.method !== 'POST' || !req.url) return null;
  const match = DELIVERY_PATH.exec(req.url);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/**
 * Answers an order delivery straight from Node's request: the same deliverOrder, and so the
 * same answers, as the App Router route, without the framework's per-request work — on the
 * hottest path of the app, that work costs more CPU than the order itself.
 */
export async function serveOrderDelivery(db: () => Promise<Db>, channel: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let answer: ApiAnswer;
  try {
    const rawBody = await readBody(req, MAX_ORDER_BODY_BYTES);
    answer =
      rawBody === null
        ? orderBodyTooLarge()
        : await deliverOrder(await db(), { channel, rawBody, signature: headerOf(req, 'x-comptoir-signature') });
  } catch (error) {
    console.error(error);
    answer = apiErrorAnswer('internal', 'Unexpected error.');
  }
  const body = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? null);
}

/** The body as UTF-8, or null once it passes `limit` bytes (the rest is drained, not kept). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
