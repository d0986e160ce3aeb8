/**
 * The permission table: every server action and route handler names one of these actions and
 * calls can() on the server. Roles: owner (everything), manager (their own locations),
 * agent (customers and orders; inventory read-only).
 *
 * What a manager sees of other stores: their stock levels (on hand, reserved, available, reorder
 * points), read-only — 'inventory.view' is not scoped, so a manager can see where to ask for a
 * transfer. Not their cycle counts, cost values (cost price × on hand) or transfers that involve
 * none of the manager's locations: those rights are scoped, and the lib functions that read them
 * (getTransferForActor, listTransfersForActor, getSkuDetailForActor, getOrderForActor) apply it.
 */
export const ROLES = ['owner', 'manager', 'agent'] as const;
export type Role = (typeof ROLES)[number];

type Rule = {
  roles: readonly Role[];
  /** Roles whose right is limited to the locations they are assigned to. */
  scopedFor?: readonly Role[];
};

export const PERMISSIONS = {
  'dashboard.view': { roles: ['owner', 'manager', 'agent'] },
  'inventory.view': { roles: ['owner', 'manager', 'agent'] },
  'inventory.adjust': { roles: ['owner', 'manager'], scopedFor: ['manager'] },
  'inventory.transfer': { roles: ['owner', 'manager'], scopedFor: ['manager'] },
  /** Cost prices and stock value: not for agents; a manager sees those of their own locations. */
  'inventory.cost.view': { roles: ['owner', 'manager'], scopedFor: ['manager'] },
  /** Cycle counts, at the counted location only for a manager. */
  'inventory.counts.view': { roles: ['owner', 'manager'], scopedFor: ['manager'] },
  /** Transfer details: a manager sees those whose source or destination is theirs. */
  'inventory.transfers.view': { roles: ['owner', 'manager', 'agent'], scopedFor: ['manager'] },
  'orders.view': { roles: ['owner', 'manager', 'agent'], scopedFor: ['manager'] },
  /** placed → confirmed, which moves no stock: a manager of any location the order is fulfilled at or reserved in. */
  'orders.confirm': { roles: ['owner', 'manager', 'agent'], scopedFor: ['manager'] },
  /** Moving stock for an order needs the right at every location whose stock it moves. */
  'orders.ship': { roles: ['owner', 'manager'], scopedFor: ['manager'] },
  'orders.cancel': { roles: ['owner', 'manager', 'agent'], scopedFor: ['manager'] },
  'orders.return': { roles: ['owner', 'manager', 'agent'], scopedFor: ['manager'] },
  /** Putting returned units back on hand. */
  'orders.restock': { roles: ['owner', 'manager'], scopedFor: ['manager'] },
  /** Internal notes and tags on an order: whoever may see it (a manager, the orders of their locations). */
  'orders.annotate': { roles: ['owner', 'manager', 'agent'], scopedFor: ['manager'] },
  'orders.create_phone': { roles: ['owner', 'agent'] },
  'pickups.view': { roles: ['owner', 'manager'], scopedFor: ['manager'] },
  'pickups.manage': { roles: ['owner', 'manager'], scopedFor: ['manager'] },
  /** A manager reads the customers who ordered or collected at one of their stores (customerInScope). */
  'customers.view': { roles: ['owner', 'manager', 'agent'], scopedFor: ['manager'] },
  'customers.edit': { roles: ['owner', 'agent'] },
  'customers.merge': { roles: ['owner', 'agent'] },
  /** One customer's data as JSON (the right of access). */
  'customers.export': { roles: ['owner', 'agent'] },
  /** Anonymizing a customer (the right to erasure): owners only. */
  'customers.erase': { roles: ['owner'] },
  'kpis.view': { roles: ['owner'] },
  'settings.manage': { roles: ['owner'] },
  'session.self': { roles: ['owner', 'manager', 'agent'] },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

export type Actor = {
  userId: string;
  role: Role;
  /** Locations the user is assigned to (managers); owners are unscoped. */
  locationIds: readonly string[];
};

/**
 * May `actor` perform `permission` (at `locationId`, when the right is location-scoped)?
 * A scoped role asked without a location gets the right "somewhere": lists must then filter
 * by `scopeOf(actor)`.
 */
export function can(actor: Actor | null | undefined, permission: Permission, locationId?: string | null): boolean {
  if (!actor) return false;
  const rule: Rule = PERMISSIONS[permission];
  if (!rule.roles.includes(actor.role)) return false;
  if (!rule.scopedFor?.includes(actor.role)) return true;
  if (locationId == null) return actor.locationIds.length > 0;
  return actor.locationIds.includes(locationId);
}

/**
 * May `actor` perform `permission` at every one of `locationIds`? For an action that moves stock
 * at several locations (a split order's reservations): a scoped role needs each of them, and is
 * refused when the places are unknown (an empty list), since scope cannot then be shown.
 */
export function canAtEvery(
  actor: Actor | null | undefined,
  permission: Permission,
  locationIds: readonly string[],
): boolean {
  if (!can(actor, permission)) return false;
  const rule: Rule = PERMISSIONS[permission];
  if (!rule.scopedFor?.includes(actor!.role)) return true;
  return locationIds.length > 0 && locationIds.every((id) => actor!.locationIds.includes(id));
}

/** The locations a list must be limited to for this actor and permission; null = all. */
export function scopeOf(actor: Actor, permission: Permission): readonly string[] | null {
  const rule: Rule = PERMISSIONS[permission];
  return rule.scopedFor?.includes(actor.role) ? actor.locationIds : null;
}

export const NAV_ITEMS = [
  { key: 'dashboard', href: '/', permission: 'dashboard.view' },
  { key: 'inventory', href: '/inventory', permission: 'inventory.view' },
  { key: 'orders', href: '/orders', permission: 'orders.view' },
  { key: 'pickups', href: '/pickups', permission: 'pickups.view' },
  { key: 'customers', href: '/customers', permission: 'customers.view' },
  { key: 'kpis', href: '/kpis', permission: 'kpis.view' },
  { key: 'settings', href: '/settings', permission: 'settings.manage' },
] as const satisfies readonly { key: string; href: string; permission: Permission }[];

export type NavKey = (typeof NAV_ITEMS)[number]['key'];

export function navFor(actor: Actor) {
  return NAV_ITEMS.filter((item) => can(actor, item.permission));
}
