import { describe, expect, it } from 'vitest';
import {
  countStatus,
  fulfilmentType,
  identityKind,
  movementReason,
  orderStatus,
  pickupState,
  reservationStatus,
  staffRole,
  stockAlertStatus,
  transferStatus,
} from '@/db/schema';
import { CSV_ROW_ERROR_CODES } from '@/lib/inventory/csv';
import { REFUND_KINDS } from '@/lib/orders/payment';
import { LOCALES } from './config';
import { CATALOGUES } from './messages';

/**
 * Keys built from a stored value (`orders.status.${status}`, `inventory.reason.${reason}`…): where
 * the value is typed as its union TypeScript checks each key at the call; where it arrives as a
 * string (ledger reasons, transfer and count statuses, CSV codes through tKey), only this does.
 * Every value the database or the domain can hold has a message, in both languages.
 */
const DYNAMIC_KEYS: [prefix: string, values: readonly string[]][] = [
  ['orders.status', orderStatus.enumValues],
  ['orders.fulfilmentType', fulfilmentType.enumValues],
  ['orders.reservationStatus', reservationStatus.enumValues],
  ['orders.pickupState', pickupState.enumValues],
  ['inventory.reason', movementReason.enumValues],
  ['inventory.transferStatus', transferStatus.enumValues],
  ['inventory.countStatus', countStatus.enumValues],
  ['inventory.csv', CSV_ROW_ERROR_CODES],
  ['orders.payment.kind', REFUND_KINDS],
  ['customers.profile.identity', identityKind.enumValues],
  ['customerProfile.alerts.status', stockAlertStatus.enumValues],
  ['roles', staffRole.enumValues],
  ['dashboard.role', staffRole.enumValues],
  ['locale', LOCALES],
];

function messageAt(catalogue: object, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], catalogue);
}

describe('message keys built from stored values', () => {
  it.each(LOCALES)('all have a message in %s', (locale) => {
    const missing = DYNAMIC_KEYS.flatMap(([prefix, values]) =>
      values.map((v) => `${prefix}.${v}`).filter((key) => typeof messageAt(CATALOGUES[locale], key) !== 'string'),
    );
    expect(missing).toEqual([]);
  });
});
