import type { Metadata } from 'next';
import { Icon } from '@/components/ui/icons';
import { ShieldX } from 'lucide';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { getI18n } from '@/lib/next/i18n';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('forbidden.metaTitle') };
}

// Where requirePage() sends a signed-in user without the right; the layout has already checked the session.
export default async function ForbiddenPage() {
  const { t } = await getI18n();
  return (
    <EmptyState
      className="mt-4"
      headingLevel={1}
      icon={<Icon node={ShieldX} />}
      title={t('forbidden.title')}
      description={t('forbidden.description')}
      action={<ButtonLink href="/">{t('common.backToDashboard')}</ButtonLink>}
    />
  );
}
