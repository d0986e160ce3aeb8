/** Typed domain errors with stable codes; the edges map them to HTTP statuses and messages. */
export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'out_of_stock'
  | 'stock_conflict'
  | 'illegal_transition'
  | 'invalid_signature'
  | 'unprocessable'
  | 'unavailable'
  | 'internal';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_signature: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  out_of_stock: 409,
  stock_conflict: 409,
  illegal_transition: 409,
  unprocessable: 422,
  unavailable: 503,
  internal: 500,
};

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'You are not allowed to do this.') {
    super('forbidden', message);
  }
}

export class NotFound extends DomainError {
  constructor(what: string) {
    super('not_found', `${what} not found.`);
  }
}

export class OutOfStock extends DomainError {
  constructor(skus: string[]) {
    super('out_of_stock', `Not enough stock for ${skus.join(', ')}.`, { skus });
  }
}

/** A stock change that would take on hand below 0 or below what is reserved. */
export class StockConflict extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('stock_conflict', message, details);
  }
}

export class IllegalTransition extends DomainError {
  constructor(from: string, to: string) {
    super('illegal_transition', `Cannot go from ${from} to ${to}.`, { from, to });
  }
}

/** The database kept refusing under contention (deadlocks, serialization): retry later, nothing was written. */
export class ServiceUnavailable extends DomainError {
  constructor(
    message = 'The service is busy; retry in a moment.',
    readonly retryAfterSeconds = 1,
  ) {
    super('unavailable', message, { retryAfterSeconds });
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
