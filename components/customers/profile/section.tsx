import type { ReactNode } from 'react';

/** A titled section of the profile, named by its heading for assistive technology. */
export function ProfileSection({
  id,
  title,
  hint,
  action,
  className,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  action?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className={className}>
      <div className="mb-2 flex items-start justify-between gap-3">
        <div>
          <h2 id={`${id}-heading`} className="text-[0.9375rem] font-semibold">
            {title}
          </h2>
          {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
        </div>
        {action}
      </div>
      {children}
    </section>
  );
}

/** What a section says when it has nothing to list. */
export function EmptyNote({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg border border-dashed border-border bg-surface px-4 py-4 text-sm text-muted-foreground">
      {children}
    </p>
  );
}
