import { Icon } from '@/components/ui/icons';
import { Download } from 'lucide';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getI18n } from '@/lib/next/i18n';
import { EraseCustomerDialog } from './erase-customer-dialog';

export type PrivacySectionProps = {
  customerId: string;
  email: string | null;
  erasedAt: Date | null;
  canExport: boolean;
  canErase: boolean;
};

/**
 * The profile's Privacy section: the export of the customer's data (owners and agents) and, for
 * owners, the erasure behind a typed confirmation; once erased, when. Nothing for a manager.
 */
export async function PrivacySection({
  customerId,
  email,
  erasedAt: erased,
  canExport,
  canErase,
}: PrivacySectionProps) {
  if (!canExport) return null;
  const { t, formatDate } = await getI18n();
  return (
    <section aria-labelledby="customer-privacy" className="mt-8">
      <Card>
        <CardHeader>
          <CardTitle id="customer-privacy">{t('customerPrivacy.title')}</CardTitle>
          <CardDescription>{t('customerPrivacy.description')}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 text-sm">
          {erased ? (
            <p role="status" className="font-medium">
              {t('customerPrivacy.erasedOn', { date: formatDate(erased, undefined, 'long') })}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <a
              href={`/customers/${customerId}/export`}
              download
              className="inline-flex h-8 items-center gap-1.5 rounded-md border border-border bg-surface px-3 text-sm font-medium hover:bg-muted"
            >
              <Icon node={Download} aria-hidden className="size-4" />
              {t('customerPrivacy.export')}
            </a>
            <span className="text-muted-foreground">{t('customerPrivacy.exportHint')}</span>
          </div>
          {canErase && !erased ? (
            <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
              <EraseCustomerDialog
                customerId={customerId}
                labels={{
                  trigger: t('customerPrivacy.erase'),
                  title: t('customerPrivacy.dialog.title'),
                  description: t('customerPrivacy.dialog.description'),
                  label: email ? t('customerPrivacy.dialog.label') : t('customerPrivacy.dialog.labelNoEmail'),
                  submit: t('customerPrivacy.dialog.submit'),
                  pending: t('customerPrivacy.dialog.pending'),
                  done: t('customerPrivacy.dialog.done'),
                  errors: {
                    required: t('customerPrivacy.errors.required'),
                    too_long: t('customerPrivacy.errors.too_long'),
                    mismatch: t('customerPrivacy.errors.mismatch'),
                  },
                }}
              />
              <span className="max-w-prose text-muted-foreground">{t('customerPrivacy.eraseHint')}</span>
            </div>
          ) : null}
        </CardContent>
      </Card>
    </section>
  );
}
