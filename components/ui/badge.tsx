import type { ComponentProps } from 'react';
import { clsx } from 'clsx';

/**
 * Status colours mean the same everywhere: done (green), waiting (amber), problem (red),
 * closed (grey); info and neutral carry no status.
 */
const BADGE_BASE =
  'inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 font-medium [&_svg]:size-3';

const BADGE_SIZES = {
  sm: 'text-xs leading-4',
  /** Beside a page's title (an order's status), with the title's line height. */
  md: 'text-[0.8125rem]',
} as const;

const BADGE_VARIANTS = {
  done: 'border-done-border bg-done-soft text-done',
  waiting: 'border-waiting-border bg-waiting-soft text-waiting',
  problem: 'border-problem-border bg-problem-soft text-problem',
  closed: 'border-closed-border bg-closed-soft text-closed',
  info: 'border-info-border bg-info-soft text-info',
  neutral: 'border-border bg-surface text-foreground',
} as const;

export type BadgeVariant = keyof typeof BADGE_VARIANTS;

export function Badge({
  className,
  variant,
  size = 'sm',
  dot = false,
  children,
  ...props
}: ComponentProps<'span'> & { variant?: BadgeVariant | null; size?: keyof typeof BADGE_SIZES; dot?: boolean }) {
  return (
    <span
      data-slot="badge"
      className={clsx(BADGE_BASE, BADGE_SIZES[size], BADGE_VARIANTS[variant ?? 'neutral'], className)}
      {...props}
    >
      {dot ? <span aria-hidden className="size-1.5 rounded-full bg-current" /> : null}
      {children}
    </span>
  );
}
