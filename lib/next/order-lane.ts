import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '@/db/client';
import { apiAnswerFrom, type ApiAnswer } from '@/lib/http/api';
import { API_CONTENT_SECURITY_POLICY, securityHeaders, servedOverHttps } from '@/lib/http/security-headers';
import { requestIdFrom, withRequestId } from '@/lib/log';
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
 * hottest path of the app, that work costs more CPU than the order itself. It sends the security
 * headers Next would have sent (lib/http/security-headers.ts) and the request's id.
 */
export async function serveOrderDelivery(
  db: () => Promise<Db>,
  channel: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const requestId = requestIdFrom(headerOf(req, 'x-request-id'));
  let tooLarge = false;
  const answer = await withRequestId(requestId, async (): Promise<ApiAnswer> => {
    try {
      const rawBody = await readBody(req, MAX_ORDER_BODY_BYTES);
      tooLarge = rawBody === null;
      return rawBody === null
        ? orderBodyTooLarge()
        : await deliverOrder(await db(), { channel, rawBody, signature: headerOf(req, 'x-comptoir-signature') });
    } catch (error) {
      return apiAnswerFrom(error, requestId);
    }
  });
  const body = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    ...laneSecurityHeaders(req),
    ...answer.headers,
    'x-request-id': requestId,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...(tooLarge ? { connection: 'close' } : {}),
  });
  res.end(body);
}

function laneSecurityHeaders(req: IncomingMessage): Record<string, string> {
  const encrypted = 'encrypted' in req.socket && req.socket.encrypted === true;
  return securityHeaders({
    contentSecurityPolicy: API_CONTENT_SECURITY_POLICY,
    https: servedOverHttps(headerOf(req, 'x-forwarded-proto'), encrypted),
  });
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? null);
}

/**
 * The body as UTF-8, or null when it is larger than `limit` bytes: refused unread when its
 * declared length says so, else reading stops at the first byte past the limit (the answer then
 * closes the connection rather than take in the rest).
 */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  if (Number(req.headers['content-length']) > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
