import type { Permission } from './permissions';

/**
 * Every server action (lib/next/actions/) and route handler (app/), with the permission it checks on the server.
 * `endpoints.test.ts` scans the code: an endpoint missing here, or whose file never names its
 * permission, fails the build — no endpoint can be added unguarded.
 */
export type EndpointGuard =
  | { permission: Permission }
  /** Open to anyone, with the reason. */
  | { public: string }
  /** A channel's API: authenticated by the channel's signature, not a staff session. */
  | { channel: true };

export const ENDPOINTS: Record<string, EndpointGuard> = {
  'GET /api/health': { public: 'liveness and migration state for operators' },
  'GET /api/auth/[...nextauth]': { public: 'Auth.js sign-in flow' },
  'POST /api/auth/[...nextauth]': { public: 'Auth.js sign-in flow' },
  'POST /api/v1/channels/[channel]/orders': { channel: true },
  'GET /api/v1/availability': { channel: true },
  'GET /api/v1/skus': { channel: true },
  'POST /api/v1/loyalty/redemptions': { channel: true },
  'GET /api/v1/loyalty/balance': { channel: true },
  'POST /api/v1/stock-alerts': { channel: true },
  'DELETE /api/v1/stock-alerts': { channel: true },
  'action signInAction': { public: 'the sign-in form' },
  'action setLocaleAction': { public: 'language choice, also on the login page' },
  'action signOutAction': { permission: 'session.self' },

  'action adjustStockAction': { permission: 'inventory.adjust' },
  'action setBinAction': { permission: 'inventory.adjust' },
  'action receiveStockAction': { permission: 'inventory.adjust' },
  'action importStockCsvAction': { permission: 'inventory.adjust' },
  'action createTransferAction': { permission: 'inventory.transfer' },
  'action shipTransferAction': { permission: 'inventory.transfer' },
  'action receiveTransferAction': { permission: 'inventory.transfer' },
  'action cancelTransferAction': { permission: 'inventory.transfer' },
  'action receiveTransferUnitsAction': { permission: 'inventory.transfer' },
  'action requestTransferAction': { permission: 'inventory.transfer' },
  'action acceptTransferRequestAction': { permission: 'inventory.transfer' },
  'action declineTransferRequestAction': { permission: 'inventory.transfer' },
  'action startCountAction': { permission: 'inventory.adjust' },
  'action recordCountAction': { permission: 'inventory.adjust' },
  'action applyCountAction': { permission: 'inventory.adjust' },
  'action discardCountAction': { permission: 'inventory.adjust' },
  'action setChannelCapAction': { permission: 'settings.manage' },
  'action updateStoreSettingsAction': { permission: 'settings.manage' },

  'action pickLineAction': { permission: 'pickups.manage' },
  'action scanPickLineAction': { permission: 'pickups.manage' },
  'action shortPickAction': { permission: 'pickups.manage' },
  'action acceptPartialOrderAction': { permission: 'pickups.manage' },
  'action reroutePickupAction': { permission: 'pickups.manage' },
  'action shipInsteadAction': { permission: 'pickups.manage' },
  'action waitForTransferAction': { permission: 'pickups.manage' },
  'action finishPickingAction': { permission: 'pickups.manage' },

  'action confirmOrderAction': { permission: 'orders.confirm' },
  'action shipOrderAction': { permission: 'orders.ship' },
  'action cancelOrderAction': { permission: 'orders.cancel' },
  'action returnOrderAction': { permission: 'orders.return' },
  'action createPhoneOrderAction': { permission: 'orders.create_phone' },
  'action confirmOrdersAction': { permission: 'orders.confirm' },
  'action addOrderNoteAction': { permission: 'orders.annotate' },
  'action editOrderNoteAction': { permission: 'orders.annotate' },
  'action addOrderTagAction': { permission: 'orders.annotate' },
  'action removeOrderTagAction': { permission: 'orders.annotate' },
  'action startPickingAction': { permission: 'pickups.manage' },
  'action extendHoldAction': { permission: 'pickups.manage' },
  'action rejectPickupAction': { permission: 'pickups.manage' },
  'action collectPickupAction': { permission: 'pickups.manage' },
  'action changePointsAction': { permission: 'customers.edit' },
  'GET /inventory/scan': { permission: 'inventory.view' },
  'GET /inventory/lookup': { permission: 'inventory.view' },
  'GET /inventory/sku-search': { permission: 'inventory.view' },
  'GET /inventory/export': { permission: 'inventory.view' },
  'GET /pickups/queue': { permission: 'pickups.view' },
  'GET /pickups/counter/lookup': { permission: 'pickups.manage' },
  /** Any staff member may ask; the topic's own right at its location decides (LIVE_TOPIC_PERMISSION). */
  'GET /api/backoffice/live': { permission: 'session.self' },
  'GET /api/backoffice/customers/search': { permission: 'customers.view' },
  'action addCustomerNoteAction': { permission: 'customers.edit' },
  'action editCustomerNoteAction': { permission: 'customers.edit' },
  'action updateCustomerContactAction': { permission: 'customers.edit' },
  'GET /customers/[id]/export': { permission: 'customers.export' },
  'action eraseCustomerAction': { permission: 'customers.erase' },
  'action dismissDuplicateAction': { permission: 'customers.merge' },
  'action mergeCustomersAction': { permission: 'customers.merge' },
  'action undoMergeAction': { permission: 'customers.merge' },
};
