import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { Icon } from '@/components/ui/icons';
import { ArrowLeftRight, ClipboardList, Download, PackagePlus, SearchX } from 'lucide';
import { InventoryFilters } from '@/components/inventory/inventory-filters';
import { inventoryListHref } from '@/components/inventory/list-url';
import { ProductThumb } from '@/components/inventory/product-thumb';
import { SortableHead } from '@/components/inventory/table-bits';
import { Pager } from '@/components/ui/pager';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { ButtonLink, buttonVariants } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';
import { listInventory, type InventoryRow } from '@/lib/inventory/queries/list';
import { effectiveLocations, listCategories, listLocations } from '@/lib/inventory/queries/locations';
import { parseInventoryListParams } from '@/lib/inventory/list-params';
import { isLowStock } from '@/lib/inventory/rules';
import type { InventoryListQuery } from '@/lib/inventory/schemas';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('inventory.title') };
}

type SearchParams = Record<string, string | string[] | undefined>;

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** Per-location columns only when they add something the totals do not say, and fit. */
const MAX_LOCATION_COLUMNS = 4;

/** Out when nothing can be promised; low when the chosen locations together are at or below their reorder points. */
function stockBadge(row: InventoryRow): 'out' | 'low' | null {
  if (row.available === 0) return 'out';
  if (isLowStock(row)) return 'low';
  return null;
}

