import { inventoryEn } from './inventory.en';
import { ordersEn } from './orders.en';

/**
 * The English catalogue: the source of every message key. Keys are flat and dotted by area;
 * `{name}` placeholders are typed (see lib/i18n/core.ts), so `t('dashboard.greeting')` without
 * `{ name }` does not compile.
 */
export const en = {
  'app.name': 'Comptoir',
  'app.tagline': 'Back office for stores, orders and customers',

  'common.loading': 'Loading…',
  'common.close': 'Close',
  'common.notifications': 'Notifications',
  'common.cancel': 'Cancel',
  'common.confirm': 'Confirm',
  'common.backToDashboard': 'Back to the dashboard',
  'common.skipToContent': 'Skip to content',

  'nav.label': 'Main navigation',
  'nav.dashboard': 'Dashboard',
  'nav.inventory': 'Inventory',
  'nav.orders': 'Orders',
  'nav.pickups': 'Click & collect',
  'nav.customers': 'Customers',
  'nav.kpis': 'KPIs',
  'nav.settings': 'Settings',

  'shell.collapseSidebar': 'Collapse sidebar',
  'shell.expandSidebar': 'Expand sidebar',

  'roles.owner': 'Owner',
  'roles.manager': 'Store manager',
  'roles.agent': 'Customer service',

  'userMenu.trigger': 'Account menu',
  'userMenu.language': 'Language',
  'userMenu.signOut': 'Sign out',

  'locale.label': 'Language',
  'locale.en': 'English',
  'locale.fr': 'Français',

  'login.metaTitle': 'Sign in',
  'login.title': 'Sign in to Comptoir',
  'login.description': 'Use your staff account to open the back office.',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.errors.invalidCredentials': 'Email or password is incorrect.',
  'login.errors.emailInvalid': 'Enter a valid email address.',
  'login.errors.passwordRequired': 'Enter your password.',
  'login.errors.unavailable': 'Sign-in is unavailable right now. Please try again in a moment.',
  'login.errors.throttledMoment': 'Too many sign-in attempts. Wait a moment, then try again.',
  'login.errors.throttledSeconds': 'Too many sign-in attempts. Wait {seconds} seconds, then try again.',
  'login.errors.throttledMinute': 'Too many sign-in attempts. Wait a minute, then try again.',
  'login.errors.throttledMinutes': 'Too many sign-in attempts. Wait {minutes} minutes, then try again.',
  'login.noStaff.title': 'No staff account yet',
  'login.noStaff.description':
    'This installation has nobody who can sign in. On the server, create the first owner with this command, then sign in with the email and password it sets:',
  'login.demo.title': 'Demo accounts',
  'login.demo.description': 'Every demo account uses the password {password}. Select an account to fill in the form.',

  'dashboard.title': 'Dashboard',
  'dashboard.greeting': 'Welcome, {name}',
  'dashboard.today': 'Today is {date}.',
  'dashboard.role.owner': 'You see every store, channel and setting.',
  'dashboard.role.manager': 'You run the stock, orders and pickups of your stores.',
  'dashboard.role.agent': 'You help customers, whichever channel they bought from.',
  'dashboard.shortcuts': 'Where to go',

  'inventory.title': 'Inventory',
  'inventory.description': 'Stock on hand, reserved and available to promise, per store and warehouse.',
  'inventory.placeholder': 'This section arrives with the inventory release.',
  'orders.title': 'Orders',
  'orders.description': 'Every order from every channel: web shop, stores, marketplaces and phone.',
  'orders.placeholder': 'This section arrives with the orders release.',
  'pickups.title': 'Click & collect',
  'pickups.description': 'The pickup queue: orders to pick, parcels ready, collections and expiries.',
  'pickups.placeholder': 'This section arrives with the click-and-collect release.',
  'customers.title': 'Customers',
  'customers.description': 'One profile per customer, whatever channel they used.',
  'customers.placeholder': 'This section arrives with the customers release.',
  'kpis.title': 'KPIs',
  'kpis.description': 'Revenue, orders and click-and-collect performance per channel and store.',
  'kpis.placeholder': 'This section arrives with the KPI release.',
  'settings.title': 'Settings',
  'settings.description': 'Locations, channels and staff accounts.',
  'settings.placeholder': 'This section arrives with the settings release.',

  'placeholder.title': 'Not available yet',

  'forbidden.metaTitle': 'Access denied',
  'forbidden.title': 'You do not have access to this page',
  'forbidden.description':
    'Your role does not include this section. If you need it for your work, ask the owner of the account.',

  'notFound.metaTitle': 'Page not found',
  'notFound.title': 'Page not found',
  'notFound.description': 'The page you are looking for does not exist or has moved.',
  'notFound.back': 'Go to the dashboard',

  'error.title': 'Something went wrong',
  'error.description': 'This page could not be loaded. Try again; if it keeps failing, tell your administrator.',
  'error.reference': 'Reference: {digest}',
  'error.retry': 'Try again',

  'errors.forbidden': 'You are not allowed to do this.',
  'errors.validation': 'Some fields need your attention.',
  'errors.unexpected': 'Something went wrong. Please try again.',
  'errors.out_of_stock_skus': 'Not enough stock for {skus}.',
  'errors.unknown_skus': 'Unknown SKU: {skus}.',
  'errors.unprocessable_detail': 'This cannot be done with these details: {message}',

  ...inventoryEn,
  ...ordersEn,
} as const;
