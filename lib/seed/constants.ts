/**
 * What the demo data promises to the rest of the project (README, e2e, bench): location and
 * channel codes, the staff accounts and their password, and a few known customers.
 */

import type { LocalNames } from '@/lib/i18n/local-name';

export const DEMO_PASSWORD = 'comptoir-demo';

export type DemoLocation = {
  code: string;
  name: string;
  /** Its name per interface language, where it has one (a store's proper name has none). */
  names?: LocalNames;
  kind: 'store' | 'warehouse';
  city: string;
  address: string;
  pickupEnabled: boolean;
  holdDays: number;
  /** Relative footfall: Paris sells most. */
  weight: number;
};

/** Paris first: it is the manager's store and the default in examples. */
export const DEMO_LOCATIONS: readonly DemoLocation[] = [
  {
    code: 'PAR',
    name: 'Comptoir Paris Rivoli',
    kind: 'store',
    city: 'Paris',
    address: '112 rue de Rivoli, 75001 Paris',
    pickupEnabled: true,
    holdDays: 7,
    weight: 30,
  },
  {
    code: 'LYS',
    name: 'Comptoir Lyon Presqu’île',
    kind: 'store',
    city: 'Lyon',
    address: '54 rue de la République, 69002 Lyon',
    pickupEnabled: true,
    holdDays: 7,
    weight: 15,
  },
  {
    code: 'MRS',
    name: 'Comptoir Marseille Saint-Ferréol',
    kind: 'store',
    city: 'Marseille',
    address: '37 rue Saint-Ferréol, 13001 Marseille',
    pickupEnabled: true,
    holdDays: 5,
    weight: 12,
  },
  {
    code: 'BOD',
    name: 'Comptoir Bordeaux Sainte-Catherine',
    kind: 'store',
    city: 'Bordeaux',
    address: '98 rue Sainte-Catherine, 33000 Bordeaux',
    pickupEnabled: true,
    holdDays: 7,
    weight: 10,
  },
  {
    code: 'LIL',
    name: 'Comptoir Lille Grand-Place',
    kind: 'store',
    city: 'Lille',
    address: '21 rue Neuve, 59800 Lille',
    pickupEnabled: true,
    holdDays: 5,
    weight: 9,
  },
  {
    code: 'TLS',
    name: 'Comptoir Toulouse Capitole',
    kind: 'store',
    city: 'Toulouse',
    address: '45 rue d’Alsace-Lorraine, 31000 Toulouse',
    pickupEnabled: true,
    holdDays: 7,
    weight: 9,
  },
  {
    code: 'NTE',
    name: 'Comptoir Nantes Graslin',
    kind: 'store',
    city: 'Nantes',
    address: '12 rue Crébillon, 44000 Nantes',
    pickupEnabled: true,
    holdDays: 5,
    weight: 8,
  },
  {
    code: 'SXB',
    name: 'Comptoir Strasbourg Kléber',
    kind: 'store',
    city: 'Strasbourg',
    address: '8 rue des Grandes Arcades, 67000 Strasbourg',
    pickupEnabled: true,
    holdDays: 7,
    weight: 7,
  },
  {
    code: 'WH-ORL',
    name: 'Entrepôt Orléans-Saran',
    names: { en: 'Orléans-Saran warehouse', fr: 'Entrepôt Orléans-Saran' },
    kind: 'warehouse',
    city: 'Saran',
    address: '1550 rue de la Bergeresse, 45770 Saran',
    pickupEnabled: false,
    holdDays: 7,
    weight: 0,
  },
];

/** Ship orders are fulfilled (reserved and shipped) from here. */
export const DEMO_WAREHOUSE_CODE = 'WH-ORL';

export type DemoChannel = {
  code: string;
  name: string;
  /** Its name per interface language, where it has one (a marketplace's brand has none). */
  names?: LocalNames;
  kind: 'web' | 'marketplace' | 'pos' | 'phone';
  /** The channel's signing secret (HMAC-SHA256 of deliveries) and read token alike: demo data, never in production. */
  secret: string;
  allowSplitShipments: boolean;
  /** A pickup at a store short of stock is served from the warehouse by a transfer (ship-to-store). */
  allowShipToStore?: boolean;
  /** Share of the demo orders. */
  share: number;
};

