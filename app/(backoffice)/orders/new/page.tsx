import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { Icon } from '@/components/ui/icons';
import { ArrowLeft } from 'lucide';
import { PhoneOrderForm } from '@/components/orders/phone-order-form';
import { QueryProvider } from '@/components/query-provider';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';
import { listLocations } from '@/lib/inventory/queries/locations';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('orders.new.title') };
}

export default async function NewPhoneOrderPage() {
  const [, { locale, t }] = await Promise.all([requirePage('orders.create_phone'), getI18n()]);
  const locations = await listLocations(await getDb(), locale);
  // Ingestion refuses a store without click-and-collect with a clear error; the demo stores all offer it.
  const stores = locations.filter((l) => l.kind === 'store').map((l) => ({ code: l.code, name: l.name }));
  return (
    <>
      <Link
        href="/orders"
        className="mb-3 inline-flex items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground"
      >
        <Icon node={ArrowLeft} aria-hidden className="size-4" />
        {t('orders.detail.back')}
      </Link>
      <PageHeader title={t('orders.new.title')} description={t('orders.new.description')} />
      <QueryProvider>
        <PhoneOrderForm stores={stores} />
      </QueryProvider>
    </>
  );
}
