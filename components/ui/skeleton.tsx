import type { ComponentProps } from 'react';
import { clsx } from 'clsx';

/** A grey placeholder block; decorative, so the surrounding region should carry aria-busy and a label. */
export function Skeleton({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div data-slot="skeleton" aria-hidden className={clsx('animate-pulse rounded-md bg-muted', className)} {...props} />
  );
}
