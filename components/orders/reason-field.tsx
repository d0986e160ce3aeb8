'use client';

import type { ComponentProps } from 'react';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { useI18n } from '@/lib/next/i18n-client';

/**
 * The reason an order is cancelled or returned (the schema wants 3 to 500 characters), with a hint
 * that gives way to the error. The rest are the textarea's own props: react-hook-form's register().
 */
export function ReasonField({ invalid, ...textarea }: Omit<ComponentProps<'textarea'>, 'id'> & { invalid: boolean }) {
  const { t } = useI18n();
  return (
    <Field
      label={t('orders.actions.reason')}
      error={invalid ? t('orders.actions.reasonTooShort') : null}
      hint={invalid ? undefined : t('orders.actions.reasonHint')}
    >
      {(props) => <Textarea {...props} required maxLength={500} {...textarea} />}
    </Field>
  );
}
