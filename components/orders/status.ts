import type { BadgeVariant } from '@/components/ui/badge';
import type { ORDER_STATUSES } from '@/lib/orders/constants';

export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Green done, amber waiting, red problem, grey closed: the same meaning on every screen. */
export const ORDER_STATUS_VARIANT: Record<OrderStatus, BadgeVariant> = {
  placed: 'waiting',
  confirmed: 'waiting',
  backordered: 'waiting',
  shipped: 'done',
  completed: 'done',
  cancelled: 'closed',
  returned: 'closed',
};

export const PICKUP_STATE_VARIANT: Record<string, BadgeVariant> = {
  placed: 'waiting',
  to_pick: 'waiting',
  awaiting_transfer: 'waiting',
  ready: 'waiting',
  collected: 'done',
  expired: 'problem',
  rejected: 'problem',
  cancelled: 'closed',
};

export const RESERVATION_STATUS_VARIANT: Record<string, BadgeVariant> = {
  active: 'waiting',
  consumed: 'done',
  released: 'closed',
};

export function orderStatusVariant(status: string): BadgeVariant {
  return ORDER_STATUS_VARIANT[status as OrderStatus] ?? 'neutral';
}

/** Which actions an order's status allows; the use cases check again under a row lock. */
export function allowedActions(order: { status: string; fulfilmentType: string }) {
  const s = order.status;
  return {
    confirm: s === 'placed' && order.fulfilmentType !== 'in_store',
    ship: order.fulfilmentType === 'ship' && (s === 'placed' || s === 'confirmed'),
    cancel: s === 'placed' || s === 'confirmed' || s === 'backordered',
    return: s === 'shipped' || s === 'completed',
  };
}
