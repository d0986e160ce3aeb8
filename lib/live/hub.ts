import type { DbHandle, Listening } from '@/db/client';
import { logger } from '@/lib/log';
import { LIVE_CHANNEL, parseLiveTopic, type LiveEvent } from './topics';

/** What a subscriber hears: its topic's events, and whether the hub is listening. */
export type LiveSubscriber = {
  onEvent: (event: LiveEvent) => void;
  /**
   * true once the hub listens (and again after a reconnection: announcements made while it was
   * down are lost, so a subscriber refetches then); false when its connection broke.
   */
  onListening?: (listening: boolean) => void;
};

export type LiveHubOptions = {
  /** How long the connection stays open after the last subscriber left (a page reload comes back at once). */
  lingerMs?: number;
  /** First delay before listening again after a failure; doubles up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
};

type Source = Pick<DbHandle, 'listen'>;

/**
 * One per process and database: a single LISTEN session (see DbHandle.listen) shared by every
 * subscriber of the process, who subscribe per topic. It listens only while someone subscribes
 * (plus a short linger), and after a lost connection listens again with back-off.
 */
export class LiveHub {
  private readonly topics = new Map<string, Set<LiveSubscriber>>();
  private session: Listening | null = null;
  private opening: Promise<void> | null = null;
  private listening = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private lingerTimer: NodeJS.Timeout | null = null;
  private readonly lingerMs: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;

  constructor(
    private readonly source: Source,
    options: LiveHubOptions = {},
  ) {
    this.lingerMs = options.lingerMs ?? 10_000;
    this.backoffMs = options.backoffMs ?? 250;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
  }

  /** Whether the hub is listening now. */
  get isListening(): boolean {
    return this.listening;
  }

  /** How many subscriptions are open, over every topic. */
  get subscriptions(): number {
    let n = 0;
    for (const set of this.topics.values()) n += set.size;
    return n;
  }

  /** Hears `topic`'s events until the returned function is called. */
  subscribe(topic: string, subscriber: LiveSubscriber): () => void {
    let set = this.topics.get(topic);
    if (!set) this.topics.set(topic, (set = new Set()));
    set.add(subscriber);
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = null;
    if (this.listening) subscriber.onListening?.(true);
    else this.start();
    return () => {
      const current = this.topics.get(topic);
      if (!current?.delete(subscriber)) return;
      if (current.size === 0) this.topics.delete(topic);
      if (this.topics.size === 0) this.scheduleStop();
    };
  }

  /** Resolves once the hub listens (subscribe first). */
  async whenListening(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.listening) {
      if (Date.now() > deadline) throw new Error('the live hub is not listening');
      await (this.opening ?? new Promise((resolve) => setTimeout(resolve, 25)));
    }
  }

  /** Stops listening and forgets every subscriber (process shutdown, tests). */
  async close(): Promise<void> {
    this.topics.clear();
    await this.stop();
  }

  private start(): void {
    if (this.session || this.opening || this.retryTimer) return;
    this.opening = this.open().finally(() => (this.opening = null));
  }

  private async open(): Promise<void> {
    try {
      const session: Listening = await this.source.listen(
        LIVE_CHANNEL,
        (payload) => this.dispatch(payload),
        (error) => this.lost(session, error),
      );
      if (this.topics.size === 0) {
        // Everyone left while it connected.
        await session.close();
        return;
      }
      this.session = session;
      this.failures = 0;
      this.setListening(true);
    } catch (error) {
      logger().warn({ where: 'live hub', err: error }, 'could not LISTEN for live updates; retrying');
      this.retry();
    }
  }

  private lost(session: Listening, error: Error): void {
    if (this.session !== session) return;
    logger().warn({ where: 'live hub', err: error }, 'the live updates connection was lost; listening again');
    this.session = null;
    this.setListening(false);
    this.retry();
  }

  private retry(): void {
    if (this.topics.size === 0 || this.retryTimer) return;
    const delay = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** this.failures++);
    // Jitter: instances that lost the server together do not all come back in the same instant.
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = null;
        this.start();
      },
      delay * (0.75 + Math.random() / 2),
    );
    this.retryTimer.unref();
  }

  private scheduleStop(): void {
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = setTimeout(() => {
      this.lingerTimer = null;
      if (this.topics.size === 0) void this.stop();
    }, this.lingerMs);
    this.lingerTimer.unref();
  }

  private async stop(): Promise<void> {
    for (const timer of [this.retryTimer, this.lingerTimer]) if (timer) clearTimeout(timer);
    this.retryTimer = this.lingerTimer = null;
    await this.opening;
    const session = this.session;
    this.session = null;
    this.listening = false;
    this.failures = 0;
    if (session) this.setListening(false);
    await session?.close();
    // Someone subscribed while it closed.
    if (this.topics.size > 0) this.start();
  }

  private setListening(listening: boolean): void {
    this.listening = listening;
    for (const set of this.topics.values()) for (const s of set) s.onListening?.(listening);
  }

  private dispatch(payload: string): void {
    let event: LiveEvent;
    try {
      event = JSON.parse(payload) as LiveEvent;
    } catch {
      return;
    }
    const set = typeof event?.topic === 'string' ? this.topics.get(event.topic) : undefined;
    if (!set || !parseLiveTopic(event.topic)) return;
    for (const s of set) {
      try {
        s.onEvent(event);
      } catch (error) {
        logger().error({ where: 'live hub', err: error }, 'a live subscriber failed');
      }
    }
  }
}

// One hub per process and database handle; on globalThis, as the handle is (next dev reloads
// modules, and the custom server and Next's bundle each load this module).
const globalForHubs = globalThis as unknown as { comptoirLiveHubs?: WeakMap<object, LiveHub> };

/** The process's hub for this database. */
export function liveHubFor(handle: DbHandle): LiveHub {
  const hubs = (globalForHubs.comptoirLiveHubs ??= new WeakMap());
  let hub = hubs.get(handle);
  if (!hub) hubs.set(handle, (hub = new LiveHub(handle)));
  return hub;
}
