import type { ComponentProps } from 'react';
import { Icon } from '@/components/ui/icons';
import { ChevronDown } from 'lucide';
import { clsx } from 'clsx';

/**
 * A native select with the input's look: the platform's own list, keyboard and screen-reader
 * behaviour (and a proper picker on tablets), and it works in a plain GET form.
 */
export function NativeSelect({
  className,
  containerClassName,
  ...props
}: ComponentProps<'select'> & { containerClassName?: string }) {
  return (
    <div data-slot="native-select" className={clsx('relative min-w-0', containerClassName)}>
      <select
        className={clsx(
          'flex h-9 w-full min-w-0 appearance-none rounded-md border border-input bg-surface py-1 pl-3 pr-8 text-sm text-foreground shadow-card transition-colors',
          'focus-visible:border-primary focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring/40',
          'disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-70 aria-invalid:border-destructive',
          className,
        )}
        {...props}
      />
      <Icon
        node={ChevronDown}
        aria-hidden
        className="pointer-events-none absolute right-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}
