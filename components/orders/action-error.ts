import type { ActionResult } from '@/lib/http/result';
import type { Translate } from '@/lib/i18n/core';

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

function skusOf(failure: Failure): string[] {
  const skus = failure.details?.skus;
  return Array.isArray(skus) ? skus.map(String) : [];
}

/** A failed order action in the user's language, by its stable code (the server's text is English). */
export function orderActionError(t: Translate, failure: Failure): string {
  switch (failure.code) {
    case 'out_of_stock':
      return t('orders.errors.out_of_stock', { skus: skusOf(failure).join(', ') || '—' });
    case 'unprocessable':
      return skusOf(failure).length
        ? t('orders.errors.unknown_sku', { skus: skusOf(failure).join(', ') })
        : t('orders.errors.unprocessable', { message: failure.message });
    case 'forbidden':
      return t('orders.errors.forbidden');
    case 'illegal_transition':
      return t('orders.errors.illegal_transition');
    case 'not_found':
      return t('orders.errors.not_found');
    case 'conflict':
    case 'stock_conflict':
      return t('orders.errors.conflict');
    case 'validation_failed':
      return t('orders.errors.validation');
    case 'unauthenticated':
      return t('orders.errors.unauthenticated');
    default:
      return t('orders.errors.unexpected');
  }
}
