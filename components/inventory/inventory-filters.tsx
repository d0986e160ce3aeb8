'use client';

import { lazy, Suspense, useId, useState, useTransition, type ComponentProps } from 'react';
import { ChevronDown, LoaderCircle, MapPin, Search } from 'lucide-react';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { debounce, useQueryStates, type Values } from 'nuqs';
import { useHydrated } from '@/components/use-hydrated';
import { Button, ButtonLink } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { useI18n } from '@/lib/next/i18n-client';
import type { LocationOption } from '@/lib/inventory/queries/locations';
import { STOCK_STATUSES } from '@/lib/inventory/constants';
import type { InventoryListQuery } from '@/lib/inventory/schemas';
import { inventoryListParsers } from './list-url';
import { ScanForm } from './scan-form';

// The location menu (Radix's dropdown, ~30 KB gzip) loads when the pointer or the focus reaches its
// button, and the first click opens it once it has arrived, as the user menu does.
const loadLocationMenu = () => import('./location-menu');
const LocationMenu = lazy(() => loadLocationMenu().then((m) => ({ default: m.LocationMenu })));

/**
 * The stock list's filters: a GET form, so they work without JavaScript (fields, then Apply; the
 * location menu needs JavaScript, and the chosen locations ride along). With it, every change is
 * a new URL at once (nuqs; typing waits for a 300 ms pause) that the server renders the list for,
 * and Apply is hidden. Every view is shareable and back-button friendly.
 */
type InventoryFiltersProps = {
  /** The locations the view covers (the URL's, else the user's default). */
  selected: readonly string[];
  locations: readonly LocationOption[];
  categories: readonly string[];
  brands: readonly string[];
};

/** nuqs's adapter lives here, not in the app's providers: only the pages with a filter bar load it. */
export function InventoryFilters(props: InventoryFiltersProps) {
  return (
    <NuqsAdapter>
      <InventoryFiltersBar {...props} />
    </NuqsAdapter>
  );
}

function InventoryFiltersBar({ selected, locations, categories, brands }: InventoryFiltersProps) {
  const { t } = useI18n();
  const formId = useId();
  const searchId = useId();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [view, setView] = useQueryStates(inventoryListParsers, { shallow: false, scroll: false, startTransition });

  /** A new view starts on its first page; typing waits for a pause and replaces the history entry. */
  function go(patch: Partial<Values<typeof inventoryListParsers>>, typing = false) {
    void setView(
      { ...patch, page: null },
      typing ? { history: 'replace', limitUrlUpdates: debounce(300) } : { history: 'push' },
    );
  }

  const selectedSet = new Set(selected);
  function toggleLocation(id: string, checked: boolean) {
    const next = locations.map((l) => l.id).filter((x) => (x === id ? checked : selectedSet.has(x)));
    if (next.length === 0) return; // a view covers at least one location
    go({ loc: next });
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

  const hasFilters = Boolean(view.q || view.category || view.brand || view.status || view.loc?.length);
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
      <MapPin aria-hidden className="text-muted-foreground" />
      <span className="truncate">{locationSummary}</span>
      <ChevronDown aria-hidden className="text-muted-foreground" />
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
          onSubmit={(e) => {
            // Enter in the search: at once, without waiting for the pause.
            e.preventDefault();
            go({ q: view.q?.trim() || null });
          }}
        >
          {view.loc?.length ? <input type="hidden" name="loc" value={view.loc.join(',')} /> : null}
          {view.sort !== 'name' ? <input type="hidden" name="sort" value={view.sort} /> : null}
          {view.dir !== 'asc' ? <input type="hidden" name="dir" value={view.dir} /> : null}
          <Label htmlFor={searchId} className="text-xs text-muted-foreground">
            {t('inventory.filters.search')}
          </Label>
          <div className="relative">
            <Search
              aria-hidden
              className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
            />
            <Input
              id={searchId}
              name="q"
              type="search"
              value={view.q ?? ''}
              placeholder={t('inventory.filters.searchPlaceholder')}
              autoComplete="off"
              spellCheck={false}
              className="pl-8"
              onChange={(e) => go({ q: e.target.value || null }, true)}
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
              onSelectAll={() => go({ loc: locations.map((l) => l.id) })}
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
          value={view.category ?? ''}
          onChange={(e) => go({ category: e.target.value || null })}
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
          value={view.brand ?? ''}
          onChange={(e) => go({ brand: e.target.value || null })}
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
          value={view.status ?? ''}
          onChange={(e) => go({ status: (e.target.value || null) as InventoryListQuery['status'] | null })}
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
            <LoaderCircle aria-hidden className="size-3.5 animate-spin" />
            {t('common.loading')}
          </span>
        ) : null}
      </div>
    </section>
  );
}
