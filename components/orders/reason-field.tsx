'use client';

import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { useI18n } from '@/lib/next/i18n-client';

/** The reason an order is cancelled or returned: 3 to 500 characters, with a hint that turns into the error. */
export function ReasonField({
  id,
  name,
  value,
  onChange,
  onBlur,
  invalid,
}: {
  id: string;
  name?: string;
  value: string;
  onChange: (reason: string) => void;
  onBlur: () => void;
  invalid: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{t('orders.actions.reason')}</Label>
      <Textarea
        id={id}
        name={name}
        required
        minLength={3}
        maxLength={500}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className={invalid ? 'text-xs text-destructive' : 'text-xs text-muted-foreground'}>
        {invalid ? t('orders.actions.reasonTooShort') : t('orders.actions.reasonHint')}
      </p>
    </div>
  );
}
