'use client';

import { lazy, Suspense, useId, useState, type ComponentProps } from 'react';
import { useSearchParams } from 'next/navigation';
import { Icon } from '@/components/ui/icons';
import { ChevronDown, LoaderCircle, MapPin, Search } from 'lucide';
import { useHydrated } from '@/components/use-hydrated';
import { useLiveFilters, type FilterFields } from '@/components/use-live-filters';
import { Button, ButtonLink } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { useI18n } from '@/lib/next/i18n-client';
import type { LocationOption } from '@/lib/inventory/queries/locations';
import { STOCK_STATUSES } from '@/lib/inventory/constants';
import type { InventoryListQuery } from '@/lib/inventory/schemas';
import { inventoryListHref } from './list-url';
import { ScanForm } from './scan-form';

// The location menu (Radix's dropdown, ~30 KB gzip) loads when the pointer or the focus reaches its
// button, and the first click opens it once it has arrived, as the user menu does.
const loadLocationMenu = () => import('./location-menu');
const LocationMenu = lazy(() => loadLocationMenu().then((m) => ({ default: m.LocationMenu })));

/** What the form's fields write; the page is not one of them: a new view starts on its first page. */
const toHref = (f: FilterFields) =>
  inventoryListHref({
    loc: f.loc ? f.loc.split(',') : undefined,
    q: f.q,
    category: f.category,
    brand: f.brand,
    status: (f.status || undefined) as InventoryListQuery['status'],
    sort: f.sort as InventoryListQuery['sort'],
    dir: f.dir as InventoryListQuery['dir'],
  });

/**
 * The stock list's filters: a GET form, so they work without JavaScript (fields, then Apply; the
 * location menu needs JavaScript, and the chosen locations ride along). With it, every change is
 * a new URL at once (useLiveFilters; typing waits for a 300 ms pause) that the server renders the
 * list for, and Apply is hidden. Every view is shareable and back-button friendly.
 */
type InventoryFiltersProps = {
  /** The locations the view covers (the URL's, else the user's default). */
  selected: readonly string[];
  locations: readonly LocationOption[];
  categories: readonly string[];
  brands: readonly string[];
};

