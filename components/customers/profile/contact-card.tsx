import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { CustomerProfile } from '@/lib/customers/queries';
import { getI18n } from '@/lib/next/i18n';
import { ContactDialog } from './dialogs';
import { formatPhone } from '@/lib/customers/normalize';

/** Contact details, marketing consents and tags; the edit dialog for those who may edit. */
export async function ContactCard({
  profile,
  canEdit,
  erased = false,
}: {
  profile: CustomerProfile;
  canEdit: boolean;
  /** The viewer could edit but the customer's data was erased: say so where the edit button was. */
  erased?: boolean;
}) {
  const { t } = await getI18n();
  const none = <span className="text-muted-foreground">{t('customers.profile.none')}</span>;
  const consent = (given: boolean) => (
    <Badge variant={given ? 'done' : 'closed'}>
      {given ? t('customerProfile.contact.consentGiven') : t('customerProfile.contact.consentRefused')}
    </Badge>
  );
  return (
    <Card>
      <CardHeader layout="row" className="flex-wrap items-start justify-between">
        <CardTitle>{t('customers.profile.contact')}</CardTitle>
        {canEdit ? (
          <ContactDialog
            initial={{
              customerId: profile.id,
              firstName: profile.firstName,
              lastName: profile.lastName,
              email: profile.email ?? '',
              phone: profile.phone ? formatPhone(profile.phone) : '',
              marketingEmail: profile.marketingEmail,
              marketingSms: profile.marketingSms,
              tags: profile.tags.join(', '),
            }}
          />
        ) : erased ? (
          <p className="basis-full text-sm text-muted-foreground">{t('customerProfile.contact.erased')}</p>
        ) : null}
      </CardHeader>
      <CardContent>
        <dl className="grid gap-2 text-sm">
          <div>
            <dt className="text-xs text-muted-foreground">{t('customers.profile.email')}</dt>
            <dd className="break-all">
              {profile.email ? (
                <a href={`mailto:${profile.email}`} className="hover:underline">
                  {profile.email}
                </a>
              ) : (
                none
              )}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">{t('customers.profile.phone')}</dt>
            <dd className="tabular-nums">
              {profile.phone ? (
                <a href={`tel:${profile.phone}`} className="hover:underline">
                  {formatPhone(profile.phone)}
                </a>
              ) : (
                none
              )}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">{t('customerProfile.contact.consents')}</dt>
            <dd className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="inline-flex items-center gap-1">
                {t('customerProfile.contact.marketingEmail')} {consent(profile.marketingEmail)}
              </span>
              <span className="inline-flex items-center gap-1">
                {t('customerProfile.contact.marketingSms')} {consent(profile.marketingSms)}
              </span>
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">{t('customerProfile.contact.tags')}</dt>
            <dd className="mt-0.5">
              {profile.tags.length === 0 ? (
                <span className="text-muted-foreground">{t('customerProfile.contact.noTags')}</span>
              ) : (
                <ul className="flex flex-wrap gap-1">
                  {profile.tags.map((tag) => (
                    <li key={tag}>
                      <Badge variant="info">{tag}</Badge>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
      </CardContent>
    </Card>
  );
}
