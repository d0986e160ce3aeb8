import { Link } from '@/components/ui/link';
import { Icon } from '@/components/ui/icons';
import { ChevronLeft } from 'lucide';
import { getI18n } from '@/lib/next/i18n';
import type { SkuView } from '@/lib/inventory/queries/sku-detail';
import { ProductThumb } from '../product-thumb';

/** The way back to the list, the product and variant, its codes, and its prices (cost only when shown). */
export async function SkuHeader({ detail }: { detail: SkuView }) {
  const { t, formatMoney } = await getI18n();
  return (
    <>
      <Link
        href="/inventory"
        className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <Icon node={ChevronLeft} aria-hidden className="size-4" />
        {t('inventory.sku.back')}
      </Link>
      <div className="mb-6 flex flex-wrap items-start gap-4">
        <ProductThumb name={detail.productName} size="lg" />
        <div className="min-w-0 flex-1">
          <h1 className="text-xl font-semibold tracking-tight">
            {detail.productName} <span className="font-normal text-muted-foreground">· {detail.title}</span>
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">
            <span className="font-mono text-foreground">{detail.sku}</span>
            {detail.barcode ? <span className="font-mono">{detail.barcode}</span> : null}
            <span>{t('inventory.sku.brandCategory', { brand: detail.brand, category: detail.category })}</span>
          </p>
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_auto]">
          <dt className="text-muted-foreground">{t('inventory.sku.price')}</dt>
          <dd className="text-right tabular-nums">{formatMoney(detail.priceCents, detail.currency)}</dd>
          {detail.costCents !== null ? (
            <>
              <dt className="text-muted-foreground">{t('inventory.sku.cost')}</dt>
              <dd className="text-right tabular-nums">{formatMoney(detail.costCents, detail.currency)}</dd>
            </>
          ) : null}
        </dl>
      </div>
    </>
  );
}
