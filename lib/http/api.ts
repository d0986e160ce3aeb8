import { ZodError } from 'zod';
import { HTTP_STATUS, isDomainError, type ErrorCode } from '@/lib/errors';
import { logger, logUnexpected } from '@/lib/log';
import { fieldErrorsOf } from './field-errors';
import { isRefusedValue } from './result';

/** An answer of the JSON API before it meets a framework: a status, headers and a body to serialise. */
export type ApiAnswer = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * The JSON API's error body: `{ error: { code, message, details } }`, stable codes. A 503 says
 * when to come back (Retry-After, from details.retryAfterSeconds).
 */
export function apiErrorAnswer(code: ErrorCode, message: string, details?: Record<string, unknown>): ApiAnswer {
  const answer: ApiAnswer = { status: HTTP_STATUS[code], body: { error: { code, message, details: details ?? {} } } };
  if (code === 'unavailable') answer.headers = { 'Retry-After': String(retryAfterSeconds(details)) };
  return answer;
}

function retryAfterSeconds(details: Record<string, unknown> | undefined): number {
  const value = details?.retryAfterSeconds;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 1;
}

/**
 * Maps a thrown error to an API answer; bad input is a 4xx, the unexpected a 500 logged with a
 * request id that the answer carries (body and x-request-id), without the error's data.
 */
export function apiAnswerFrom(error: unknown, requestId?: string): ApiAnswer {
  if (error instanceof ZodError) {
    return apiErrorAnswer('validation_failed', 'The request body is not valid.', { fields: fieldErrorsOf(error) });
  }
  if (isDomainError(error)) return apiErrorAnswer(error.code, error.message, error.details);
  if (isRefusedValue(error)) {
    logger().warn({ where: 'api', requestId, err: error }, 'a value reached the database unvalidated');
    return apiErrorAnswer('validation_failed', 'A value in the request is not valid.');
  }
  const id = logUnexpected(error, 'api', requestId);
  const answer = apiErrorAnswer('internal', 'Unexpected error.', { requestId: id });
  answer.headers = { 'x-request-id': id };
  return answer;
}

export function toResponse(answer: ApiAnswer, init?: ResponseInit): Response {
  const headers = new Headers(init?.headers);
  for (const [name, value] of Object.entries(answer.headers ?? {})) headers.set(name, value);
  return Response.json(answer.body, { ...init, status: answer.status, headers });
}

export function apiError(code: ErrorCode, message: string, details?: Record<string, unknown>): Response {
  return toResponse(apiErrorAnswer(code, message, details));
}

export function apiErrorFrom(error: unknown): Response {
  return toResponse(apiAnswerFrom(error));
}
