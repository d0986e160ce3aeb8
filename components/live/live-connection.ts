import type { LiveEvent, LiveTopic } from '@/lib/live/topics';

/**
 * Where a page's live updates stand: `connecting` until the server listens for it, `live` while
 * it does, `reconnecting` while the stream or the server's database connection is down (the page
 * polls meanwhile), `off` without a topic.
 */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'off';

export const LIVE_ENDPOINT = '/api/backoffice/live';

/** Our own reconnection, when the browser gives up (an answer that is no stream: a 403, a 502). */
export const LIVE_RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** The part of the browser's EventSource used here, so that a test can hand in its own. */
export type EventSourceLike = {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
};

export type LiveConnectionOptions = {
  topic: LiveTopic;
  /** An event, or none when the page may have missed some (each time the stream becomes live). */
  onChange: (event?: LiveEvent) => void;
  onState: (state: LiveState) => void;
  open?: (url: string) => EventSourceLike;
  /** EventSource.CLOSED. */
  closedState?: number;
};

/**
 * One topic followed over server-sent events (GET /api/backoffice/live), without React: the
 * server's `ready` makes it live (and asks for a refetch: between the page's render and the
 * stream's start, or while it was down, something may have changed), `stale` or a dropped stream
 * makes it reconnecting. The browser reconnects a dropped stream by itself; when it gives up (the
 * answer was no stream) this opens a new one, waiting longer each time. Returns the closer.
 */
export function connectLive(options: LiveConnectionOptions): () => void {
  const { topic, onChange, onState } = options;
  const open = options.open ?? ((url: string) => new EventSource(url));
  const closedState = options.closedState ?? 2;
  let source: EventSourceLike | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let closed = false;
  const connect = () => {
    const current = open(`${LIVE_ENDPOINT}?topic=${encodeURIComponent(topic)}`);
    source = current;
    current.addEventListener('ready', () => {
      failures = 0;
      onState('live');
      onChange();
    });
    current.addEventListener('stale', () => onState('reconnecting'));
    current.addEventListener('message', (message) => {
      let event: LiveEvent;
      try {
        event = JSON.parse(String(message.data)) as LiveEvent;
      } catch {
        return;
      }
      onChange(event);
    });
    current.addEventListener('error', () => {
      if (closed || source !== current) return;
      onState('reconnecting');
      if (current.readyState === closedState) {
        current.close();
        retry = setTimeout(connect, LIVE_RETRY_MS[Math.min(failures++, LIVE_RETRY_MS.length - 1)]);
      }
    });
  };
  onState('connecting');
  connect();
  return () => {
    closed = true;
    clearTimeout(retry);
    source?.close();
  };
}

/**
 * `run` once for a burst of `poke()`s: the first poke waits `delayMs` for the rest of the burst;
 * runs never overlap, and pokes during a run make one more run after it (a fetch that started
 * before a change committed may not show it). Returns poke and a cancel for unmounting.
 */
export function coalesce(run: () => Promise<unknown>, delayMs: number): { poke: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let pending = false;
  let cancelled = false;
  const flush = async () => {
    timer = undefined;
    running = true;
    while (pending && !cancelled) {
      pending = false;
      await run().catch(() => undefined);
    }
    running = false;
  };
  return {
    poke: () => {
      pending = true;
      if (timer === undefined && !running && !cancelled) timer = setTimeout(() => void flush(), delayMs);
    },
    cancel: () => {
      cancelled = true;
      clearTimeout(timer);
    },
  };
}
