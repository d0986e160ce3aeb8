import Link from 'next/link';
import { ChevronRight, ChevronsLeft } from 'lucide-react';

/** Keyset pages: back to the first page, or on to the next; lists never count every row. */
export function KeysetPager({
  label,
  firstHref,
  nextHref,
  firstLabel,
  nextLabel,
}: {
  label: string;
  firstHref: string | null;
  nextHref: string | null;
  firstLabel: string;
  nextLabel: string;
}) {
  if (!firstHref && !nextHref) return null;
  const linkClass =
    'inline-flex h-8 items-center gap-1 rounded-md border border-border bg-surface px-2.5 text-[0.8125rem] font-medium shadow-card hover:bg-muted';
  return (
    <nav aria-label={label} className="mt-3 flex items-center justify-end gap-2 print:hidden">
      {firstHref ? (
        <Link href={firstHref} className={linkClass}>
          <ChevronsLeft aria-hidden className="size-4" />
          {firstLabel}
        </Link>
      ) : null}
      {nextHref ? (
        <Link href={nextHref} className={linkClass} rel="next">
          {nextLabel}
          <ChevronRight aria-hidden className="size-4" />
        </Link>
      ) : null}
    </nav>
  );
}
