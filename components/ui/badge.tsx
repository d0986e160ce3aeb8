import type { ComponentProps } from 'react';
import { cva, type VariantProps } from 'class-variance-authority';
import { cn } from '@/lib/utils';

/**
 * Status colours mean the same everywhere: done (green), waiting (amber), problem (red),
 * closed (grey); info and neutral carry no status.
 */
export const badgeVariants = cva(
  'inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium leading-4 [&_svg]:size-3',
  {
    variants: {
      variant: {
        done: 'border-done-border bg-done-soft text-done',
        waiting: 'border-waiting-border bg-waiting-soft text-waiting',
        problem: 'border-problem-border bg-problem-soft text-problem',
        closed: 'border-closed-border bg-closed-soft text-closed',
        info: 'border-info-border bg-info-soft text-info',
        neutral: 'border-border bg-surface text-foreground',
      },
    },
    defaultVariants: { variant: 'neutral' },
  },
);

export type BadgeVariant = NonNullable<VariantProps<typeof badgeVariants>['variant']>;

export function Badge({
  className,
  variant,
  dot = false,
  children,
  ...props
}: ComponentProps<'span'> & VariantProps<typeof badgeVariants> & { dot?: boolean }) {
  return (
    <span data-slot="badge" className={cn(badgeVariants({ variant }), className)} {...props}>
      {dot ? <span aria-hidden className="size-1.5 rounded-full bg-current" /> : null}
      {children}
    </span>
  );
}
