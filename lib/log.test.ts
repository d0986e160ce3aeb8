import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { apiAnswerFrom } from '@/lib/http/api';
import { toActionFailure } from '@/lib/http/result';
import { describeError, logger, logTo, queryName, withRequestId } from '@/lib/log';

const EMAIL = 'lea.dubois@example.fr';
const PHONE = '+33612345678';

let handle: DbHandle;
let lines: string[];
let restore: () => void;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle.close());
afterEach(() => restore?.());

function capture() {
  lines = [];
  restore = logTo({ write: (line: string) => void lines.push(line) });
}
const logged = () => lines.join('');
const entries = () => lines.map((l) => JSON.parse(l));

/** A real failed statement: Drizzle's error says "params: <email>,<phone>", pg's detail quotes the email. */
async function failedQueryWithPersonalData(): Promise<unknown> {
  const insert = () =>
    handle.db.execute(
      sql`insert into staff_users (email, name, password_hash, role) values (${EMAIL}, ${PHONE}, 'x', 'agent')`,
    );
  await insert().catch(() => {});
  try {
    await insert();
  } catch (error) {
    return error;
  }
  throw new Error('the statement should have failed');
}

describe('logging unexpected errors', () => {
  it('the failed query really carries the personal data (else this file proves nothing)', async () => {
    const error = (await failedQueryWithPersonalData()) as Error & { cause?: Error & { detail?: string } };
    expect(error.message).toContain(EMAIL);
    expect(error.message).toContain(PHONE);
    expect(error.cause?.detail).toContain(EMAIL);
  });

  it('an API 500 logs request id, SQLSTATE and the query name, without email, phone or params', async () => {
    const error = await failedQueryWithPersonalData();
    capture();
    const answer = withRequestId('req-42', () => apiAnswerFrom(error));
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      error: { code: 'internal', message: 'Unexpected error.', details: { requestId: 'req-42' } },
    });
    expect(answer.headers).toEqual({ 'x-request-id': 'req-42' });
    const [entry] = entries();
    expect(entry).toMatchObject({ level: 'error', requestId: 'req-42', where: 'api' });
    expect(entry.err).toMatchObject({ name: 'DrizzleQueryError', code: '23505', query: 'insert into staff_users' });
    expect(entry.err.cause).toMatchObject({ constraint: 'staff_users_email_unique', table: 'staff_users' });
    expect(logged()).not.toContain(EMAIL);
    expect(logged()).not.toContain('lea.dubois');
    expect(logged()).not.toContain('612345678');
    expect(logged()).not.toMatch(/params/i);
  });

  it('an action failure logs the same way and hands the request id to the UI', async () => {
    const error = await failedQueryWithPersonalData();
    capture();
    const failure = toActionFailure(error);
    expect(failure).toMatchObject({ ok: false, code: 'internal' });
    const requestId = failure.details?.requestId;
    expect(typeof requestId).toBe('string');
    expect(entries()[0]).toMatchObject({ requestId, where: 'action', err: { code: '23505' } });
    expect(logged()).not.toContain(EMAIL);
    expect(logged()).not.toContain('612345678');
  });

  it("drops pg's detail and hint, and values quoted in the message", () => {
    const pgLike = Object.assign(
      new Error(`duplicate key value violates unique constraint "customers_email_key" for "${EMAIL}"`),
      {
        name: 'DatabaseError',
        code: '23505',
        detail: `Key (email)=(${EMAIL}) already exists.`,
        hint: `call ${PHONE}`,
        constraint: 'customers_email_key',
        table: 'customers',
      },
    );
    const described = describeError(new Error(`Failed to save ${EMAIL} / 06 12 34 56 78`, { cause: pgLike }));
    expect(described).toMatchObject({
      code: '23505',
      cause: { constraint: 'customers_email_key', table: 'customers' },
    });
    const text = JSON.stringify(described);
    expect(text).not.toContain(EMAIL);
    expect(text).not.toContain('12 34 56');
    expect(text).not.toContain('already exists');
  });

  it('redacts contact and credential fields wherever they sit', () => {
    capture();
    logger().info(
      {
        order: { customer: { email: EMAIL, phone: PHONE, firstName: 'Léa' }, shippingAddress: { line1: '1 rue' } },
        authorization: 'Bearer x',
        params: [EMAIL],
      },
      'order seen',
    );
    expect(logged()).not.toContain(EMAIL);
    expect(logged()).not.toContain(PHONE);
    expect(logged()).not.toContain('Léa');
    expect(logged()).not.toContain('Bearer');
    expect(entries()[0].order.customer.email).toBe('[redacted]');
  });
});

describe('queryName', () => {
  it('names the statement by its verb and table', () => {
    expect(queryName('insert into "orders" ("id", "number") values ($1, $2)')).toBe('insert into orders');
    expect(queryName('update "inventory_levels" set "on_hand" = $1')).toBe('update inventory_levels');
    expect(queryName('with c as (select 1) select o.id from orders o')).toBe('select … from orders');
    expect(queryName('VACUUM ANALYZE customers')).toBe('vacuum analyze customers');
  });
});
