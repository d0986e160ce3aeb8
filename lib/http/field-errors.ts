import type { ZodError } from 'zod';

/**
 * A zod error as field errors: each issue's message under its dotted path ('customer.phone',
 * 'lines.0.quantity'; '_' for the whole input). Plain TypeScript, so the forms read a failed
 * parse in the browser exactly as the actions answer it (ActionResult.fieldErrors).
 */
export function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
