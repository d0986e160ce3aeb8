import { ZodError } from 'zod';
import { isDomainError, type ErrorCode } from '@/lib/errors';
import { logger, logUnexpected } from '@/lib/log';
import { fieldErrorsOf } from './field-errors';

/** What every server action returns: data, or a stable code with a message for the user. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ErrorCode;
      message: string;
      fieldErrors?: Record<string, string[]>;
      /** The domain error's details (e.g. a CSV import's row errors), for the UI to show. */
      details?: Record<string, unknown>;
    };

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

/**
 * Maps a thrown error to a failed result. Contention that outlasted its retries is code
 * 'unavailable' (details.retryAfterSeconds); anything unexpected is logged without its data and
 * stays generic, with the request id (details.requestId) that finds the log line.
 */
export function toActionFailure(error: unknown): Extract<ActionResult, { ok: false }> {
  if (error instanceof ZodError) {
    return {
      ok: false,
      code: 'validation_failed',
      message: 'Some fields are not valid.',
      fieldErrors: fieldErrorsOf(error),
    };
  }
  if (isDomainError(error)) {
    return error.details
      ? { ok: false, code: error.code, message: error.message, details: error.details }
      : { ok: false, code: error.code, message: error.message };
  }
  if (isRefusedValue(error)) {
    logger().warn({ where: 'action', err: error }, 'a value reached the database unvalidated');
    return { ok: false, code: 'validation_failed', message: 'Some fields are not valid.' };
  }
  const requestId = logUnexpected(error, 'action');
  return { ok: false, code: 'internal', message: 'Something went wrong. Please try again.', details: { requestId } };
}

/**
 * SQLSTATEs by which PostgreSQL refuses a value itself (text that is no uuid or number, an
 * impossible date, NUL in text, too long, out of range): input that got past validation. The
 * edges answer them as bad input (400) rather than a 500, and log them as a validation gap.
 */
const REFUSED_VALUE_STATES = new Set(['22P02', '22007', '22008', '22021', '22P05', '22001', '22003']);

export function isRefusedValue(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 3; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && REFUSED_VALUE_STATES.has(code)) return true;
  }
  return false;
}
