'use client';

import { useId, useState, useTransition, type ReactNode } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { LoaderCircle, Search } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { useI18n } from '@/lib/next/i18n-client';
import { FULFILMENT_TYPES, ORDER_STATUSES, type OrderListQuery } from '@/lib/orders/schemas';
import { cn } from '@/lib/utils';
import { hasFilters, ordersHref, type OrderListParams } from './list-url';

type Option = { value: string; label: string };

type Fields = {
  q: string;
  channel: string;
  status: string;
  fulfilment: string;
  location: string;
  from: string;
  to: string;
  dir: string;
};

function fieldsOf(query: OrderListQuery): Fields {
  return {
    q: query.q ?? '',
    channel: query.channel ?? '',
    status: query.status ?? '',
    fulfilment: query.fulfilment ?? '',
    location: query.location ?? '',
    from: query.from ?? '',
    to: query.to ?? '',
    dir: query.dir,
  };
}

/**
 * The orders filter bar: a GET form, so it works without JavaScript; with it, a select applies
 * at once and the search waits for Enter or Apply. Every view is a URL (shareable, back button).
 */
export function OrdersFilters({
  query,
  channels,
  locations,
}: {
  query: OrderListQuery;
  channels: readonly Option[];
  /** The locations this user may filter by (a manager's own). */
  locations: readonly Option[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  const ids = useId();
  const [pending, startTransition] = useTransition();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(query));
  // Another navigation (Clear filters, back button) brings new values: follow them, during
  // render (React's pattern for state that follows a prop), so the old values never show.
  const urlKey = ordersHref(query);
  const [shownKey, setShownKey] = useState(urlKey);
  if (shownKey !== urlKey) {
    setShownKey(urlKey);
    setFields(fieldsOf(query));
  }

  function go(next: Fields) {
    const params: OrderListParams = { customer: query.customer };
    for (const [key, value] of Object.entries(next)) {
      if (value.trim()) (params as Record<string, string>)[key] = value.trim();
    }
    startTransition(() => router.push(ordersHref(params)));
  }
  const set = (key: keyof Fields, apply: boolean) => (value: string) => {
    const next = { ...fields, [key]: value };
    setFields(next);
    if (apply) go(next);
  };

  const field = (key: keyof Fields, label: string, control: (id: string) => ReactNode, width: string) => (
    <div className={cn('flex min-w-0 flex-col gap-1.5', width)}>
      <Label htmlFor={`${ids}-${key}`} className="text-xs text-muted-foreground">
        {label}
      </Label>
      {control(`${ids}-${key}`)}
    </div>
  );
  const select = (key: keyof Fields, label: string, options: readonly Option[], width: string, all?: string) =>
    field(
      key,
      label,
      (id) => (
        <NativeSelect id={id} name={key} value={fields[key]} onChange={(e) => set(key, true)(e.target.value)}>
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
          e.preventDefault();
          go(fields);
        }}
      >
        {query.customer ? <input type="hidden" name="customer" value={query.customer} /> : null}
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
                  value={fields.q}
                  onChange={(e) => set('q', false)(e.target.value)}
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
                value={fields.from}
                max={fields.to || undefined}
                onChange={(e) => set('from', false)(e.target.value)}
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
                value={fields.to}
                min={fields.from || undefined}
                onChange={(e) => set('to', false)(e.target.value)}
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
            {hasFilters(query) ? (
              <Button asChild variant="ghost">
                <Link href="/orders">{t('orders.filters.clear')}</Link>
              </Button>
            ) : null}
            <Button type="submit" variant="secondary" disabled={pending}>
              {t('orders.filters.apply')}
            </Button>
          </div>
        </div>
      </form>
    </section>
  );
}
