import type { Metadata } from 'next';
import { Icon } from '@/components/ui/icons';
import { SearchX } from 'lucide';
import { EmptyState } from '@/components/ui/empty-state';
import { getI18n } from '@/lib/next/i18n';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('track.notFound.metaTitle'), robots: { index: false, follow: false } };
}

/** An unknown, malformed or expired tracking link: one page for all, saying nothing about which. */
export default async function TrackNotFound() {
  const { t } = await getI18n();
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl items-center px-4 py-12">
      <EmptyState
        className="w-full"
        headingLevel={1}
        icon={<Icon node={SearchX} />}
        title={t('track.notFound.title')}
        description={t('track.notFound.description')}
      />
    </main>
  );
}
