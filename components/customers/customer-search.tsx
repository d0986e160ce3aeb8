'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Command } from 'cmdk';
import { Icon } from '@/components/ui/icons';
import { LoaderCircle, Search } from 'lucide';
import { Badge } from '@/components/ui/badge';
import type { CustomerSearchHit } from '@/lib/customers/search';
import { useI18n } from '@/lib/next/i18n-client';
import { clsx } from 'clsx';
import { usePrefetchPage } from '@/components/use-prefetch-page';
import { useCustomerSearch } from './use-customer-search';

type Translate = ReturnType<typeof useI18n>['t'];

function reasonText(t: Translate, hit: CustomerSearchHit): string {
  const r = hit.reason;
  switch (r.kind) {
    case 'order':
      return t('customerSearch.reason.order', { number: r.number });
    case 'external_order':
      return t('customerSearch.reason.external_order', { channel: r.channel, externalId: r.externalId });
    case 'buyer_id':
    case 'loyalty':
      return t(`customerSearch.reason.${r.kind}`, { value: r.value });
    default:
      return t(`customerSearch.reason.${r.kind}`);
  }
}

/** The search's text as the page URL's ?q=, replacing the history entry rather than adding one a keystroke. */
function keepInUrl(q: string) {
  const url = new URL(window.location.href);
  if (q.trim()) url.searchParams.set('q', q);
  else url.searchParams.delete('q');
  window.history.replaceState(window.history.state, '', url);
}

/**
 * The one customer search (cmdk's combobox over GET /api/backoffice/customers/search): type any
 * scrap, arrows move through the ranked results, Enter (or a click) opens the profile. The same
 * component is the /customers page's search and the command palette's (Ctrl/Cmd+K).
 */
export function CustomerSearch({
  initialQuery = '',
  autoFocus = false,
  syncUrl = false,
  onOpen,
  className,
  listClassName,
}: {
  initialQuery?: string;
  autoFocus?: boolean;
  /** Keep the text in the page's URL (?q=), so a reload or a shared link finds it again (/customers). */
  syncUrl?: boolean;
  /** Told when a profile is opened, e.g. to close the palette. */
  onOpen?: () => void;
  className?: string;
  listClassName?: string;
}) {
  const { t, formatDateTime } = useI18n();
  const router = useRouter();
  const prefetchPage = usePrefetchPage();
  const [input, setInput] = useState(initialQuery);
  const [highlighted, setHighlighted] = useState('');
  const search = useCustomerSearch(input);

  function open(hit: CustomerSearchHit) {
    onOpen?.();
    router.push(`/customers/${hit.id}`);
  }

  const status = !search.q
    ? t('customerSearch.hint')
    : search.isError
      ? t('customerSearch.error')
      : !search.settled
        ? t('customerSearch.searching')
        : search.results.length === 0
          ? t('customerSearch.empty', { query: search.q })
          : t('customerSearch.results', { count: search.results.length });

  return (
    <Command
      shouldFilter={false}
      loop
      // The highlighted result (the first one as results arrive, then the arrows' or the pointer's)
      // is the profile Enter or a click opens: fetch it now. (cmdk tells of it only when controlled.)
      value={highlighted}
      onValueChange={(id) => {
        setHighlighted(id);
        if (id) prefetchPage(`/customers/${id}`);
      }}
      label={t('customerSearch.label')}
      className={clsx('flex flex-col overflow-hidden', className)}
    >
      <div className="flex items-center gap-2 border-b border-border px-3">
        <Icon node={Search} aria-hidden className="size-4 shrink-0 text-muted-foreground" />
        <Command.Input
          value={input}
          onValueChange={(value) => {
            setInput(value);
            if (syncUrl) keepInUrl(value);
          }}
          autoFocus={autoFocus}
          placeholder={t('customerSearch.placeholder')}
          className="h-12 w-full min-w-0 bg-transparent text-[0.9375rem] text-foreground outline-none placeholder:text-muted-foreground"
        />
        {search.q && !search.settled ? (
          <Icon node={LoaderCircle} aria-hidden className="size-4 shrink-0 animate-spin text-muted-foreground" />
        ) : null}
      </div>
      <p role="status" aria-live="polite" className="px-4 pt-2.5 pb-1 text-xs text-muted-foreground">
        {status}
      </p>
      <Command.List label={t('customerSearch.resultsLabel')} className={clsx('overflow-y-auto p-2', listClassName)}>
        {search.results.map((hit) => {
          const name = `${hit.firstName} ${hit.lastName}`.trim() || t('customerSearch.unnamed');
          const contact = [hit.email, hit.phone, hit.city].filter(Boolean).join(' · ');
          return (
            <Command.Item
              key={hit.id}
              value={hit.id}
              onSelect={() => open(hit)}
              className="flex cursor-pointer flex-col gap-1 rounded-md px-3 py-2.5 text-sm data-[selected=true]:bg-muted"
            >
              <span className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-foreground">{name}</span>
                <Badge
                  variant={hit.exact ? 'info' : 'neutral'}
                  title={hit.exact ? t('customerSearch.exact') : undefined}
                >
                  {reasonText(t, hit)}
                </Badge>
              </span>
              {contact ? <span className="truncate text-muted-foreground">{contact}</span> : null}
              <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
                <span>
                  {hit.lastOrder
                    ? t('customerSearch.lastOrder', {
                        number: hit.lastOrder.number,
                        date: formatDateTime(hit.lastOrder.placedAt),
                      })
                    : t('customerSearch.noOrder')}
                </span>
                {hit.channels.length ? <span>{hit.channels.join(', ')}</span> : null}
              </span>
            </Command.Item>
          );
        })}
      </Command.List>
    </Command>
  );
}