export default async function InventoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [ctx, { locale, t, formatNumber }, sp] = await Promise.all([
    requirePage('inventory.view'),
    getI18n(),
    searchParams,
  ]);
  const query = parseInventoryListParams(sp);
  const db = await getDb();
  const [locations, { categories, brands }] = await Promise.all([listLocations(db, locale), listCategories(db)]);
  const locationIds = effectiveLocations(ctx, query.loc, locations);
  const page = await listInventory(db, query, locationIds);

  const byId = new Map(locations.map((l) => [l.id, l]));
  const perLocation =
    locationIds.length > 1 && locationIds.length <= MAX_LOCATION_COLUMNS ? locationIds.map((id) => byId.get(id)!) : [];
  const scanMiss = one(sp.scan) === 'notfound' ? one(sp.code) : undefined;
  const n = (v: number) => formatNumber(v);

  const sortHref = (sort: InventoryListQuery['sort']) =>
    inventoryListHref(query, {
      sort,
      // Numbers read best biggest first; names A→Z. A second click flips.
      dir:
        query.sort === sort
          ? query.dir === 'asc'
            ? 'desc'
            : 'asc'
          : sort === 'name' || sort === 'sku'
            ? 'asc'
            : 'desc',
      page: 1,
    });
  const head = (
    sort: InventoryListQuery['sort'],
    label: string,
    opts: { numeric?: boolean; className?: string; rowSpan?: number } = {},
  ) => (
    <SortableHead
      label={label}
      href={sortHref(sort)}
      active={query.sort === sort}
      dir={query.dir}
      sortedLabel={query.dir === 'asc' ? t('inventory.sortedAsc') : t('inventory.sortedDesc')}
      {...opts}
    />
  );

  const canAdjust = can(ctx, 'inventory.adjust');
  const canTransfer = can(ctx, 'inventory.transfer');
  // Without ?loc the export route applies the same default locations for this user.
  const exportHref = inventoryListHref({ ...query, page: 1 }, {}, '/inventory/export');
  const twoRows = perLocation.length > 0;

  return (
    <>
      <PageHeader
        title={t('inventory.title')}
        description={t('inventory.description')}
        action={
          <>
            {canAdjust ? (
              <ButtonLink href="/inventory/receive">
                <Icon node={PackagePlus} aria-hidden />
                {t('inventory.actions.receive')}
              </ButtonLink>
            ) : null}
            {canTransfer ? (
              <ButtonLink variant="secondary" href="/inventory/transfers/new">
                <Icon node={ArrowLeftRight} aria-hidden />
                {t('inventory.actions.transfer')}
              </ButtonLink>
            ) : null}
            {canAdjust ? (
              <ButtonLink variant="secondary" href="/inventory/counts/new">
                <Icon node={ClipboardList} aria-hidden />
                {t('inventory.actions.count')}
              </ButtonLink>
            ) : null}
            <a data-slot="button" className={buttonVariants({ variant: 'secondary' })} href={exportHref} download>
              <Icon node={Download} aria-hidden />
              {t('inventory.actions.export')}
            </a>
          </>
        }
      />

      <InventoryFilters selected={locationIds} locations={locations} categories={categories} brands={brands} />

      {scanMiss ? (
        <Alert tone="warning" className="mb-4">
          {t('inventory.scan.notFound', { code: scanMiss })}
        </Alert>
      ) : null}

      {page.rows.length === 0 ? (
        <EmptyState
          icon={<Icon node={SearchX} />}
          title={t('inventory.empty.title')}
          description={t('inventory.empty.description')}
          action={
            <ButtonLink variant="secondary" href="/inventory">
              {t('inventory.filters.clear')}
            </ButtonLink>
          }
        />
      ) : (
        <Table label={t('inventory.table.label')}>
          <TableHeader>
            <TableRow hover={false}>
              {/* The product stays in view when many location columns scroll sideways. */}
              {head('name', t('inventory.col.product'), {
                rowSpan: twoRows ? 2 : undefined,
                className: 'sticky left-0 z-20 min-w-56 bg-muted',
              })}
              {head('sku', t('inventory.col.sku'), { rowSpan: twoRows ? 2 : undefined })}
              {perLocation.map((l) => (
                <TableHead key={l.id} colSpan={2} scope="colgroup" align="center" className="border-l" title={l.name}>
                  {l.code}
                </TableHead>
              ))}
              {twoRows ? (
                <TableHead colSpan={3} scope="colgroup" align="center" className="border-l">
                  {t('inventory.col.total')}
                </TableHead>
              ) : (
                <>
                  {head('onHand', t('inventory.col.onHand'), { numeric: true })}
                  {head('reserved', t('inventory.col.reserved'), { numeric: true })}
                  {head('available', t('inventory.col.available'), { numeric: true })}
                </>
              )}
            </TableRow>
            {twoRows ? (
              <TableRow hover={false}>
                {perLocation.map((l) => (
                  <LocationSubHeads
                    key={l.id}
                    onHand={t('inventory.col.onHand')}
                    available={t('inventory.col.availableShort')}
                    availableTitle={t('inventory.availableHint')}
                  />
                ))}
                {head('onHand', t('inventory.col.onHand'), { numeric: true, className: 'border-l' })}
                {head('reserved', t('inventory.col.reserved'), { numeric: true })}
                {head('available', t('inventory.col.available'), { numeric: true })}
              </TableRow>
            ) : null}
          </TableHeader>
          <TableBody>
            {page.rows.map((row) => {
              const badge = stockBadge(row);
              return (
                <TableRow key={row.variantId} className="group">
                  <TableCell className="sticky left-0 z-[1] bg-surface group-hover:bg-canvas">
                    <div className="flex items-center gap-3">
                      <ProductThumb name={row.productName} />
                      <div className="min-w-0">
                        <Link
                          href={`/inventory/${row.variantId}`}
                          className="font-medium text-foreground hover:text-primary hover:underline"
                        >
                          {row.productName}
                        </Link>
                        <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-muted-foreground">
                          <span>{row.variantTitle}</span>
                          {badge ? (
                            <Badge variant={badge === 'out' ? 'problem' : 'waiting'}>
                              {badge === 'out' ? t('inventory.status.out') : t('inventory.badge.low')}
                            </Badge>
                          ) : null}
                        </div>
                      </div>
                    </div>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    <div className="font-mono text-[0.8125rem]">{row.sku}</div>
                    {row.barcode ? <div className="font-mono text-xs text-muted-foreground">{row.barcode}</div> : null}
                  </TableCell>
                  {perLocation.map((l) => {
                    const cell = row.perLocation.find((p) => p.locationId === l.id);
                    return (
                      <LocationCells
                        key={l.id}
                        onHand={cell ? n(cell.onHand) : '—'}
                        available={cell ? n(cell.available) : '—'}
                        zero={cell?.available === 0}
                      />
                    );
                  })}
                  <TableCell numeric className={twoRows ? 'border-l' : undefined}>
                    {n(row.onHand)}
                  </TableCell>
                  <TableCell numeric className="text-muted-foreground">
                    {n(row.reserved)}
                  </TableCell>
                  <TableCell numeric className={row.available === 0 ? 'font-semibold text-problem' : 'font-semibold'}>
                    {n(row.available)}
                    {/* Why available is below on hand − reserved: the safety stock kept back from remote channels. */}
                    {row.safetyStock > 0 && row.onHand > row.reserved ? (
                      <div className="whitespace-nowrap text-xs font-normal text-muted-foreground">
                        {t('inventory.list.safetyKept', { count: row.safetyStock })}
                      </div>
                    ) : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}

      <Pager
        label={t('inventory.pagination.label')}
        pageLabel={t('inventory.pagination.page', { page: page.page })}
        back="previous"
        previous={{
          href: page.page > 1 ? inventoryListHref(query, { page: page.page - 1 }) : null,
          label: t('inventory.pagination.previous'),
        }}
        next={{
          href: page.hasNext ? inventoryListHref(query, { page: page.page + 1 }) : null,
          label: t('inventory.pagination.next'),
        }}
      />
    </>
  );
}

function LocationSubHeads({
  onHand,
  available,
  availableTitle,
}: {
  onHand: string;
  available: string;
  availableTitle: string;
}) {
  return (
    <>
      <TableHead numeric weight="normal" className="border-l">
        {onHand}
      </TableHead>
      <TableHead numeric weight="normal">
        <abbr title={availableTitle} className="no-underline">
          {available}
        </abbr>
      </TableHead>
    </>
  );
}

function LocationCells({ onHand, available, zero }: { onHand: string; available: string; zero: boolean }) {
  return (
    <>
      <TableCell numeric className="border-l">
        {onHand}
      </TableCell>
      <TableCell numeric className={zero ? 'text-problem' : undefined}>
        {available}
      </TableCell>
    </>
  );
}
