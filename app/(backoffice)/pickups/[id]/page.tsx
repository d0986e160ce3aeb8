import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { Icon } from '@/components/ui/icons';
import { ArrowLeft, Printer } from 'lucide';
import { PICKUP_STATE_VARIANT } from '@/components/orders/status';
import { PickList } from '@/components/pickups/pick-list';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { getI18n } from '@/lib/next/i18n';
import { valueForPage } from '@/lib/next/page-guard';
import { requirePage } from '@/lib/next/session';
import { formatPickupCode } from '@/lib/pickups/code';
import { qrSvg } from '@/lib/pickups/qr';
import { readPickList } from './read-pick-list';

type Params = Promise<{ id: string }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ id }, { t }] = await Promise.all([params, getI18n()]);
  if (!UUID.test(id)) return { title: t('pickups.title') };
  const read = await readPickList(id);
  return { title: read.ok ? t('pickups.pick.metaTitle', { number: read.value.order.number }) : t('pickups.title') };
}

/** One pickup's pick list: what to take from the shelves, picked by scan or tap, short picks and their outcomes, ready. */
export default async function PickPage({ params }: { params: Params }) {
  const [{ id }, ctx, { t, formatDateTime }] = await Promise.all([params, requirePage('pickups.view'), getI18n()]);
  if (!UUID.test(id)) notFound();
  const list = valueForPage(await readPickList(id));
  const manage = can(ctx, 'pickups.manage', list.store.id);
  const pickable = manage && (list.state === 'placed' || list.state === 'to_pick');
  const when = (d: Date) => formatDateTime(d, list.store.timeZone);
  const qr =
    list.state === 'ready' && list.code
      ? await qrSvg(list.code, `${t('pickups.pick.codeLabel')} ${formatPickupCode(list.code)}`)
      : null;

  return (
    <>
      <Link
        href="/pickups"
        className="mb-3 inline-flex items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground print:hidden"
      >
        <Icon node={ArrowLeft} aria-hidden className="size-4" />
        {t('pickups.pick.back')}
      </Link>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span>{list.order.number}</span>
            <Badge variant={PICKUP_STATE_VARIANT[list.state]} size="md">
              {t(`orders.pickupState.${list.state}`)}
            </Badge>
          </span>
        }
        description={[
          list.order.customerName ? t('pickups.pick.customer', { name: list.order.customerName }) : null,
          `${list.store.code} · ${list.store.name}`,
          t('pickups.pick.placed', { date: when(list.order.placedAt) }),
        ]
          .filter(Boolean)
          .join(' — ')}
        action={
          <Link
            href={`/pickups/print?ids=${list.pickupId}`}
            className={buttonVariants({ variant: 'secondary' })}
            target="_blank"
          >
            <Icon node={Printer} aria-hidden />
            {t('pickups.pick.printOne')}
          </Link>
        }
      />
      {list.state === 'ready' && list.code ? (
        <section
          aria-labelledby="ready-title"
          className="mb-6 flex flex-wrap items-center gap-6 rounded-lg border border-done-border bg-done-soft p-6"
        >
          <div className="flex flex-col gap-1">
            <h2 id="ready-title" className="text-base font-semibold">
              {t('pickups.pick.readyTitle')}
            </h2>
            <p className="text-sm text-muted-foreground">{t('pickups.pick.codeLabel')}</p>
            <p className="font-mono text-6xl font-bold tracking-widest tabular-nums" data-testid="pickup-code">
              {formatPickupCode(list.code)}
            </p>
            {list.dueBy ? <p className="text-sm">{t('pickups.pick.dueBy', { date: when(list.dueBy) })}</p> : null}
          </div>
          {qr ? (
            <div className="size-40 bg-white p-1 [&_svg]:size-full" dangerouslySetInnerHTML={{ __html: qr }} />
          ) : null}
        </section>
      ) : null}
      {!pickable && list.state !== 'ready' ? (
        <p className="mb-4 text-sm text-muted-foreground">{t('pickups.pick.notPickable')}</p>
      ) : null}
      {pickable ? <p className="mb-4 text-sm text-muted-foreground">{t('pickups.pick.description')}</p> : null}
      <PickList
        pickupId={list.pickupId}
        currency={list.order.currency}
        pickable={pickable}
        lines={list.lines}
        rerouteStores={list.rerouteStores.map((s) => ({ id: s.id, label: `${s.code} · ${s.name}` }))}
      />
    </>
  );
}
