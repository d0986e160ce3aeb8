'use client';

import { useId, type ReactNode } from 'react';
import { useSearchParams } from 'next/navigation';
import { Icon } from '@/components/ui/icons';
import { LoaderCircle, Search } from 'lucide';
import { Button, ButtonLink } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { useI18n } from '@/lib/next/i18n-client';
import { FULFILMENT_TYPES, ORDER_STATUSES } from '@/lib/orders/constants';
import { useHydrated } from '@/components/use-hydrated';
import { useLiveFilters, type FilterFields } from '@/components/use-live-filters';
import { clsx } from 'clsx';
import { hasFilters, ordersHref, type OrderListParams } from './list-url';

type Option = { value: string; label: string };

type Key = 'q' | 'tag' | 'channel' | 'status' | 'fulfilment' | 'location' | 'from' | 'to' | 'dir';

/** What the form's fields write (the page cursor is not one: a new filter starts from the first page). */
const toHref = (fields: FilterFields) => ordersHref(fields);
const DEFAULTS: FilterFields = { dir: 'desc' };

/**
 * The orders filter bar: a GET form, so it works without JavaScript (fields, then Apply). With
 * it, the URL follows the fields as they change (useLiveFilters; typing waits for a 300 ms pause)
 * and the server renders the list again, so Apply has nothing left to do and is hidden. Every
 * view is a URL (shareable, back button); a new filter starts again from the first page.
 */
type OrdersFiltersProps = {
  channels: readonly Option[];
  /** The locations this user may filter by (a manager's own). */
  locations: readonly Option[];
};

type FieldWidth = `w-${string}` | 'grow';

export function OrdersFilters({ channels, locations }: OrdersFiltersProps) {
  const { t } = useI18n();
  const ids = useId();
  const hydrated = useHydrated();
  const params = useSearchParams();
  const { formRef, pending, apply, submit } = useLiveFilters(toHref, DEFAULTS);
  /** The view the URL names (the fields may be ahead of it while the list comes). */
  const url = (key: string) => params.get(key) ?? '';

  /** A labelled filter, `width` wide (a w-* class), or 'grow': the search, which takes the room left. */
  const field = (key: Key, label: string, control: (id: string) => ReactNode, width: FieldWidth) => (
    <div className={clsx('flex flex-col gap-1.5', width === 'grow' ? 'min-w-56 flex-[2_1_18rem]' : ['min-w-0', width])}>
      <Label htmlFor={`${ids}-${key}`} size="sm">
        {label}
      </Label>
      {control(`${ids}-${key}`)}
    </div>
  );
  const select = (key: Key, label: string, options: readonly Option[], width: FieldWidth, all?: string) =>
    field(
      key,
      label,
      (id) => (
        <NativeSelect id={id} name={key} defaultValue={url(key) || DEFAULTS[key] || ''}>
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
        ref={formRef}
        // Every field applies as it changes; the text fields after a pause in typing.
        onChange={(e) => apply({ typing: isTyped(e.target) })}
        onSubmit={submit}
      >
        {url('customer') ? <input type="hidden" name="customer" value={url('customer')} /> : null}
        {url('view') ? <input type="hidden" name="view" value={url('view')} /> : null}
        <div className="flex flex-wrap items-end gap-x-3 gap-y-3">
          {field(
            'q',
            t('orders.filters.search'),
            (id) => (
              <div className="relative">
                <Icon
                  node={Search}
                  aria-hidden
                  className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
                />
                <Input
                  id={id}
                  name="q"
                  type="search"
                  defaultValue={url('q')}
                  placeholder={t('orders.filters.searchPlaceholder')}
                  autoComplete="off"
                  spellCheck={false}
                  className="pl-8"
                />
              </div>
            ),
            'grow',
          )}
          {field(
            'from',
            t('orders.filters.from'),
            (id) => (
              <Input id={id} name="from" type="date" defaultValue={url('from')} max={url('to') || undefined} />
            ),
            'w-38',
          )}
          {field(
            'to',
            t('orders.filters.to'),
            (id) => (
              <Input id={id} name="to" type="date" defaultValue={url('to')} min={url('from') || undefined} />
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
              <Input id={id} name="tag" defaultValue={url('tag')} autoComplete="off" spellCheck={false} />
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
                <Icon node={LoaderCircle} aria-hidden className="size-3.5 animate-spin" />
                {t('common.loading')}
              </span>
            ) : null}
            {hasFilters(Object.fromEntries(params)) ? (
              <ButtonLink variant="ghost" href={ordersHref({ view: url('view') as OrderListParams['view'] })}>
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

/** A field typed into (the search, the tag) rather than chosen: it waits for a pause. */
function isTyped(target: EventTarget): boolean {
  return target instanceof HTMLInputElement && (target.type === 'search' || target.type === 'text');
}