export function InventoryFilters({ selected, locations, categories, brands }: InventoryFiltersProps) {
  const { t } = useI18n();
  const formId = useId();
  const searchId = useId();
  const hydrated = useHydrated();
  const params = useSearchParams();
  const { formRef, pending, apply, submit } = useLiveFilters(toHref);
  /** The view the URL names (the fields may be ahead of it while the list comes). */
  const url = (key: string) => params.get(key) ?? '';
  const change = () => apply();

  const selectedSet = new Set(selected);
  const chooseLocations = (ids: readonly string[]) => apply({ patch: { loc: ids.join(',') } });
  function toggleLocation(id: string, checked: boolean) {
    const next = locations.map((l) => l.id).filter((x) => (x === id ? checked : selectedSet.has(x)));
    if (next.length === 0) return; // a view covers at least one location
    chooseLocations(next);
  }
  const allSelected = locations.every((l) => selectedSet.has(l.id));
  const [menuOpened, setMenuOpened] = useState(false);
  const chosen = locations.filter((l) => selectedSet.has(l.id));
  const locationSummary = allSelected
    ? t('inventory.filters.locationsAll')
    : chosen.length === 1
      ? chosen[0].name
      : chosen.length <= 3
        ? chosen.map((l) => l.code).join(', ')
        : t('inventory.filters.locationsCount', { count: chosen.length });

  const hasFilters = ['q', 'category', 'brand', 'status', 'loc'].some((key) => url(key));
  /** The menu's button, the same before the menu has loaded (a plain button) and inside it (Radix's trigger). */
  const locationButton = (props: ComponentProps<typeof Button> = {}) => (
    <Button
      variant="secondary"
      justify="between"
      weight="normal"
      className="max-w-full"
      aria-label={`${t('inventory.filters.locations')}: ${locationSummary}`}
      {...props}
    >
      <Icon node={MapPin} aria-hidden className="text-muted-foreground" />
      <span className="truncate">{locationSummary}</span>
      <Icon node={ChevronDown} aria-hidden className="text-muted-foreground" />
    </Button>
  );

  return (
    <section
      aria-label={t('inventory.filters.label')}
      className="mb-4 rounded-lg border border-border bg-surface p-3 shadow-card"
    >
      <div className="grid gap-3 md:grid-cols-[minmax(0,1fr)_minmax(0,20rem)]">
        <form
          id={formId}
          method="get"
          action="/inventory"
          role="search"
          className="flex min-w-0 flex-col gap-1.5"
          ref={formRef}
          onSubmit={submit}
        >
          {url('loc') ? <input type="hidden" name="loc" value={url('loc')} /> : null}
          {url('sort') ? <input type="hidden" name="sort" value={url('sort')} /> : null}
          {url('dir') ? <input type="hidden" name="dir" value={url('dir')} /> : null}
          <Label htmlFor={searchId} size="sm">
            {t('inventory.filters.search')}
          </Label>
          <div className="relative">
            <Icon
              node={Search}
              aria-hidden
              className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
            />
            <Input
              id={searchId}
              name="q"
              type="search"
              defaultValue={url('q')}
              placeholder={t('inventory.filters.searchPlaceholder')}
              autoComplete="off"
              spellCheck={false}
              className="pl-8"
              onChange={() => apply({ typing: true })}
            />
          </div>
        </form>
        <ScanForm />
      </div>

      <div className="mt-3 flex flex-wrap items-center gap-2">
        {menuOpened ? (
          <Suspense fallback={locationButton({ 'aria-expanded': false })}>
            <LocationMenu
              trigger={locationButton()}
              locations={locations}
              selected={selectedSet}
              onToggle={toggleLocation}
              onSelectAll={() => chooseLocations(locations.map((l) => l.id))}
            />
          </Suspense>
        ) : (
          locationButton({
            'aria-haspopup': 'menu',
            'aria-expanded': false,
            onPointerEnter: () => void loadLocationMenu(),
            onFocus: () => void loadLocationMenu(),
            onClick: () => setMenuOpened(true),
          })
        )}

        <NativeSelect
          aria-label={t('inventory.filters.category')}
          form={formId}
          name="category"
          defaultValue={url('category')}
          onChange={change}
          containerClassName="w-auto max-w-60"
        >
          <option value="">{t('inventory.filters.allCategories')}</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect
          aria-label={t('inventory.filters.brand')}
          form={formId}
          name="brand"
          defaultValue={url('brand')}
          onChange={change}
          containerClassName="w-auto max-w-60"
        >
          <option value="">{t('inventory.filters.allBrands')}</option>
          {brands.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect
          aria-label={t('inventory.filters.status')}
          form={formId}
          name="status"
          defaultValue={url('status')}
          onChange={change}
          containerClassName="w-auto max-w-60"
        >
          <option value="">{t('inventory.filters.allStatuses')}</option>
          {STOCK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`inventory.status.${s}`)}
            </option>
          ))}
        </NativeSelect>

        {hasFilters ? (
          <ButtonLink variant="ghost" size="md" href="/inventory" scroll={false}>
            {t('inventory.filters.clear')}
          </ButtonLink>
        ) : null}
        <Button type="submit" form={formId} variant="secondary" hidden={hydrated}>
          {t('inventory.filters.apply')}
        </Button>
        {pending ? (
          <span role="status" className="ml-auto inline-flex items-center gap-1.5 text-xs text-muted-foreground">
            <Icon node={LoaderCircle} aria-hidden className="size-3.5 animate-spin" />
            {t('common.loading')}
          </span>
        ) : null}
      </div>
    </section>
  );
}
