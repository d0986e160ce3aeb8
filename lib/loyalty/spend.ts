import { DomainError } from '@/lib/errors';

/** A redemption (or a debit) the balance cannot cover: 409, with what there is. */
export function insufficientBalance(balance: number, requested: number): DomainError {
  return new DomainError(
    'conflict',
    `Insufficient loyalty balance: ${balance} point(s) available, ${requested} requested.`,
    { reason: 'insufficient_balance', balance, requested },
  );
}
