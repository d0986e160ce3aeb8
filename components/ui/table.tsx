import type { ComponentProps } from 'react';
import { clsx } from 'clsx';

/**
 * A data table. By default the page scrolls, not the table: the box grows with its rows and,
 * from 1024 px, the header row sticks under the app header as the page scrolls (a sticky header
 * cannot stick to the page through an overflow container, so the box has none there; the
 * columns must fit, which they do at 1024 px with the sidebar as an icon rail). Narrower, the
 * box scrolls sideways instead. `scroll="box"` keeps a table in a scroll box of its own, header
 * sticky inside it: for a table in a dialog or a panel of fixed height (`maxHeight`, 70dvh unless
 * given). Give `label` when the box may scroll: it becomes a focusable, named region that keyboard
 * users can scroll.
 *
 * Like every primitive here, a `className` adds classes and never restates a property the
 * component sets (they are joined, not merged): what a caller changes is a prop.
 */
export function Table({
  className,
  containerClassName,
  label,
  scroll = 'page',
  maxHeight = 'max-h-[70dvh]',
  ...props
}: ComponentProps<'table'> & {
  containerClassName?: string;
  label?: string;
  scroll?: 'page' | 'box';
  /** The scroll box's height cap (scroll="box"), a max-h-* class. */
  maxHeight?: `max-h-${string}`;
}) {
  return (
    <div
      data-slot="table-container"
      data-scroll={scroll}
      className={clsx(
        'group/table relative w-full rounded-lg border border-border bg-surface',
        scroll === 'page' ? 'max-lg:overflow-x-auto' : [maxHeight, 'overflow-auto'],
        containerClassName,
      )}
      {...(label ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}
    >
      <table
        data-slot="table"
        className={clsx(
          'w-full caption-bottom border-separate border-spacing-0 text-sm',
          // Without a clipping box, the header's corners follow the box's rounded ones.
          '[&_thead_tr:first-child>th:first-child]:rounded-tl-[calc(var(--radius-lg)-1px)]',
          '[&_thead_tr:first-child>th:last-child]:rounded-tr-[calc(var(--radius-lg)-1px)]',
          className,
        )}
        {...props}
      />
    </div>
  );
}

/** Sticky: inside its box (scroll="box"), or from 1024 px under the app header (h-14, components/shell/app-shell.tsx). */
export function TableHeader({ className, ...props }: ComponentProps<'thead'>) {
  return (
    <thead
      data-slot="table-header"
      className={clsx('sticky top-0 z-10 bg-muted lg:group-data-[scroll=page]/table:top-14', className)}
      {...props}
    />
  );
}

export function TableBody({ className, ...props }: ComponentProps<'tbody'>) {
  return <tbody data-slot="table-body" className={clsx('[&_tr:last-child>td]:border-b-0', className)} {...props} />;
}

export function TableFooter({ className, ...props }: ComponentProps<'tfoot'>) {
  return <tfoot data-slot="table-footer" className={clsx('bg-muted font-medium', className)} {...props} />;
}

/** `hover={false}` for a row that is not one of the data (a header row, a total): no highlight under the pointer. */
export function TableRow({ className, hover = true, ...props }: ComponentProps<'tr'> & { hover?: boolean }) {
  return (
    <tr
      data-slot="table-row"
      className={clsx('transition-colors data-[state=selected]:bg-primary-soft', hover && 'hover:bg-canvas', className)}
      {...props}
    />
  );
}

type CellAlign = { /** Money, quantities: right-aligned tabular figures. */ numeric?: boolean };

const HEAD_ALIGN = { left: 'text-left', center: 'text-center', right: 'text-right' } as const;

export function TableHead({
  className,
  numeric,
  align = numeric ? 'right' : 'left',
  weight = 'medium',
  scope = 'col',
  ...props
}: ComponentProps<'th'> &
  CellAlign & {
    /** Right for a numeric column; center for a heading over a group of columns. */
    align?: keyof typeof HEAD_ALIGN;
    /** Normal for the second row of a two-row header, under its group's heading. */
    weight?: 'medium' | 'normal';
  }) {
  return (
    <th
      data-slot="table-head"
      scope={scope}
      className={clsx(
        'h-9 whitespace-nowrap border-b border-border px-3 align-middle text-xs text-muted-foreground',
        HEAD_ALIGN[align],
        weight === 'medium' ? 'font-medium' : 'font-normal',
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({
  className,
  numeric,
  compact = false,
  ...props
}: ComponentProps<'td'> &
  CellAlign & {
    /** Less padding above and below, for a cell holding a control (an input, an icon button). */ compact?: boolean;
  }) {
  return (
    <td
      data-slot="table-cell"
      className={clsx(
        'border-b border-border px-3 align-middle',
        compact ? 'py-1.5' : 'py-2',
        numeric && 'text-right tabular-nums',
        className,
      )}
      {...props}
    />
  );
}

export function TableCaption({ className, ...props }: ComponentProps<'caption'>) {
  return (
    <caption
      data-slot="table-caption"
      className={clsx('px-3 py-2 text-xs text-muted-foreground', className)}
      {...props}
    />
  );
}
