import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RECENT_CUSTOMERS_MAX, recentIdsFrom, withRecent } from './recent-cookie';

describe('the recent profiles cookie', () => {
  const me = randomUUID();
  it('puts the profile opened first, once, and keeps the last eight', () => {
    const ids = Array.from({ length: 10 }, () => randomUUID());
    let cookie: string | undefined;
    for (const id of ids) cookie = withRecent(cookie, me, id);
    cookie = withRecent(cookie, me, ids[5]);
    const listed = recentIdsFrom(cookie, me);
    expect(listed).toHaveLength(RECENT_CUSTOMERS_MAX);
    expect(listed[0]).toBe(ids[5]);
    expect(listed.filter((id) => id === ids[5])).toHaveLength(1);
    expect(listed).not.toContain(ids[0]);
  });

  it('gives another user, or a cookie that is not a list of ids, nothing', () => {
    const cookie = withRecent(undefined, me, randomUUID());
    expect(recentIdsFrom(cookie, randomUUID())).toEqual([]);
    expect(recentIdsFrom(`${me}:drop table.x`, me)).toEqual([]);
    expect(recentIdsFrom(undefined, me)).toEqual([]);
    expect(recentIdsFrom(encodeURIComponent(cookie), me)).toHaveLength(1);
  });
});
