import { ZodError } from 'zod';
import { HTTP_STATUS, isDomainError, type ErrorCode } from '@/lib/errors';
import { fieldErrorsOf } from './result';

/** The JSON API's error body: `{ error: { code, message, details } }`, stable codes. */
export function apiError(code: ErrorCode, message: string, details?: Record<string, unknown>): Response {
  return Response.json({ error: { code, message, details: details ?? {} } }, { status: HTTP_STATUS[code] });
}

/** Maps a thrown error to an API response; bad input is a 4xx, the unexpected a logged 500. */
export function apiErrorFrom(error: unknown): Response {
  if (error instanceof ZodError) {
    return apiError('validation_failed', 'The request body is not valid.', { fields: fieldErrorsOf(error) });
  }
  if (isDomainError(error)) return apiError(error.code, error.message, error.details);
  console.error(error);
  return apiError('internal', 'Unexpected error.');
}
