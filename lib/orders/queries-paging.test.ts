import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { channels, orders } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { listOrders, ORDERS_PAGE_SIZE } from './queries';
import { ZOrderListQuery } from './schemas';

let handle: DbHandle;
const owner: Actor = { userId: randomUUID(), role: 'owner', locationIds: [] };
/** External ids, oldest first. */
const placed: string[] = [];

// Two full pages whose boundary falls inside one millisecond, in either direction: 48 older
// orders a second apart, four placed a microsecond apart within the same millisecond, 48 newer.
const CLUSTER = [
  '2026-11-10T12:00:00.123001Z',
  '2026-11-10T12:00:00.123002Z',
  '2026-11-10T12:00:00.123003Z',
  '2026-11-10T12:00:00.123004Z',
];
const times = [
  ...Array.from({ length: 48 }, (_, i) => new Date(Date.UTC(2026, 10, 10, 11, 0, i)).toISOString()),
  ...CLUSTER,
  ...Array.from({ length: 48 }, (_, i) => new Date(Date.UTC(2026, 10, 10, 13, 0, i)).toISOString()),
];

beforeAll(async () => {
  handle = await createTestDatabase();
  const [web] = await handle.db.insert(channels).values({ code: 'web', name: 'Web', kind: 'web' }).returning();
  // Written straight to the table: the list is under test, and placed_at keeps every microsecond.
  await handle.db.insert(orders).values(
    times.map((placedAt, i) => ({
      number: `CMP-${200000 + i}`,
      channelId: web.id,
      externalId: `P-${i}`,
      fulfilmentType: 'ship' as const,
      subtotalCents: 1000,
      totalCents: 1000,
      itemCount: 1,
      placedAt: sql`${placedAt}::timestamptz`,
    })),
  );
  placed.push(...times.map((_, i) => `P-${i}`));
});
afterAll(() => handle.close());

/** Every page of the list in one direction, following each page's cursor. */
async function walk(dir: 'asc' | 'desc'): Promise<string[][]> {
  const pages: string[][] = [];
  let after: string | undefined;
  do {
    const page = await listOrders(handle.db, owner, ZOrderListQuery.parse({ dir, ...(after ? { after } : {}) }));
    pages.push(page.rows.map((r) => r.externalId));
    after = page.next ?? undefined;
  } while (after);
  return pages;
}

describe('listOrders pages', () => {
  it('meet every order once, newest first, when a page ends inside a millisecond', async () => {
    const pages = await walk('desc');
    expect(pages[0]).toHaveLength(ORDERS_PAGE_SIZE);
    // The first page ends between 12:00:00.123003 and 12:00:00.123002.
    expect(pages[0].at(-1)).toBe('P-50');
    expect(pages.flat()).toEqual([...placed].reverse());
  });

  it('meet every order once, oldest first, when a page ends inside a millisecond', async () => {
    const pages = await walk('asc');
    expect(pages[0].at(-1)).toBe('P-49');
    expect(pages.flat()).toEqual(placed);
  });
});
