import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils';

/**
 * A data table in its own scroll box, so the header stays visible while rows scroll (a sticky
 * header cannot stick to the page through an overflow container). Give `label` when the box
 * may scroll: it becomes a focusable, named region that keyboard users can scroll.
 */
export function Table({
  className,
  containerClassName,
  label,
  ...props
}: ComponentProps<'table'> & { containerClassName?: string; label?: string }) {
  return (
    <div
      data-slot="table-container"
      className={cn(
        'relative max-h-[70dvh] w-full overflow-auto rounded-lg border border-border bg-surface',
        containerClassName,
      )}
      {...(label ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}
    >
      <table
        data-slot="table"
        className={cn('w-full caption-bottom border-separate border-spacing-0 text-sm', className)}
        {...props}
      />
    </div>
  );
}

export function TableHeader({ className, ...props }: ComponentProps<'thead'>) {
  return <thead data-slot="table-header" className={cn('sticky top-0 z-10 bg-muted', className)} {...props} />;
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
