import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { Icon } from '@/components/ui/icons';
import { ArrowLeftRight, CircleCheck, Truck } from 'lucide';
import { LocationSelectForm } from '@/components/inventory/location-select-form';
import { Pager } from '@/components/ui/pager';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { can, scopeOf } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';
import { listLocations } from '@/lib/inventory/queries/locations';
import { replenishmentPageParam } from '@/lib/inventory/list-params';
import { listReplenishment } from '@/lib/inventory/replenishment';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('inventory.replenishment.title') };
}

const PAGE_SIZE = 50;

/** SKUs at or below reorder point per location, with a transfer-or-reorder suggestion. Managers start on their stores. */
export default async function ReplenishmentPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [ctx, { locale, t, formatNumber }, sp] = await Promise.all([
    requirePage('inventory.view'),
    getI18n(),
    searchParams,
  ]);
  const db = await getDb();
  const locations = await listLocations(db, locale);
  const mine = scopeOf(ctx, 'inventory.adjust');
  const hasMine = ctx.role === 'manager' && mine !== null && mine.length > 0;
  const asked = Array.isArray(sp.loc) ? sp.loc[0] : sp.loc;
  const choice =
    asked === 'all' || (asked && locations.some((l) => l.id === asked)) || (asked === 'mine' && hasMine)
      ? asked
      : hasMine
        ? 'mine'
        : 'all';
  const scope = choice === 'all' ? locations.map((l) => l.id) : choice === 'mine' ? [...mine!] : [choice];
  const page = replenishmentPageParam(sp.page);
  const { lines, hasNext } = await listReplenishment(db, scope, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const n = (v: number) => formatNumber(v);
  const nameById = new Map(locations.map((l) => [l.id, l.name]));
  const href = (p: number) => `/inventory/replenishment?loc=${choice}${p > 1 ? `&page=${p}` : ''}`;
  const options = [
    ...(hasMine
      ? [
          {
            value: 'mine',
            label: locations
              .filter((l) => mine.includes(l.id))
              .map((l) => l.name)
              .join(', '),
          },
        ]
      : []),
    { value: 'all', label: t('inventory.transfers.allLocations') },
    ...locations.map((l) => ({ value: l.id, label: `${l.code} · ${l.name}` })),
  ];

  return (
    <>
      <PageHeader title={t('inventory.replenishment.title')} description={t('inventory.replenishment.description')} />
      <LocationSelectForm
        action="/inventory/replenishment"
        label={t('inventory.transfers.location')}
        value={choice}
        options={options}
        submitLabel={t('inventory.transfers.show')}
      />
      {lines.length === 0 ? (
        <EmptyState
          icon={<Icon node={CircleCheck} />}
          title={t('inventory.replenishment.empty')}
          description={t('inventory.replenishment.emptyDescription')}
        />
      ) : (
        <Table label={t('inventory.replenishment.label')}>
          <TableHeader>
            <TableRow hover={false}>
              <TableHead>{t('inventory.col.location')}</TableHead>
              <TableHead>{t('inventory.col.product')}</TableHead>
              <TableHead numeric>{t('inventory.col.onHand')}</TableHead>
              <TableHead numeric>{t('inventory.col.reserved')}</TableHead>
              <TableHead numeric>
                <abbr title={t('inventory.col.reorderPoint')} className="no-underline">
                  {t('inventory.col.reorderShort')}
                </abbr>
              </TableHead>
              <TableHead numeric>{t('inventory.replenishment.col.need')}</TableHead>
              <TableHead>{t('inventory.replenishment.col.suggestion')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lines.map((l) => {
              const s = l.suggestion;
              // Who may send from the source creates the transfer; a manager of the store short of it asks for it.
              const canPrepare = s.kind === 'transfer' && can(ctx, 'inventory.transfer', s.fromLocationId);
              const canRequest = s.kind === 'transfer' && !canPrepare && can(ctx, 'inventory.transfer', l.locationId);
              return (
                <TableRow key={`${l.locationId}-${l.variantId}`}>
                  <TableCell className="whitespace-nowrap font-mono text-xs" title={nameById.get(l.locationId)}>
                    {l.locationCode}
                  </TableCell>
                  <TableCell className="min-w-56">
                    <Link href={`/inventory/${l.variantId}`} className="font-medium hover:text-primary hover:underline">
                      {l.productName}
                    </Link>
                    <div className="font-mono text-xs text-muted-foreground">{l.sku}</div>
                  </TableCell>
                  <TableCell numeric className={l.onHand - l.reserved <= 0 ? 'text-problem' : undefined}>
                    {n(l.onHand)}
                  </TableCell>
                  <TableCell numeric className="text-muted-foreground">
                    {n(l.reserved)}
                  </TableCell>
                  <TableCell numeric className="text-muted-foreground">
                    {n(l.reorderPoint)}
                  </TableCell>
                  <TableCell numeric className="font-semibold">
                    {n(l.need)}
                  </TableCell>
                  <TableCell>
                    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                      {s.kind === 'transfer' ? (
                        <>
                          <span className="inline-flex items-center gap-1.5">
                            <Icon
                              node={ArrowLeftRight}
                              aria-hidden
                              className="size-3.5 shrink-0 text-muted-foreground"
                            />
                            {t('inventory.replenishment.transferFrom', {
                              quantity: n(s.quantity),
                              location: s.fromLocationCode,
                            })}
                          </span>
                          {canPrepare ? (
                            <ButtonLink
                              variant="secondary"
                              size="sm"
                              href={`/inventory/transfers/new?from=${s.fromLocationId}&to=${l.locationId}&variant=${l.variantId}&qty=${s.quantity}`}
                              aria-label={t('inventory.replenishment.prepareLabel', {
                                quantity: n(s.quantity),
                                sku: l.sku,
                                from: s.fromLocationCode,
                                to: l.locationCode,
                              })}
                            >
                              {t('inventory.replenishment.prepare')}
                            </ButtonLink>
                          ) : canRequest ? (
                            <ButtonLink
                              variant="secondary"
                              size="sm"
                              href={`/inventory/transfers/request?from=${s.fromLocationId}&to=${l.locationId}&variant=${l.variantId}&qty=${s.quantity}`}
                              aria-label={t('inventory.replenishment.requestLabel', {
                                quantity: n(s.quantity),
                                sku: l.sku,
                                from: s.fromLocationCode,
                                to: l.locationCode,
                              })}
                            >
                              {t('inventory.replenishment.request')}
                            </ButtonLink>
                          ) : null}
                        </>
                      ) : (
                        <span className="inline-flex items-center gap-1.5 text-waiting">
                          <Icon node={Truck} aria-hidden className="size-3.5 shrink-0" />
                          {t('inventory.replenishment.reorder', { quantity: n(s.quantity) })}
                        </span>
                      )}
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <Pager
        label={t('inventory.pagination.label')}
        pageLabel={t('inventory.pagination.page', { page })}
        back="previous"
        previous={{ href: page > 1 ? href(page - 1) : null, label: t('inventory.pagination.previous') }}
        next={{ href: hasNext ? href(page + 1) : null, label: t('inventory.pagination.next') }}
      />
    </>
  );
}
