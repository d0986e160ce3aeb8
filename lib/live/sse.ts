import type { LiveHub } from './hub';
import type { LiveTopic } from './topics';

/**
 * The headers of a live stream. no-transform: a compressing layer (Next's gzip, a proxy) would
 * hold the events back until its buffer fills; X-Accel-Buffering: nginx's equivalent switch.
 */
export const LIVE_STREAM_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'private, no-cache, no-store, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
};

export type LiveStreamOptions = {
  /** Ends the stream (the request's signal: the browser went away). */
  signal?: AbortSignal;
  /** A comment line this often, so that proxies and load balancers keep an idle stream open. */
  heartbeatMs?: number;
  /** What the browser waits before it reconnects after the stream dropped (SSE `retry:`). */
  retryMs?: number;
};

/**
 * A topic as server-sent events: `ready` when the hub listens (again: the page then refetches,
 * having maybe missed something), `stale` when its connection to the database broke (the page
 * polls meanwhile), an unnamed event per announcement (its JSON), and a comment line as heartbeat.
 * Unsubscribes when the signal aborts or the reader cancels.
 */
export function liveStream(
  hub: LiveHub,
  topic: LiveTopic,
  options: LiveStreamOptions = {},
): ReadableStream<Uint8Array> {
  const { signal, heartbeatMs = 15_000, retryMs = 2_000 } = options;
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      send(`retry: ${retryMs}\n: ${topic}\n\n`);
      const unsubscribe = hub.subscribe(topic, {
        onEvent: (event) => send(`data: ${JSON.stringify(event)}\n\n`),
        onListening: (listening) => send(`event: ${listening ? 'ready' : 'stale'}\ndata: {}\n\n`),
      });
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
      const onAbort = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // Already closed or cancelled.
        }
      };
      cleanup = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        signal?.removeEventListener('abort', onAbort);
      };
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort);
    },
    cancel() {
      cleanup();
    },
  });
}
