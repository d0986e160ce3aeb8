import type { ComponentProps } from 'react';
import { clsx } from 'clsx';

export function Card({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      data-slot="card"
      className={clsx('rounded-lg border border-border bg-surface text-foreground shadow-card', className)}
      {...props}
    />
  );
}

/** A column (title, description), or with `layout="row"` a row: the title with an action or a badge beside it. */
export function CardHeader({
  className,
  layout = 'column',
  ...props
}: ComponentProps<'div'> & { layout?: 'column' | 'row' }) {
  return (
    <div
      data-slot="card-header"
      className={clsx('flex px-5 pt-4', layout === 'column' ? 'flex-col gap-1' : 'flex-row gap-2', className)}
      {...props}
    />
  );
}

/** A heading; pass `as` to keep the document outline right (h2 on a page, h3 inside a section). */
export function CardTitle({ className, as: Tag = 'h2', ...props }: ComponentProps<'h2'> & { as?: 'h2' | 'h3' | 'h4' }) {
  return (
    <Tag data-slot="card-title" className={clsx('text-[0.9375rem] font-semibold leading-snug', className)} {...props} />
  );
}

export function CardDescription({ className, ...props }: ComponentProps<'p'>) {
  return <p data-slot="card-description" className={clsx('text-sm text-muted-foreground', className)} {...props} />;
}

/** `padding="lg"` for a card that is one message (a confirmation), with more room above and below. */
export function CardContent({
  className,
  padding = 'md',
  ...props
}: ComponentProps<'div'> & { padding?: 'md' | 'lg' }) {
  return (
    <div data-slot="card-content" className={clsx('px-5', padding === 'md' ? 'py-4' : 'py-8', className)} {...props} />
  );
}

export function CardFooter({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      data-slot="card-footer"
      className={clsx('flex items-center gap-2 border-t border-border px-5 py-3', className)}
      {...props}
    />
  );
}
