import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils';

/**
 * A data table. By default the page scrolls, not the table: the box grows with its rows and,
 * from 1024 px, the header row sticks under the app header as the page scrolls (a sticky header
 * cannot stick to the page through an overflow container, so the box has none there; the
 * columns must fit, which they do at 1024 px with the sidebar as an icon rail). Narrower, the
 * box scrolls sideways instead. `scroll="box"` keeps a table in a scroll box of its own, header
 * sticky inside it: for a table in a dialog or a panel of fixed height (give a max-h). Give
 * `label` when the box may scroll: it becomes a focusable, named region that keyboard users can
 * scroll.
 */
export function Table({
  className,
  containerClassName,
  label,
  scroll = 'page',
  ...props
}: ComponentProps<'table'> & { containerClassName?: string; label?: string; scroll?: 'page' | 'box' }) {
  return (
    <div
      data-slot="table-container"
      data-scroll={scroll}
      className={cn(
        'group/table relative w-full rounded-lg border border-border bg-surface',
        scroll === 'page' ? 'max-lg:overflow-x-auto' : 'max-h-[70dvh] overflow-auto',
        containerClassName,
      )}
      {...(label ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}
    >
      <table
        data-slot="table"
        className={cn(
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
      className={cn('sticky top-0 z-10 bg-muted lg:group-data-[scroll=page]/table:top-14', className)}
      {...props}
    />
  );
}

export function TableBody({ className, ...props }: ComponentProps<'tbody'>) {
  return <tbody data-slot="table-body" className={cn('[&_tr:last-child>td]:border-b-0', className)} {...props} />;
}

export function TableFooter({ className, ...props }: ComponentProps<'tfoot'>) {
  return <tfoot data-slot="table-footer" className={cn('bg-muted font-medium', className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<'tr'>) {
  return (
    <tr
      data-slot="table-row"
      className={cn('transition-colors hover:bg-canvas data-[state=selected]:bg-primary-soft', className)}
      {...props}
    />
  );
}

type CellAlign = { /** Money, quantities: right-aligned tabular figures. */ numeric?: boolean };

export function TableHead({ className, numeric, scope = 'col', ...props }: ComponentProps<'th'> & CellAlign) {
  return (
    <th
      data-slot="table-head"
      scope={scope}
      className={cn(
        'h-9 whitespace-nowrap border-b border-border px-3 text-left align-middle text-xs font-medium text-muted-foreground',
        numeric && 'text-right',
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, numeric, ...props }: ComponentProps<'td'> & CellAlign) {
  return (
    <td
      data-slot="table-cell"
      className={cn('border-b border-border px-3 py-2 align-middle', numeric && 'text-right tabular-nums', className)}
      {...props}
    />
  );
}

export function TableCaption({ className, ...props }: ComponentProps<'caption'>) {
  return (
    <caption
      data-slot="table-caption"
      className={cn('px-3 py-2 text-xs text-muted-foreground', className)}
      {...props}
    />
  );
}
