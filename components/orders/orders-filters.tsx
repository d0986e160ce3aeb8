'use client';

import { useId, useTransition, type ReactNode } from 'react';
import { LoaderCircle, Search } from 'lucide-react';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { debounce, useQueryStates } from 'nuqs';
import { Button, ButtonLink } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { useI18n } from '@/lib/next/i18n-client';
import { FULFILMENT_TYPES, ORDER_STATUSES } from '@/lib/orders/constants';
import { useHydrated } from '@/components/use-hydrated';
import { cn } from '@/lib/utils';
import { hasFilters, orderListParsers, type OrderListParams } from './list-url';

type Option = { value: string; label: string };

type Key = 'q' | 'tag' | 'channel' | 'status' | 'fulfilment' | 'location' | 'from' | 'to' | 'dir';

/**
 * The orders filter bar: a GET form, so it works without JavaScript (fields, then Apply). With
 * it, the URL follows the fields as they change (nuqs; typing waits for a 300 ms pause) and the
 * server renders the list again, so Apply has nothing left to do and is hidden. Every view is a
 * URL (shareable, back button); a new filter starts again from the first page.
 */
type OrdersFiltersProps = {
  channels: readonly Option[];
  /** The locations this user may filter by (a manager's own). */
  locations: readonly Option[];
};

/** nuqs's adapter lives here, not in the app's providers: only the pages with a filter bar load it. */
export function OrdersFilters(props: OrdersFiltersProps) {
  return (
    <NuqsAdapter>
      <OrdersFiltersBar {...props} />
    </NuqsAdapter>
  );
}

function OrdersFiltersBar({ channels, locations }: OrdersFiltersProps) {
  const { t } = useI18n();
  const ids = useId();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [fields, setFields] = useQueryStates(orderListParsers, { shallow: false, startTransition });

  const set =
    (key: Key, typing = false) =>
    (value: string) =>
      void setFields(
        { [key]: value || null, after: null },
        typing ? { history: 'replace', limitUrlUpdates: debounce(300) } : { history: 'push' },
      );

  const field = (key: Key, label: string, control: (id: string) => ReactNode, width: string) => (
    <div className={cn('flex min-w-0 flex-col gap-1.5', width)}>
      <Label htmlFor={`${ids}-${key}`} className="text-xs text-muted-foreground">
        {label}
      </Label>
      {control(`${ids}-${key}`)}
    </div>
  );
  const select = (key: Key, label: string, options: readonly Option[], width: string, all?: string) =>
    field(
      key,
      label,
      (id) => (
        <NativeSelect id={id} name={key} value={fields[key] ?? ''} onChange={(e) => set(key)(e.target.value)}>
          {all !== undefined ? <option value="">{all}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </NativeSelect>
      ),
      width,
    );

  return (
    <section
      aria-label={t('orders.filters.label')}
      className="mb-4 rounded-lg border border-border bg-surface p-3 shadow-card print:hidden"
    >
      <form
        method="get"
        action="/orders"
        role="search"
        onSubmit={(e) => {
          // Enter in the search: the URL follows at once, without waiting for the pause.
          e.preventDefault();
          void setFields({ q: fields.q?.trim() || null, tag: fields.tag?.trim() || null, after: null });
        }}
      >
        {fields.customer ? <input type="hidden" name="customer" value={fields.customer} /> : null}
        {fields.view ? <input type="hidden" name="view" value={fields.view} /> : null}
        <div className="flex flex-wrap items-end gap-x-3 gap-y-3">
          {field(
            'q',
            t('orders.filters.search'),
            (id) => (
              <div className="relative">
                <Search
                  aria-hidden
                  className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
                />
                <Input
                  id={id}
                  name="q"
                  type="search"
                  value={fields.q ?? ''}
                  onChange={(e) => set('q', true)(e.target.value)}
                  placeholder={t('orders.filters.searchPlaceholder')}
                  autoComplete="off"
                  spellCheck={false}
                  className="pl-8"
                />
              </div>
            ),
            'min-w-56 flex-[2_1_18rem]',
          )}
          {field(
            'from',
            t('orders.filters.from'),
            (id) => (
              <Input
                id={id}
                name="from"
                type="date"
                value={fields.from ?? ''}
                max={fields.to || undefined}
                onChange={(e) => set('from')(e.target.value)}
              />
            ),
            'w-38',
          )}
          {field(
            'to',
            t('orders.filters.to'),
            (id) => (
              <Input
                id={id}
                name="to"
                type="date"
                value={fields.to ?? ''}
                min={fields.from || undefined}
                onChange={(e) => set('to')(e.target.value)}
              />
            ),
            'w-38',
          )}
        </div>
        <div className="mt-3 flex flex-wrap items-end gap-x-3 gap-y-3">
          {select('channel', t('orders.filters.channel'), channels, 'w-44', t('orders.filters.allChannels'))}
          {select(
            'status',
            t('orders.filters.status'),
            ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.status.${s}`) })),
            'w-40',
            t('orders.filters.allStatuses'),
          )}
          {select(
            'fulfilment',
            t('orders.filters.fulfilment'),
            FULFILMENT_TYPES.map((f) => ({ value: f, label: t(`orders.fulfilmentType.${f}`) })),
            'w-40',
            t('orders.filters.allFulfilments'),
          )}
          {field(
            'tag',
            t('orders.filters.tag'),
            (id) => (
              <Input
                id={id}
                name="tag"
                value={fields.tag ?? ''}
                onChange={(e) => set('tag', true)(e.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            ),
            'w-36',
          )}
          {locations.length > 1
            ? select('location', t('orders.filters.location'), locations, 'w-44', t('orders.filters.allLocations'))
            : null}
          {select(
            'dir',
            t('orders.filters.sort'),
            [
              { value: 'desc', label: t('orders.filters.newestFirst') },
              { value: 'asc', label: t('orders.filters.oldestFirst') },
            ],
            'w-44',
          )}
          <div className="ml-auto flex h-9 items-center gap-2">
            {pending ? (
              <span role="status" className="inline-flex items-center gap-1.5 text-xs text-muted-foreground">
                <LoaderCircle aria-hidden className="size-3.5 animate-spin" />
                {t('common.loading')}
              </span>
            ) : null}
            {hasFilters(fields as OrderListParams) ? (
              <ButtonLink variant="ghost" href={fields.view ? `/orders?view=${fields.view}` : '/orders'}>
                {t('orders.filters.clear')}
              </ButtonLink>
            ) : null}
            <Button type="submit" variant="secondary" disabled={pending} hidden={hydrated}>
              {t('orders.filters.apply')}
            </Button>
          </div>
        </div>
      </form>
    </section>
  );
}
