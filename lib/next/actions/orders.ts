'use server';

import { guardedAction } from '@/lib/next/guarded-action';
import { cancelOrder } from '@/lib/orders/cancel-order';
import { addOrderNote } from '@/lib/orders/add-order-note';
import { addOrderTag } from '@/lib/orders/add-order-tag';
import { confirmOrder } from '@/lib/orders/confirm-order';
import { confirmOrders } from '@/lib/orders/confirm-orders';
import { editOrderNote } from '@/lib/orders/edit-order-note';
import { removeOrderTag } from '@/lib/orders/remove-order-tag';
import { createPhoneOrder } from '@/lib/orders/create-phone-order';
import { ZPhoneOrderRequest } from '@/lib/orders/phone-order-request';
import { returnOrder } from '@/lib/orders/return-order';
import {
  ZAddOrderNoteInput,
  ZCancelOrderInput,
  ZEditOrderNoteInput,
  ZOrderIdInput,
  ZOrderIdsInput,
  ZOrderTagInput,
  ZReturnOrderInput,
  ZShipOrderInput,
} from '@/lib/orders/schemas';
import { shipOrder } from '@/lib/orders/ship-order';

// The use cases lock the order and check the manager's scope against where it is really
// fulfilled or reserved (shipping and cancelling: every location whose stock moves); a return
// is checked at the returning store, and so is its restock ('orders.restock').

export const confirmOrderAction = guardedAction({
  permission: 'orders.confirm',
  schema: ZOrderIdInput,
  run: ({ actor, db }, input) => confirmOrder(db, actor, input.orderId),
  revalidate: (input) => ['/orders', `/orders/${input.orderId}`],
});

export const shipOrderAction = guardedAction({
  permission: 'orders.ship',
  schema: ZShipOrderInput,
  run: ({ actor, db }, input) => shipOrder(db, actor, input),
  revalidate: (input) => ['/orders', `/orders/${input.orderId}`, '/inventory'],
});

export const cancelOrderAction = guardedAction({
  permission: 'orders.cancel',
  schema: ZCancelOrderInput,
  run: ({ actor, db }, input) => cancelOrder(db, actor, input),
  revalidate: (input) => ['/orders', `/orders/${input.orderId}`, '/inventory'],
});

export const returnOrderAction = guardedAction({
  permission: 'orders.return',
  schema: ZReturnOrderInput,
  location: (input) => input.locationId,
  run: ({ actor, db }, input) => returnOrder(db, actor, input),
  revalidate: (input) => ['/orders', `/orders/${input.orderId}`, '/inventory'],
});

export const createPhoneOrderAction = guardedAction({
  permission: 'orders.create_phone',
  schema: ZPhoneOrderRequest,
  run: ({ actor, db }, input) => createPhoneOrder(db, actor, input),
  revalidate: ['/orders'],
});

/** The list's bulk confirmation: each order on its own, a result per order (confirmOrders). */
export const confirmOrdersAction = guardedAction({
  permission: 'orders.confirm',
  schema: ZOrderIdsInput,
  run: ({ actor, db }, input) => confirmOrders(db, actor, input.orderIds),
  revalidate: ['/orders'],
});

export const addOrderNoteAction = guardedAction({
  permission: 'orders.annotate',
  schema: ZAddOrderNoteInput,
  run: ({ actor, db }, input) => addOrderNote(db, actor, input),
  revalidate: (input) => [`/orders/${input.orderId}`],
});

export const editOrderNoteAction = guardedAction({
  permission: 'orders.annotate',
  schema: ZEditOrderNoteInput,
  run: ({ actor, db }, input) => editOrderNote(db, actor, input),
  revalidate: (_input, note) => [`/orders/${note.orderId}`],
});

export const addOrderTagAction = guardedAction({
  permission: 'orders.annotate',
  schema: ZOrderTagInput,
  run: ({ actor, db }, input) => addOrderTag(db, actor, input),
  revalidate: (input) => ['/orders', `/orders/${input.orderId}`],
});

export const removeOrderTagAction = guardedAction({
  permission: 'orders.annotate',
  schema: ZOrderTagInput,
  run: ({ actor, db }, input) => removeOrderTag(db, actor, input),
  revalidate: (input) => ['/orders', `/orders/${input.orderId}`],
});
