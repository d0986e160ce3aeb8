import { Link } from '@/components/ui/link';
import { Icon } from '@/components/ui/icons';
import { ArrowDown, ArrowUp } from 'lucide';
import { TableHead } from '@/components/ui/table';
import { clsx } from 'clsx';

/** A column header that sorts by linking to the same view with another sort; the current one carries aria-sort. */
export function SortableHead({
  label,
  active,
  dir,
  href,
  numeric,
  className,
  sortedLabel,
  colSpan,
  rowSpan,
}: {
  label: string;
  active: boolean;
  dir: 'asc' | 'desc';
  href: string;
  numeric?: boolean;
  className?: string;
  /** "sorted ascending" / "sorted descending", for screen readers on the link itself. */
  sortedLabel: string;
  colSpan?: number;
  rowSpan?: number;
}) {
  const arrow = dir === 'asc' ? ArrowUp : ArrowDown;
  return (
    <TableHead
      numeric={numeric}
      className={className}
      colSpan={colSpan}
      rowSpan={rowSpan}
      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <Link
        href={href}
        scroll={false}
        className={clsx(
          'inline-flex items-center gap-1 rounded-sm hover:text-foreground',
          numeric && 'flex-row-reverse',
          active && 'text-foreground',
        )}
      >
        {label}
        {active ? (
          <>
            <Icon node={arrow} aria-hidden className="size-3" />
            <span className="sr-only">({sortedLabel})</span>
          </>
        ) : null}
      </Link>
    </TableHead>
  );
}

/** A signed quantity: "+3" green, "−2" red, "0" muted. */
export function Delta({ value, format }: { value: number; format: (n: number) => string }) {
  if (value === 0) return <span className="text-muted-foreground">0</span>;
  return (
    <span className={value > 0 ? 'text-done' : 'text-problem'}>
      {value > 0 ? '+' : '−'}
      {format(Math.abs(value))}
    </span>
  );
}
