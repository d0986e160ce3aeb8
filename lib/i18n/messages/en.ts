import { pickEn } from './picking.en';
import { inventoryEn } from './inventory.en';
import { messagesEn } from './messages.en';
import { ordersEn } from './orders.en';
import { homeEn } from './home.en';
import { storeSettingsEn } from './store-settings.en';
import { pickupCounterEn } from './pickup-counter.en';
import { pickupQueueEn } from './pickup-queue.en';
import { customerSearchEn } from './customer-search.en';
import { customerPrivacyEn } from './customer-privacy.en';
import { customerProfileEn } from './customer-profile.en';
import { customerDuplicatesEn } from './customer-duplicates.en';
import { agentHomeEn } from './agent-home.en';
import { trackEn } from './track.en';
import { loyaltyEn } from './loyalty.en';

/**
 * The English catalogue: the source of every message key and of each message's ICU arguments
 * (next-intl's AppConfig types `t()` from it, see lib/next/i18n/types.ts). Keys nest by area and
 * are used as dotted paths: `t('dashboard.greeting', { name })`. Each area keeps its own
 * top-level namespaces, so the catalogue is a plain spread and a client provider can pick them.
 */
export const en = {
  app: {
    name: 'Comptoir',
    tagline: 'Back office for stores, orders and customers',
  },
  common: {
    loading: 'Loading…',
    close: 'Close',
    notifications: 'Notifications',
    cancel: 'Cancel',
    confirm: 'Confirm',
    backToDashboard: 'Back to the dashboard',
    skipToContent: 'Skip to content',
  },
  nav: {
    label: 'Main navigation',
    dashboard: 'Dashboard',
    inventory: 'Inventory',
    orders: 'Orders',
    pickups: 'Click & collect',
    customers: 'Customers',
    kpis: 'KPIs',
    settings: 'Settings',
  },
  shell: {
    collapseSidebar: 'Collapse sidebar',
    expandSidebar: 'Expand sidebar',
    loadingPage: 'Loading the page…',
  },
  live: {
    status: {
      connecting: 'Connecting…',
      live: 'Live',
      reconnecting: 'Reconnecting…',
    },
  },
  roles: {
    owner: 'Owner',
    manager: 'Store manager',
    agent: 'Customer service',
  },
  userMenu: {
    trigger: 'Account menu',
    language: 'Language',
    signOut: 'Sign out',
  },
  locale: {
    label: 'Language',
    en: 'English',
    fr: 'Français',
  },
  login: {
    metaTitle: 'Sign in',
    title: 'Sign in to Comptoir',
    description: 'Use your staff account to open the back office.',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    errors: {
      invalidCredentials: 'Email or password is incorrect.',
      emailInvalid: 'Enter a valid email address.',
      passwordRequired: 'Enter your password.',
      unavailable: 'Sign-in is unavailable right now. Please try again in a moment.',
      throttledMoment: 'Too many sign-in attempts. Wait a moment, then try again.',
      throttledSeconds:
        'Too many sign-in attempts. Wait {seconds, plural, one {# second} other {# seconds}}, then try again.',
      throttledMinutes:
        'Too many sign-in attempts. Wait {minutes, plural, one {a minute} other {# minutes}}, then try again.',
    },
    noStaff: {
      title: 'No staff account yet',
      description:
        'This installation has nobody who can sign in. On the server, create the first owner with this command, then sign in with the email and password it sets:',
    },
    demo: {
      title: 'Demo accounts',
      description: 'Every demo account uses the password {password}. Select an account to fill in the form.',
    },
  },
  dashboard: {
    title: 'Dashboard',
    greeting: 'Welcome, {name}',
    today: 'Today is {date}.',
    role: {
      owner: 'You see every store, channel and setting.',
      manager: 'You run the stock, orders and pickups of your stores.',
      agent: 'You help customers, whichever channel they bought from.',
    },
    shortcuts: 'Where to go',
  },
  pickups: {
    title: 'Click & collect',
    description: 'The pickup queue: orders to pick, parcels ready, collections and expiries.',
    placeholder: 'This section arrives with the click-and-collect release.',
    pick: pickEn,
  },
  kpis: {
    title: 'KPIs',
    description: 'Revenue, orders and click-and-collect performance per channel and store.',
    placeholder: 'This section arrives with the KPI release.',
  },
  settings: {
    title: 'Settings',
    description: 'Locations, channels and staff accounts.',
    placeholder: 'This section arrives with the settings release.',
  },
  placeholder: {
    title: 'Not available yet',
  },
  forbidden: {
    metaTitle: 'Access denied',
    title: 'You do not have access to this page',
    description: 'Your role does not include this section. If you need it for your work, ask the owner of the account.',
  },
  notFound: {
    metaTitle: 'Page not found',
    title: 'Page not found',
    description: 'The page you are looking for does not exist or has moved.',
    back: 'Go to the dashboard',
  },
  error: {
    title: 'Something went wrong',
    description: 'This page could not be loaded. Try again; if it keeps failing, tell your administrator.',
    reference: 'Reference: {digest}',
    retry: 'Try again',
  },
  errors: {
    forbidden: 'You are not allowed to do this.',
    validation: 'Some fields need your attention.',
    unexpected: 'Something went wrong. Please try again.',
    out_of_stock_skus: 'Not enough stock for {skus}.',
    unknown_skus: 'Unknown SKU: {skus}.',
    unprocessable_detail: 'This cannot be done with these details: {message}',
    stock_conflict: 'This change would take stock below zero or below what is reserved for orders.',
    out_of_stock: 'There is not enough stock for this.',
    illegal_transition: 'This is no longer possible: its status has changed. Reload the page.',
    not_found: 'This record no longer exists.',
    unavailable: 'The system is busy. Wait a moment and try again.',
    conflict: 'Someone changed this at the same time. Reload the page and try again.',
    unprocessable: 'This request cannot be carried out.',
    unauthenticated: 'Your session has ended. Please sign in again.',
  },
  ...inventoryEn,
  ...ordersEn,
  ...messagesEn,
  ...pickupQueueEn,
  ...homeEn,
  ...storeSettingsEn,
  ...pickupCounterEn,
  ...trackEn,
  ...customerSearchEn,
  ...customerPrivacyEn,
  ...customerProfileEn,
  ...loyaltyEn,
  ...customerDuplicatesEn,
  ...agentHomeEn,
} as const;
