'use server';

import { guardedAction } from '@/lib/next/guarded-action';
import { adjustStock } from '@/lib/inventory/adjust-stock';
import { setChannelCap } from '@/lib/inventory/availability';
import { applyCount, discardCount, recordCount, startCount } from '@/lib/inventory/counts';
import { importStockCsv } from '@/lib/inventory/csv';
import { receiveStock } from '@/lib/inventory/receive-stock';
import { setBin } from '@/lib/inventory/set-bin';
import {
  ZAdjustStockInput,
  ZCountIdInput,
  ZCreateTransferInput,
  ZImportStockCsvInput,
  ZReceiveStockInput,
  ZAcceptTransferRequestInput,
  ZDeclineTransferRequestInput,
  ZReceiveTransferInput,
  ZReceiveTransferUnitsInput,
  ZRequestTransferInput,
  ZRecordCountInput,
  ZSetBinInput,
  ZSetChannelCapInput,
  ZStartCountInput,
  ZTransferIdInput,
} from '@/lib/inventory/schemas';
import { cancelTransfer, createTransfer, shipTransfer } from '@/lib/inventory/transfers';
import { acceptTransferRequest, declineTransferRequest, requestTransfer } from '@/lib/inventory/transfer-requests';
import { receiveTransferForPickup, receiveTransferUnitsForPickup } from '@/lib/pickups/receive-transfer';

// Use cases check the location again against the row they lock (a transfer's real source or
// destination, a count's real location): an id sent by the client is never trusted alone.

export const adjustStockAction = guardedAction({
  permission: 'inventory.adjust',
  schema: ZAdjustStockInput,
  location: (input) => input.locationId,
  run: ({ actor, db }, input) => adjustStock(db, actor, input),
  revalidate: (input) => ['/inventory', `/inventory/${input.variantId}`],
});

export const setBinAction = guardedAction({
  permission: 'inventory.adjust',
  schema: ZSetBinInput,
  location: (input) => input.locationId,
  run: ({ actor, db }, input) => setBin(db, actor, input),
  revalidate: (input) => [`/inventory/${input.variantId}`, '/pickups'],
});

export const receiveStockAction = guardedAction({
  permission: 'inventory.adjust',
  schema: ZReceiveStockInput,
  location: (input) => input.locationId,
  run: ({ actor, db }, input) => receiveStock(db, actor, input),
  revalidate: ['/inventory'],
});

export const importStockCsvAction = guardedAction({
  permission: 'inventory.adjust',
  schema: ZImportStockCsvInput,
  location: (input) => input.locationId,
  run: ({ actor, db }, input) => importStockCsv(db, actor, input),
  revalidate: ['/inventory'],
});

export const createTransferAction = guardedAction({
  permission: 'inventory.transfer',
  schema: ZCreateTransferInput,
  location: (input) => input.sourceLocationId,
  run: ({ actor, db }, input) => createTransfer(db, actor, input),
  revalidate: ['/inventory/transfers'],
});

export const shipTransferAction = guardedAction({
  permission: 'inventory.transfer',
  schema: ZTransferIdInput,
  run: ({ actor, db }, input) => shipTransfer(db, actor, input.transferId),
  revalidate: (input) => ['/inventory', '/inventory/transfers', `/inventory/transfers/${input.transferId}`],
});

export const receiveTransferAction = guardedAction({
  permission: 'inventory.transfer',
  schema: ZReceiveTransferInput,
  // A transfer carrying a click-and-collect order also reserves it and releases its pickup.
  run: async ({ actor, db }, input) => {
    const { discrepancies } = await receiveTransferForPickup(db, actor, input);
    return { discrepancies };
  },
  revalidate: (input) => ['/inventory', '/inventory/transfers', `/inventory/transfers/${input.transferId}`, '/pickups'],
});

/** One delivery, scanned or typed: the rest stays in transit unless it is declared short. */
export const receiveTransferUnitsAction = guardedAction({
  permission: 'inventory.transfer',
  schema: ZReceiveTransferUnitsInput,
  run: ({ actor, db }, input) => receiveTransferUnitsForPickup(db, actor, input),
  revalidate: (input) => [
    '/inventory',
    '/inventory/transfers',
    `/inventory/transfers/${input.transferId}`,
    `/inventory/transfers/${input.transferId}/receive`,
    '/pickups',
  ],
});

/** A store asks for stock: the right is checked at the store the stock is for, the destination. */
export const requestTransferAction = guardedAction({
  permission: 'inventory.transfer',
  schema: ZRequestTransferInput,
  location: (input) => input.destinationLocationId,
  run: ({ actor, db }, input) => requestTransfer(db, actor, input),
  revalidate: ['/inventory/transfers'],
});

export const acceptTransferRequestAction = guardedAction({
  permission: 'inventory.transfer',
  schema: ZAcceptTransferRequestInput,
  run: ({ actor, db }, input) => acceptTransferRequest(db, actor, input),
  revalidate: (input) => ['/inventory/transfers', `/inventory/transfers/${input.transferId}`],
});

export const declineTransferRequestAction = guardedAction({
  permission: 'inventory.transfer',
  schema: ZDeclineTransferRequestInput,
  run: ({ actor, db }, input) => declineTransferRequest(db, actor, input),
  revalidate: (input) => ['/inventory/transfers', `/inventory/transfers/${input.transferId}`],
});

export const cancelTransferAction = guardedAction({
  permission: 'inventory.transfer',
  schema: ZTransferIdInput,
  run: ({ actor, db }, input) => cancelTransfer(db, actor, input.transferId),
  revalidate: (input) => ['/inventory', '/inventory/transfers', `/inventory/transfers/${input.transferId}`],
});

export const startCountAction = guardedAction({
  permission: 'inventory.adjust',
  schema: ZStartCountInput,
  location: (input) => input.locationId,
  run: ({ actor, db }, input) => startCount(db, actor, input),
  revalidate: ['/inventory/counts'],
});

export const recordCountAction = guardedAction({
  permission: 'inventory.adjust',
  schema: ZRecordCountInput,
  run: ({ actor, db }, input) => recordCount(db, actor, input),
  revalidate: (input) => [`/inventory/counts/${input.countId}`],
});

export const applyCountAction = guardedAction({
  permission: 'inventory.adjust',
  schema: ZCountIdInput,
  run: ({ actor, db }, input) => applyCount(db, actor, input.countId),
  revalidate: (input) => ['/inventory', '/inventory/counts', `/inventory/counts/${input.countId}`],
});

export const discardCountAction = guardedAction({
  permission: 'inventory.adjust',
  schema: ZCountIdInput,
  run: ({ actor, db }, input) => discardCount(db, actor, input.countId),
  revalidate: (input) => ['/inventory/counts', `/inventory/counts/${input.countId}`],
});

export const setChannelCapAction = guardedAction({
  permission: 'settings.manage',
  schema: ZSetChannelCapInput,
  run: ({ actor, db }, input) => setChannelCap(db, actor, input),
  revalidate: (input) => [`/inventory/${input.variantId}`],
});
