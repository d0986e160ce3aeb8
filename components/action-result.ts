import { toast } from '@/components/ui/toast';
import type { ErrorCode } from '@/lib/errors';
import type { ActionResult } from '@/lib/http/result';
import type { MessageKey, Translate } from '@/lib/next/i18n';

export type ActionFailure = Extract<ActionResult<unknown>, { ok: false }>;

/** Messages without placeholders, so any of them is said the same way. */
const ERROR_KEYS = {
  validation_failed: 'errors.validation',
  unauthenticated: 'errors.unauthenticated',
  forbidden: 'errors.forbidden',
  not_found: 'errors.not_found',
  conflict: 'errors.conflict',
  out_of_stock: 'errors.out_of_stock',
  stock_conflict: 'errors.stock_conflict',
  illegal_transition: 'errors.illegal_transition',
  invalid_signature: 'errors.forbidden',
  unprocessable: 'errors.unprocessable',
  unavailable: 'errors.unavailable',
  internal: 'errors.unexpected',
} as const satisfies Record<ErrorCode, MessageKey>;

/** The SKUs a refusal names (out of stock, unknown), from the domain error's details. */
export function skusOf(failure: ActionFailure): string[] {
  const skus = failure.details?.skus;
  return Array.isArray(skus) ? skus.map(String) : [];
}

/**
 * A failed action in the user's language, by its stable code (the server's text is English), naming
 * the SKUs when the refusal names them. The one map for every area.
 */
export function actionErrorMessage(t: Translate, failure: ActionFailure): string {
  const skus = skusOf(failure).join(', ');
  if (skus && failure.code === 'out_of_stock') return t('errors.out_of_stock_skus', { skus });
  if (skus && failure.code === 'unprocessable') return t('errors.unknown_skus', { skus });
  // What cannot be done is the server's to say (a store without click-and-collect…); its text is English.
  if (failure.code === 'unprocessable' && failure.message)
    return t('errors.unprocessable_detail', { message: failure.message });
  return t(ERROR_KEYS[failure.code] ?? 'errors.unexpected');
}

/**
 * The one way an action's result is reported: a toast, success or failure. Field errors are not
 * toasted; a form shows them on its fields (see setServerErrors in components/form-errors.ts).
 * Returns whether the action succeeded.
 */
export function reportResult<T>(
  t: Translate,
  result: ActionResult<T>,
  success: string | ((data: T) => string),
): result is Extract<ActionResult<T>, { ok: true }> {
  if (result.ok) toast.success(typeof success === 'function' ? success(result.data) : success);
  else toast.error(actionErrorMessage(t, result));
  return result.ok;
}
