import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False in the server's HTML and while hydrating, true once JavaScript runs: for the controls a
 * page needs only without it (a GET form's submit button, when its fields already apply as they
 * change), and for those that work only with it (the note form's button, disabled until then).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