export const DEMO_CHANNELS: readonly DemoChannel[] = [
  {
    code: 'web',
    name: 'Boutique en ligne',
    names: { en: 'Online shop', fr: 'Boutique en ligne' },
    kind: 'web',
    secret: 'demo-secret-web',
    allowSplitShipments: true,
    allowShipToStore: true,
    share: 0.45,
  },
  {
    code: 'amazon',
    name: 'Amazon.fr',
    kind: 'marketplace',
    secret: 'demo-secret-amazon',
    allowSplitShipments: false,
    share: 0.12,
  },
  {
    code: 'zalando',
    name: 'Zalando',
    kind: 'marketplace',
    secret: 'demo-secret-zalando',
    allowSplitShipments: false,
    share: 0.08,
  },
  {
    code: 'pos',
    name: 'Caisses des magasins',
    names: { en: 'Store tills', fr: 'Caisses des magasins' },
    kind: 'pos',
    secret: 'demo-secret-pos',
    allowSplitShipments: false,
    share: 0.25,
  },
  {
    code: 'phone',
    name: 'Service client (téléphone)',
    names: { en: 'Customer service (phone)', fr: 'Service client (téléphone)' },
    kind: 'phone',
    secret: 'demo-secret-phone',
    allowSplitShipments: false,
    allowShipToStore: true,
    share: 0.1,
  },
];

export type DemoUser = {
  email: string;
  name: string;
  role: 'owner' | 'manager' | 'agent';
  /** Location codes the user is scoped to (user_locations); empty for owners and agents. */
  locations: readonly string[];
};

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'owner@comptoir.test', name: 'Claire Moreau', role: 'owner', locations: [] },
  { email: 'manager@comptoir.test', name: 'Julien Petit', role: 'manager', locations: ['PAR'] },
  { email: 'agent@comptoir.test', name: 'Inès Haddad', role: 'agent', locations: [] },
  { email: 'manager.lyon@comptoir.test', name: 'Sophie Garnier', role: 'manager', locations: ['LYS'] },
  { email: 'manager.marseille@comptoir.test', name: 'Karim Benali', role: 'manager', locations: ['MRS'] },
  { email: 'manager.bordeaux@comptoir.test', name: 'Élodie Fabre', role: 'manager', locations: ['BOD', 'TLS'] },
  { email: 'manager.nord@comptoir.test', name: 'Thomas Lefèvre', role: 'manager', locations: ['LIL', 'SXB', 'NTE'] },
  { email: 'logistique@comptoir.test', name: 'Nadia Roux', role: 'manager', locations: ['WH-ORL'] },
  { email: 'agent2@comptoir.test', name: 'Lucas Bertrand', role: 'agent', locations: [] },
];

/**
 * A customer every demo database has, with identities on several channels: handy for e2e
 * tests of search ("find the customer from any scrap") and of the cross-channel history.
 */
export const DEMO_KNOWN_CUSTOMER = {
  firstName: 'Camille',
  lastName: 'Durand',
  email: 'camille.durand@example.fr',
  phone: '+33612345678',
  loyaltyId: 'FID-0000042',
  amazonBuyerId: 'A2DEMOCAMILLE7',
} as const;

/**
 * A known duplicate pair for the merge feature: same phone number, a typo in the last name
 * and another e-mail address. The duplicate has no phone identity (identities are unique),
 * only the phone copied on its profile.
 */
export const DEMO_KNOWN_DUPLICATE = {
  original: { firstName: 'Hélène', lastName: 'Lefebvre', email: 'helene.lefebvre@orange.fr', phone: '+33698765432' },
  duplicate: { firstName: 'Helene', lastName: 'Lefebre', email: 'h.lefebre@gmail.com', phone: '+33698765432' },
} as const;
