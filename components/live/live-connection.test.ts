import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce, connectLive, LIVE_RETRY_MS, type EventSourceLike, type LiveState } from './live-connection';

/** A stand-in for the browser's EventSource: the test fires its events. */
class FakeSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private listeners = new Map<string, ((e: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  fire(type: string, data = '{}') {
    for (const l of this.listeners.get(type) ?? []) l({ data } as MessageEvent<string>);
  }
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function connect() {
  const sources: FakeSource[] = [];
  const states: LiveState[] = [];
  const changes: unknown[] = [];
  const close = connectLive({
    topic: 'pickups:9b2c6a56-0d1e-4c43-9a7e-5f1f3c1b2a10',
    onChange: (e) => changes.push(e ?? 'refetch'),
    onState: (s) => states.push(s),
    open: (url) => {
      const s = new FakeSource(url);
      sources.push(s);
      return s;
    },
  });
  return { sources, states, changes, close };
}

describe('connectLive', () => {
  it('is live on ready (and asks for a refetch), passes events on, and is reconnecting when stale', () => {
    const c = connect();
    expect(c.sources[0].url).toBe('/api/backoffice/live?topic=pickups%3A9b2c6a56-0d1e-4c43-9a7e-5f1f3c1b2a10');
    expect(c.states).toEqual(['connecting']);
    c.sources[0].fire('ready');
    c.sources[0].fire('message', '{"topic":"pickups:x","kind":"order.placed","id":"o-1","at":"now"}');
    c.sources[0].fire('message', 'not json');
    c.sources[0].fire('stale');
    c.sources[0].fire('ready');
    expect(c.states).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    expect(c.changes).toEqual([
      'refetch',
      { topic: 'pickups:x', kind: 'order.placed', id: 'o-1', at: 'now' },
      'refetch',
    ]);
  });

  it('lets the browser reconnect a dropped stream, and opens a new one, later each time, when it gave up', () => {
    const c = connect();
    c.sources[0].fire('error'); // readyState CONNECTING: the browser retries
    expect(c.states.at(-1)).toBe('reconnecting');
    expect(c.sources).toHaveLength(1);
    c.sources[0].readyState = 2; // a 403 or a 502: the browser gave up
    c.sources[0].fire('error');
    vi.advanceTimersByTime(LIVE_RETRY_MS[0] - 1);
    expect(c.sources).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(c.sources).toHaveLength(2);
    c.sources[1].readyState = 2;
    c.sources[1].fire('error');
    vi.advanceTimersByTime(LIVE_RETRY_MS[0]);
    expect(c.sources).toHaveLength(2);
    vi.advanceTimersByTime(LIVE_RETRY_MS[1] - LIVE_RETRY_MS[0]);
    expect(c.sources).toHaveLength(3);
    c.sources[2].fire('ready');
    expect(c.states.at(-1)).toBe('live');
    c.close();
    expect(c.sources[2].closed).toBe(true);
  });

  it('stops for good when closed, even with a retry pending', () => {
    const c = connect();
    c.sources[0].readyState = 2;
    c.sources[0].fire('error');
    c.close();
    vi.advanceTimersByTime(60_000);
    expect(c.sources).toHaveLength(1);
  });
});

describe('coalesce', () => {
  it('runs once for a burst, never twice at once, and once more for pokes during a run', async () => {
    let runs = 0;
    let finish: () => void = () => {};
    const c = coalesce(() => {
      runs += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    }, 150);
    c.poke();
    c.poke();
    c.poke();
    await vi.advanceTimersByTimeAsync(149);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    c.poke(); // during the run
    c.poke();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(2);
    finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    c.poke();
    c.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
  });
});
