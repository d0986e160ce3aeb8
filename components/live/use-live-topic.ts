'use client';

import { useEffect, useRef, useState } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { LiveEvent, LiveTopic } from '@/lib/live/topics';
import { coalesce, connectLive, type LiveState } from './live-connection';

export type { LiveState } from './live-connection';

/**
 * Follows `topic` (connectLive): `onChange` gets each event, and is called without one whenever
 * the stream becomes live, the first time included — the page then refetches what it may have
 * missed. Returns the stream's state.
 */
export function useLiveTopic(topic: LiveTopic | null, onChange: (event?: LiveEvent) => void): LiveState {
  // The state of one topic's stream: a new topic starts as 'connecting' without an extra render.
  const [status, setStatus] = useState<{ topic: LiveTopic | null; state: LiveState }>({ topic, state: 'connecting' });
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  });
  useEffect(() => {
    if (!topic) return;
    return connectLive({
      topic,
      onChange: (event) => callback.current(event),
      onState: (state) => setStatus({ topic, state }),
    });
  }, [topic]);
  if (!topic) return 'off';
  return status.topic === topic ? status.state : 'connecting';
}

export type LiveInvalidationOptions = {
  /** How often the list refetches while the stream is not live (ms). */
  pollMs?: number;
  /** Events closer than this make one refetch (ms). */
  debounceMs?: number;
};

/**
 * Keeps a TanStack Query list fresh from `topic`: an event (or a burst of them) invalidates
 * `queryKey`, which refetches in place — the rows stay until the new ones arrive, so the list keeps
 * its scroll and selection as long as it renders by stable ids. Returns the state and the
 * `refetchInterval` to give the query: polling only while the stream is not live.
 *
 *   const live = useLiveInvalidation(liveTopic.pickups(locationId), ['pickups', locationId]);
 *   useQuery({ queryKey: ['pickups', locationId], queryFn, refetchInterval: live.refetchInterval });
 */
export function useLiveInvalidation(
  topic: LiveTopic | null,
  queryKey: QueryKey,
  options: LiveInvalidationOptions = {},
): { state: LiveState; refetchInterval: number | false } {
  const { pollMs = 10_000, debounceMs = 150 } = options;
  const client = useQueryClient();
  const key = useRef(queryKey);
  useEffect(() => {
    key.current = queryKey;
  });
  const refetch = useRef<ReturnType<typeof coalesce> | null>(null);
  useEffect(() => {
    const coalesced = coalesce(() => client.invalidateQueries({ queryKey: key.current }), debounceMs);
    refetch.current = coalesced;
    return coalesced.cancel;
  }, [client, debounceMs]);
  const state = useLiveTopic(topic, () => refetch.current?.poke());
  return { state, refetchInterval: state === 'live' ? false : pollMs };
}
