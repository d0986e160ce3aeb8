'use client';

import { useFormState } from 'react-hook-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { useI18n } from '@/lib/next/i18n-client';
import { fieldErrorText, type PhoneOrderFormApi } from './use-phone-order-form';

/** Who orders: a name, and an email or a phone (either answers "a contact is needed"). */
export function CustomerFields({ form }: { form: PhoneOrderFormApi }) {
  const { t } = useI18n();
  const { errors } = useFormState({ control: form.control, name: 'customer' });
  const error = (path: string) => fieldErrorText(t, errors, path);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('orders.new.customer')}</CardTitle>
        <CardDescription>{t('orders.new.customerHint')}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 sm:grid-cols-2">
        <Field label={t('orders.new.firstName')} error={error('customer.firstName')} required>
          {(props) => <Input {...props} autoComplete="off" {...form.register('customer.firstName')} />}
        </Field>
        <Field label={t('orders.new.lastName')} error={error('customer.lastName')} required>
          {(props) => <Input {...props} autoComplete="off" {...form.register('customer.lastName')} />}
        </Field>
        <Field label={t('orders.new.email')} error={error('customer.email')}>
          {(props) => (
            <Input
              {...props}
              type="email"
              autoComplete="off"
              spellCheck={false}
              {...form.register('customer.email', { deps: ['customer.phone'] })}
            />
          )}
        </Field>
        <Field label={t('orders.new.phone')} error={error('customer.phone')}>
          {(props) => (
            <Input
              {...props}
              type="tel"
              autoComplete="off"
              {...form.register('customer.phone', { deps: ['customer.email'] })}
            />
          )}
        </Field>
      </CardContent>
    </Card>
  );
}
