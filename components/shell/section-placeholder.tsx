import type { ReactNode } from 'react';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Icon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import type { NavKey } from '@/lib/auth/permissions';
import { getI18n } from '@/lib/next/i18n';
import { NAV_ICONS } from './nav-icons';

type Section = Exclude<NavKey, 'dashboard'>;

/** A section whose release has not landed yet: its real header, and an honest empty state. */
export async function SectionPlaceholder({ section, nav }: { section: Section; nav?: ReactNode }) {
  const { t } = await getI18n();
  return (
    <>
      <PageHeader title={t(`${section}.title`)} description={t(`${section}.description`)} />
      {nav}
      <EmptyState
        icon={<Icon node={NAV_ICONS[section]} />}
        title={t('placeholder.title')}
        description={t(`${section}.placeholder`)}
        action={
          <ButtonLink variant="secondary" href="/">
            {t('common.backToDashboard')}
          </ButtonLink>
        }
      />
    </>
  );
}
