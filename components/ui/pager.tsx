import { Link } from '@/components/ui/link';
import { Icon } from '@/components/ui/icons';
import { ChevronLeft, ChevronRight, ChevronsLeft } from 'lucide';

type PagerLink = { href: string | null; label: string };

const linkClass =
  'inline-flex h-8 items-center gap-1 rounded-md border border-border bg-surface px-2.5 text-[0.8125rem] font-medium shadow-card hover:bg-muted';
const disabledClass =
  'inline-flex h-8 items-center gap-1 rounded-md border border-border px-2.5 text-[0.8125rem] text-muted-foreground opacity-60';

/**
 * Back and on without a total: lists never count every row. Offset lists go back one page
 * (`back: 'previous'`); keyset lists, whose cursor only runs forward, go back to the first page
 * (`back: 'first'`). A way that is closed stays in place, greyed, so the other does not move.
 */
export function Pager({
  label,
  pageLabel,
  back,
  previous,
  next,
}: {
  /** The navigation's name ("Pages", "Stock movements of this SKU"). */
  label: string;
  /** Where the reader is ("Page 3"), when the list knows it. */
  pageLabel?: string;
  back: 'previous' | 'first';
  previous: PagerLink;
  next: PagerLink;
}) {
  if (!previous.href && !next.href) return null;
  const backIcon = back === 'first' ? ChevronsLeft : ChevronLeft;
  return (
    <nav aria-label={label} className="mt-3 flex items-center justify-end gap-2 print:hidden">
      {pageLabel ? <span className="mr-1 text-xs text-muted-foreground">{pageLabel}</span> : null}
      {previous.href ? (
        <Link href={previous.href} className={linkClass} rel={back === 'previous' ? 'prev' : undefined}>
          <Icon node={backIcon} aria-hidden className="size-4" />
          {previous.label}
        </Link>
      ) : (
        <span className={disabledClass} aria-disabled="true">
          <Icon node={backIcon} aria-hidden className="size-4" />
          {previous.label}
        </span>
      )}
      {next.href ? (
        <Link href={next.href} className={linkClass} rel="next">
          {next.label}
          <Icon node={ChevronRight} aria-hidden className="size-4" />
        </Link>
      ) : (
        <span className={disabledClass} aria-disabled="true">
          {next.label}
          <Icon node={ChevronRight} aria-hidden className="size-4" />
        </span>
      )}
    </nav>
  );
}
