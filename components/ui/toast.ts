'use client';

/**
 * Toasts without sonner in the first load: `toast.success()` / `toast.error()` load sonner and mount
 * the app's <Toaster> (components/ui/toaster.tsx) on the first toast, then raise it. Until then
 * <LazyToaster> in <Providers> renders nothing, so no page pays ~11 KB gzip for a toast it may never
 * show. Import toasts from here, never from 'sonner' (a static import would put sonner back in the
 * page's first-load chunks).
 */
type Kind = 'success' | 'error';
type Pending = { kind: Kind; message: string };

let mountToaster: (() => void) | null = null;
let raise: ((kind: Kind, message: string) => void) | null = null;
const pending: Pending[] = [];

/** Called by <LazyToaster> when it can mount the toaster (it mounts with the app's providers). */
export function registerToasterMount(mount: (() => void) | null): void {
  mountToaster = mount;
  if (mount && pending.length > 0) mount();
}

/** Called by the toaster once sonner is listening: toasts raised while it loaded are shown now. */
export function toasterReady(show: ((kind: Kind, message: string) => void) | null): void {
  raise = show;
  if (!show) return;
  for (const { kind, message } of pending.splice(0)) show(kind, message);
}

function notify(kind: Kind, message: string): void {
  if (raise) return raise(kind, message);
  pending.push({ kind, message });
  mountToaster?.();
}

export const toast = {
  success: (message: string) => notify('success', message),
  error: (message: string) => notify('error', message),
};
