import pg from 'pg';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { announceSql } from './announce';
import { LiveHub } from './hub';
import { liveTopic, type LiveEvent } from './topics';

// Two app instances on one PostgreSQL: each its own pool and hub, as two servers behind a load balancer.
let handle: DbHandle;
let instances: DbHandle[] = [];
let url: string;
const topic = liveTopic.pickups('9b2c6a56-0d1e-4c43-9a7e-5f1f3c1b2a10');

beforeAll(async () => {
  handle = await createTestDatabase();
  // The test database's own URL: its pool (Drizzle's $client) knows it.
  url = (handle.db as unknown as { $client: pg.Pool }).$client.options.connectionString!;
  instances = [openPostgres(url, 2), openPostgres(url, 2)];
});
afterAll(async () => {
  await Promise.all(instances.map((i) => i.close()));
  await handle?.close();
});

async function waitFor(check: () => boolean, ms = 3000) {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  return check();
}

describe('the live hub on PostgreSQL', () => {
  it('reaches every instance: two hubs, two connections, hear an announcement made from a third', async () => {
    const hubs = instances.map((i) => new LiveHub(i));
    const heard: LiveEvent[][] = [[], []];
    hubs.forEach((hub, i) => hub.subscribe(topic, { onEvent: (e) => heard[i].push(e) }));
    try {
      await Promise.all(hubs.map((h) => h.whenListening()));
      const third = new pg.Client({ connectionString: url });
      await third.connect();
      try {
        await third.query('begin');
        const { sql: text, params } = new PgDialect().sqlToQuery(
          sql`select ${announceSql(sql`${topic}`, 'pickup.changed', sql`${'from-third'}`)}`,
        );
        await third.query(text, params);
        await third.query('commit');
      } finally {
        await third.end();
      }
      expect(await waitFor(() => heard.every((h) => h.length === 1))).toBe(true);
      for (const h of heard) expect(h[0]).toMatchObject({ topic, kind: 'pickup.changed', id: 'from-third' });
    } finally {
      await Promise.all(hubs.map((h) => h.close()));
    }
  });

  it('listens again after its connection is cut, and tells its subscribers both times', async () => {
    const hub = new LiveHub(instances[0], { backoffMs: 20 });
    const states: boolean[] = [];
    const events: LiveEvent[] = [];
    hub.subscribe(topic, { onEvent: (e) => events.push(e), onListening: (l) => states.push(l) });
    try {
      await hub.whenListening();
      // What a server restart or a network cut does to the hub's connection.
      const { rows } = await handle.db.execute<{ n: number }>(
        sql`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
            where datname = current_database() and query ilike 'LISTEN %' and pid <> pg_backend_pid()`,
      );
      expect(rows[0].n).toBe(1);
      expect(await waitFor(() => states.length >= 3)).toBe(true);
      expect(states).toEqual([true, false, true]);
      await handle.db.execute(sql`select ${announceSql(sql`${topic}`, 'pickup.changed', sql`${'after-cut'}`)}`);
      expect(await waitFor(() => events.length === 1)).toBe(true);
      expect(events[0].id).toBe('after-cut');
    } finally {
      await hub.close();
    }
  });
});
