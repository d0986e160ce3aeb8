import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { ServiceUnavailable } from '@/lib/errors';
import { logTo } from '@/lib/log';
import { apiAnswerFrom, toResponse } from './api';
import { orderDeliveryChannel, serveOrderDelivery } from '@/lib/next/order-lane';
import { toActionFailure } from './result';
import { STATIC_SECURITY_HEADERS } from './security-headers';

// The lane in front of a database that fails as the test says (the lane reaches it before anything else).
let failure: Error;
let lane: http.Server;
let laneUrl: string;
const quiet = () => logTo({ write: () => {} });
let restore: () => void;

beforeAll(async () => {
  lane = http.createServer((req, res) => {
    const channel = orderDeliveryChannel(req);
    if (channel === null) res.writeHead(404).end();
    else void serveOrderDelivery(() => Promise.reject<Db>(failure), channel, req, res);
  });
  await new Promise<void>((resolve) => lane.listen(0, '127.0.0.1', resolve));
  laneUrl = `http://127.0.0.1:${(lane.address() as AddressInfo).port}/api/v1/channels/web/orders`;
});
afterAll(() => new Promise((resolve) => lane.close(resolve)));
afterEach(() => restore?.());

describe('contention that outlasted its retries', () => {
  it('is a 503 with Retry-After from the route helpers', async () => {
    const response = toResponse(apiAnswerFrom(new ServiceUnavailable('Busy, retry.', 3)));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: { code: 'unavailable', message: 'Busy, retry.', details: { retryAfterSeconds: 3 } },
    });
  });

  it('is a 503 with Retry-After through the order lane', async () => {
    failure = new ServiceUnavailable('Busy, retry.', 2);
    const response = await fetch(laneUrl, { method: 'POST', body: '{}' });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect((await response.json()).error.code).toBe('unavailable');
  });

  it("is code 'unavailable' for an action, with when to retry", () => {
    expect(toActionFailure(new ServiceUnavailable('Busy, retry.', 5))).toEqual({
      ok: false,
      code: 'unavailable',
      message: 'Busy, retry.',
      details: { retryAfterSeconds: 5 },
    });
  });
});

describe('the order lane', () => {
  it('sends the security headers Next sends, and the request id it was given', async () => {
    restore = quiet();
    failure = new Error('database down');
    const response = await fetch(laneUrl, { method: 'POST', body: '{}', headers: { 'x-request-id': 'support-123' } });
    expect(response.status).toBe(500);
    for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('x-request-id')).toBe('support-123');
    expect((await response.json()).error).toEqual({
      code: 'internal',
      message: 'Unexpected error.',
      details: { requestId: 'support-123' },
    });
  });

  it('sends HSTS when the client came over https', async () => {
    restore = quiet();
    failure = new Error('database down');
    const response = await fetch(laneUrl, { method: 'POST', body: '{}', headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    // A fresh id when the caller sent none, in the header and the body alike.
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await response.json()).error.details.requestId).toBe(id);
  });
});

describe('a value the database refused', () => {
  it('is bad input (400), not a 500: NUL in text, an impossible date, text that is no uuid', () => {
    restore = quiet();
    for (const code of ['22021', '22008', '22P02']) {
      const error = new Error('Failed query: select …', { cause: Object.assign(new Error('invalid'), { code }) });
      expect(apiAnswerFrom(error).status).toBe(400);
      expect(toActionFailure(error)).toMatchObject({ ok: false, code: 'validation_failed' });
    }
    // Anything else the database says is still unexpected.
    expect(
      apiAnswerFrom(new Error('Failed query', { cause: Object.assign(new Error('x'), { code: '23505' }) })).status,
    ).toBe(500);
  });
});
