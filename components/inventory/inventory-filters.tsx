'use client';

import { useEffect, useId, useRef, useState, useTransition } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ChevronDown, LoaderCircle, MapPin, Search } from 'lucide-react';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { useI18n } from '@/lib/next/i18n-client';
import type { LocationOption } from '@/lib/inventory/queries/locations';
import { STOCK_STATUSES, type InventoryListQuery } from '@/lib/inventory/schemas';
import { inventoryListHref, type InventoryListParams } from './list-url';
import { ScanForm } from './scan-form';

/**
 * The stock list's filters. Every change is a new URL (shareable, back-button friendly); the
 * server renders the list. Search waits for a pause in typing; Enter searches at once.
 */
export function InventoryFilters({
  query,
  selected,
  locations,
  categories,
  brands,
}: {
  query: InventoryListQuery;
  /** The locations the view covers (the URL's, else the user's default). */
  selected: readonly string[];
  locations: readonly LocationOption[];
  categories: readonly string[];
  brands: readonly string[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const searchId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(query.q ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // A navigation elsewhere (Clear filters, back button) brings a new q: follow it unless the user is typing.
  useEffect(() => {
    if (document.activeElement !== searchRef.current) setText(query.q ?? '');
  }, [query.q]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const base: InventoryListParams = { ...query, loc: query.loc };
  function go(patch: InventoryListParams, replace = false) {
    const href = inventoryListHref(base, { ...patch, page: 1 });
    startTransition(() => (replace ? router.replace(href, { scroll: false }) : router.push(href, { scroll: false })));
  }
  function searchNow(value: string) {
    if (timer.current) clearTimeout(timer.current);
    if ((query.q ?? '') !== value.trim()) go({ q: value.trim() || undefined }, true);
  }

  const selectedSet = new Set(selected);
  function toggleLocation(id: string, checked: boolean) {
    const next = locations.map((l) => l.id).filter((x) => (x === id ? checked : selectedSet.has(x)));
    if (next.length === 0) return; // a view covers at least one location
    go({ loc: next });
  }
  const allSelected = locations.every((l) => selectedSet.has(l.id));
  const chosen = locations.filter((l) => selectedSet.has(l.id));
  const locationSummary = allSelected
    ? t('inventory.filters.locationsAll')
    : chosen.length === 1
      ? chosen[0].name
      : chosen.length <= 3
        ? chosen.map((l) => l.code).join(', ')
        : t('inventory.filters.locationsCount', { count: chosen.length });

  const hasFilters = Boolean(query.q || query.category || query.brand || query.status || query.loc.length > 0);
  const stores = locations.filter((l) => l.kind === 'store');
  const warehouses = locations.filter((l) => l.kind === 'warehouse');

  return (
    <section
      aria-label={t('inventory.filters.label')}
      className="mb-4 rounded-lg border border-border bg-surface p-3 shadow-card"
    >
      <div className="grid gap-3 md:grid-cols-[minmax(0,1fr)_minmax(0,20rem)]">
        <form
          role="search"
          className="flex min-w-0 flex-col gap-1.5"
          onSubmit={(e) => {
            e.preventDefault();
            searchNow(text);
          }}
        >
          <Label htmlFor={searchId} className="text-xs text-muted-foreground">
            {t('inventory.filters.search')}
          </Label>
          <div className="relative">
            <Search
              aria-hidden
              className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
            />
            <Input
              ref={searchRef}
              id={searchId}
              type="search"
              value={text}
              placeholder={t('inventory.filters.searchPlaceholder')}
              autoComplete="off"
              spellCheck={false}
              className="pl-8"
              onChange={(e) => {
                const value = e.target.value;
                setText(value);
                if (timer.current) clearTimeout(timer.current);
                timer.current = setTimeout(() => searchNow(value), 350);
              }}
            />
          </div>
        </form>
        <ScanForm />
      </div>

      <div className="mt-3 flex flex-wrap items-center gap-2">
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button
              variant="secondary"
              className="max-w-full justify-between font-normal"
              aria-label={`${t('inventory.filters.locations')}: ${locationSummary}`}
            >
              <MapPin aria-hidden className="text-muted-foreground" />
              <span className="truncate">{locationSummary}</span>
              <ChevronDown aria-hidden className="text-muted-foreground" />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent
            align="start"
            className="max-h-[min(28rem,var(--radix-dropdown-menu-content-available-height))] overflow-y-auto"
          >
            <DropdownMenuCheckboxItem
              checked={allSelected}
              onSelect={(e) => e.preventDefault()}
              onCheckedChange={() => go({ loc: locations.map((l) => l.id) })}
            >
              {t('inventory.filters.selectAll')}
            </DropdownMenuCheckboxItem>
            {[
              [t('inventory.filters.stores'), stores] as const,
              [t('inventory.filters.warehouses'), warehouses] as const,
            ].map(([label, group]) =>
              group.length === 0 ? null : (
                <DropdownMenuGroup key={label}>
                  <DropdownMenuSeparator />
                  <DropdownMenuLabel>{label}</DropdownMenuLabel>
                  {group.map((l) => (
                    <DropdownMenuCheckboxItem
                      key={l.id}
                      checked={selectedSet.has(l.id)}
                      onSelect={(e) => e.preventDefault()}
                      onCheckedChange={(checked) => toggleLocation(l.id, checked === true)}
                    >
                      <span className="w-14 shrink-0 font-mono text-xs text-muted-foreground">{l.code}</span>
                      <span className="truncate">{l.name}</span>
                    </DropdownMenuCheckboxItem>
                  ))}
                </DropdownMenuGroup>
              ),
            )}
          </DropdownMenuContent>
        </DropdownMenu>

        <NativeSelect
          aria-label={t('inventory.filters.category')}
          value={query.category ?? ''}
          onChange={(e) => go({ category: e.target.value || undefined })}
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
          value={query.brand ?? ''}
          onChange={(e) => go({ brand: e.target.value || undefined })}
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
          value={query.status ?? ''}
          onChange={(e) => go({ status: (e.target.value || undefined) as InventoryListQuery['status'] })}
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
          <Button asChild variant="ghost" size="md">
            <Link href="/inventory" scroll={false}>
              {t('inventory.filters.clear')}
            </Link>
          </Button>
        ) : null}
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
