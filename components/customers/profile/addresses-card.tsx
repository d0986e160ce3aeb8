import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { CustomerOverview } from '@/lib/customers/profile';
import { getI18n } from '@/lib/next/i18n';

/** The addresses the customer's orders went to, the most recently used first. */
export async function AddressesCard({ addresses }: { addresses: CustomerOverview['addresses'] }) {
  const { t, formatDate, formatCountry } = await getI18n();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('customerProfile.addresses.title')}</CardTitle>
        <CardDescription>{t('customerProfile.addresses.hint')}</CardDescription>
      </CardHeader>
      <CardContent>
        {addresses.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('customerProfile.addresses.empty')}</p>
        ) : (
          <ul className="grid gap-3 text-sm">
            {addresses.map((a) => (
              <li key={`${a.line1}|${a.line2 ?? ''}|${a.postalCode}|${a.city}|${a.country}|${a.name ?? ''}`}>
                <address className="not-italic">
                  {a.name ? <span className="block">{a.name}</span> : null}
                  {a.line1 ? <span className="block">{a.line1}</span> : null}
                  {a.line2 ? <span className="block">{a.line2}</span> : null}
                  {/* An erased customer's address keeps only the country and the postcode's start. */}
                  <span className="block">
                    {[[a.postalCode, a.city].filter(Boolean).join(' '), a.country && formatCountry(a.country)]
                      .filter(Boolean)
                      .join(', ')}
                  </span>
                </address>
                <span className="text-xs text-muted-foreground">
                  {t('customerProfile.addresses.lastUsed', { date: formatDate(a.lastUsedAt) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
