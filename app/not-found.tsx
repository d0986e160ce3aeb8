import type { Metadata } from 'next';
import { Icon } from '@/components/ui/icons';
import { Compass } from 'lucide';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { getI18n } from '@/lib/next/i18n';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('notFound.metaTitle') };
}

export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl items-center px-4 py-12">
      <EmptyState
        className="w-full"
        headingLevel={1}
        icon={<Icon node={Compass} />}
        title={t('notFound.title')}
        description={t('notFound.description')}
        action={<ButtonLink href="/">{t('notFound.back')}</ButtonLink>}
      />
    </main>
  );
}
