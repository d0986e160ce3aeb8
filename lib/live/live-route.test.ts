import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useDatabaseInThisProcess, type DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { makeInventoryWorld, type InventoryWorld } from '@/lib/testing/fixtures';
import { signIn } from '@/lib/testing/session';
import { announce } from './announce';
import { liveHubFor } from './hub';
import { liveTopic } from './topics';

// The session is Auth.js's cookie, which a test has not got: the signed-in staff member is set here.
vi.mock('@/lib/next/session', () => import('@/lib/testing/session'));
const { GET } = await import('@/app/api/backoffice/live/route');

let handle: DbHandle;
let w: InventoryWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabaseInThisProcess(handle);
  w = await makeInventoryWorld(handle.db);
});
afterAll(async () => {
  await liveHubFor(handle).close();
  await handle?.close();
});

function get(topic: string, signal?: AbortSignal) {
  return GET(new Request(`http://localhost/api/backoffice/live?topic=${encodeURIComponent(topic)}`, { signal }));
}

/** Reads the stream until `text` has arrived (or fails after `ms`). */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string, ms = 3000) {
  const decoder = new TextDecoder();
  let seen = '';
  const until = Date.now() + ms;
  while (!seen.includes(text)) {
    if (Date.now() > until) throw new Error(`"${text}" never came; got: ${seen}`);
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before "${text}"; got: ${seen}`);
    seen += decoder.decode(value, { stream: true });
  }
  return seen;
}

describe('GET /api/backoffice/live', () => {
  it('refuses a manager another store’s queue, with a message', async () => {
    signIn(w.manager);
    const res = await get(liveTopic.pickups(w.lyon));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      error: { code: 'forbidden', message: expect.stringMatching(/locations/) },
    });
  });

  it('refuses an agent the pickup queue, which is not theirs to see', async () => {
    signIn(w.agent);
    expect((await get(liveTopic.pickups(w.paris))).status).toBe(403);
  });

  it('refuses a topic it does not know, with a message', async () => {
    signIn(w.owner);
    for (const topic of ['', 'pickups:', 'pickups:PAR', `kpis:${w.paris}`, `pickups:${w.paris}:x`]) {
      const res = await get(topic);
      expect(res.status, topic).toBe(400);
      expect(await res.json()).toMatchObject({ error: { message: expect.stringMatching(/topic=pickups:/) } });
    }
  });

  it('refuses a signed-out caller before reading the topic', async () => {
    signIn(null);
    expect((await get('nonsense')).status).toBe(403);
  });

  it('streams the manager’s own queue: ready, then each announcement, and lets go when the browser leaves', async () => {
    signIn(w.manager);
    const topic = liveTopic.pickups(w.paris);
    const abort = new AbortController();
    const res = await get(topic, abort.signal);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toMatch(/no-transform/);
    const reader = res.body!.getReader();
    expect(await readUntil(reader, 'event: ready')).toMatch(/^retry: \d+/);
    await announce(handle.db, topic, { kind: 'pickup.changed', id: 'p-42' });
    const data = await readUntil(reader, '"p-42"');
    const event = JSON.parse(/data: (\{.*"p-42".*\})/.exec(data)![1]);
    expect(event).toMatchObject({ topic, kind: 'pickup.changed', id: 'p-42' });
    expect(liveHubFor(handle).subscriptions).toBe(1);
    abort.abort();
    expect(liveHubFor(handle).subscriptions).toBe(0);
    expect((await reader.read()).done).toBe(true);
  });
});
