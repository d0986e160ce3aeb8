'use client';

import { useEffect, useRef, useState, type ComponentProps, type ComponentType, type ReactNode } from 'react';
import { useI18n } from '@/lib/next/i18n-client';
import { clsx } from 'clsx';
import type { QueriedCustomerSearch } from './queried-customer-search';

type Props = ComponentProps<typeof QueriedCustomerSearch>;

/**
 * The customer search of a page (/customers, an agent's home), loaded after the page: cmdk, the
 * Radix dialog it brings and TanStack Query are ~35 KB gzip that the page's first load does without.
 * Until they arrive (right after hydration) a plain search field of the same look stands in; what was
 * typed there, and the focus, carry over to the real combobox. `searchIcon`: the stand-in's icon,
 * drawn by the server page (SEARCH_FIELD_ICON, search-field-icon.tsx), so the icons' code is not in the first load either.
 */
export function LazyCustomerSearch({ searchIcon, ...props }: Props & { searchIcon: ReactNode }) {
  const { t } = useI18n();
  const field = useRef<HTMLInputElement>(null);
  const [loaded, setLoaded] = useState<{ Search: ComponentType<Props>; query: string; focused: boolean } | null>(null);

  useEffect(() => {
    let live = true;
    void import('./queried-customer-search').then(({ QueriedCustomerSearch }) => {
      if (!live) return;
      const input = field.current;
      setLoaded({
        Search: QueriedCustomerSearch,
        query: input?.value ?? props.initialQuery ?? '',
        focused: input !== null && document.activeElement === input,
      });
    });
    return () => {
      live = false;
    };
    // Loaded once; the props are read when it arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (loaded) {
    const { Search: Loaded, query, focused } = loaded;
    return <Loaded {...props} initialQuery={query} autoFocus={props.autoFocus || focused} />;
  }
  return (
    <div className={clsx('flex flex-col overflow-hidden', props.className)}>
      <div className="flex items-center gap-2 border-b border-border px-3">
        {searchIcon}
        <input
          ref={field}
          type="search"
          aria-label={t('customerSearch.label')}
          defaultValue={props.initialQuery}
          autoFocus={props.autoFocus}
          autoComplete="off"
          placeholder={t('customerSearch.placeholder')}
          className="h-12 w-full min-w-0 bg-transparent text-[0.9375rem] text-foreground outline-none placeholder:text-muted-foreground"
        />
      </div>
      <p className="px-4 pt-2.5 pb-1 text-xs text-muted-foreground">{t('customerSearch.hint')}</p>
    </div>
  );
}
