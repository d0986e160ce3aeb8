import { ZodError } from 'zod';
import { HTTP_STATUS, isDomainError, type ErrorCode } from '@/lib/errors';
import { fieldErrorsOf } from './result';

/** An answer of the JSON API before it meets a framework: a status and a body to serialise. */
export type ApiAnswer = { status: number; body: unknown };

/** The JSON API's error body: `{ error: { code, message, details } }`, stable codes. */
export function apiErrorAnswer(code: ErrorCode, message: string, details?: Record<string, unknown>): ApiAnswer {
  return { status: HTTP_STATUS[code], body: { error: { code, message, details: details ?? {} } } };
}

/** Maps a thrown error to an API answer; bad input is a 4xx, the unexpected a logged 500. */
export function apiAnswerFrom(error: unknown): ApiAnswer {
  if (error instanceof ZodError) {
    return apiErrorAnswer('validation_failed', 'The request body is not valid.', { fields: fieldErrorsOf(error) });
  }
  if (isDomainError(error)) return apiErrorAnswer(error.code, error.message, error.details);
  console.error(error);
  return apiErrorAnswer('internal', 'Unexpected error.');
}

export function toResponse(answer: ApiAnswer, init?: ResponseInit): Response {
  return Response.json(answer.body, { ...init, status: answer.status });
}

export function apiError(code: ErrorCode, message: string, details?: Record<string, unknown>): Response {
  return toResponse(apiErrorAnswer(code, message, details));
}

export function apiErrorFrom(error: unknown): Response {
  return toResponse(apiAnswerFrom(error));
}
