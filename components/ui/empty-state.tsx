import type { ReactNode } from 'react';
import { clsx } from 'clsx';

/**
 * Says what is (not) here and what to do next. `icon` is decorative. `className` adds to the box's
 * classes (joined, not merged: the error view puts this in every page's JavaScript).
 */
export function EmptyState({
  icon,
  title,
  description,
  action,
  className,
  headingLevel = 2,
}: {
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  className?: string;
  /** 1 when the empty state is the whole page (errors, 403, 404). */
  headingLevel?: 1 | 2 | 3;
}) {
  const Heading = (['h1', 'h2', 'h3'] as const)[headingLevel - 1];
  return (
    <div
      data-slot="empty-state"
      className={clsx(
        'flex flex-col items-center justify-center rounded-lg border border-dashed border-border bg-surface px-6 py-14 text-center',
        className,
      )}
    >
      {icon ? (
        <div
          aria-hidden
          className="mb-4 flex size-11 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg]:size-5"
        >
          {icon}
        </div>
      ) : null}
      <Heading className="text-[0.9375rem] font-semibold text-foreground">{title}</Heading>
      {description ? <p className="mt-1.5 max-w-md text-sm text-muted-foreground">{description}</p> : null}
      {action ? <div className="mt-5 flex items-center gap-2 print:hidden">{action}</div> : null}
    </div>
  );
}
