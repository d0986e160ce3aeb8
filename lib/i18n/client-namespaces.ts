import type { Namespace } from './messages';

/**
 * What client components on every page translate: the shell, dialogs, toasts, error views, action
 * errors, a live list's status (components/live: any area's list may be live) and the customer
 * search of the command palette (Ctrl/Cmd+K, for owners and agents, on every page).
 */
const SHELL = [
  'app',
  'common',
  'nav',
  'shell',
  'userMenu',
  'locale',
  'error',
  'errors',
  'live',
  'customerSearch',
] as const;

/**
 * The namespaces the browser receives, per part of the app (the root layout gives `shell`; the
 * sign-in page and the inventory and orders layouts give theirs). Everything else is translated
 * on the server and arrives as text. components/client-messages.test.ts checks that the client
 * components of each part use no other namespace.
 */
export const CLIENT_NAMESPACES = {
  shell: SHELL,
  login: [...SHELL, 'login'],
  inventory: [...SHELL, 'inventory'],
  orders: [...SHELL, 'orders'],
  // The pick list's dialogs say 'Working…' with the orders' actions.
  pickups: [...SHELL, 'pickupQueue', 'pickupCounter', 'pickups', 'orders'],
  settings: [...SHELL, 'storeSettings'],
  // The profile's contact dialog and loyalty dialog (its note forms get their words as props: components/notes).
  customers: [...SHELL, 'customerProfile', 'loyalty'],
} as const satisfies Record<string, readonly Namespace[]>;

export type ClientArea = keyof typeof CLIENT_NAMESPACES;
