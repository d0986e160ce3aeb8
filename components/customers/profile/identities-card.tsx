import type { ComponentProps } from 'react';
import { ChannelBadge } from '@/components/orders/channel-badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { CustomerProfile } from '@/lib/customers/queries';
import { getI18n } from '@/lib/next/i18n';

/** Every identity a channel knows the customer by, and the channels they ordered from. */
export async function IdentitiesCard({
  profile,
  channels,
}: {
  profile: CustomerProfile;
  channels: readonly { code: string; name: string; kind: ComponentProps<typeof ChannelBadge>['kind'] }[];
}) {
  const { t } = await getI18n();
  const kinds = Object.fromEntries(channels.map((c) => [c.code, c.kind]));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('customers.profile.identities')}</CardTitle>
        <CardDescription>{t('customers.profile.identitiesHint')}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {profile.identities.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('customers.profile.noIdentities')}</p>
        ) : (
          <ul className="grid gap-2 text-sm">
            {profile.identities.map((identity) => (
              <li key={`${identity.kind}:${identity.scope}:${identity.value}`} className="grid">
                <span className="text-xs text-muted-foreground">
                  {identity.kind === 'buyer_id'
                    ? t('customers.profile.identity.buyer_id', {
                        channel: channels.find((c) => c.code === identity.scope)?.name ?? identity.scope,
                      })
                    : t(`customers.profile.identity.${identity.kind}`)}
                </span>
                <span className="break-all font-mono text-[0.8125rem]">{identity.value}</span>
              </li>
            ))}
          </ul>
        )}
        <div>
          <h3 className="mb-1 text-xs text-muted-foreground">{t('customers.profile.channels')}</h3>
          {profile.channels.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('customers.profile.noChannels')}</p>
          ) : (
            <ul className="flex flex-wrap gap-2">
              {profile.channels.map((c) => (
                <li key={c.code}>
                  <ChannelBadge code={c.code} name={c.name} kind={kinds[c.code]} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
