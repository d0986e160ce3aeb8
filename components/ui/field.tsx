import { useId, type ReactNode } from 'react';
import { Label } from '@/components/ui/label';
import { clsx } from 'clsx';

/** What a control needs to be named and described by its Field. */
export type FieldControlProps = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
};

/**
 * A labelled control with its error below it: the control is described by the error, and marked
 * invalid, while there is one. The control comes from `children(props)`, so any input, select or
 * textarea (registered with react-hook-form or not) gets the same wiring. A `hint` (a preview, a
 * warning) also describes the control, in a polite live region that keeps its place while empty:
 * pass null for an empty one, leave it out for none. A `required` field has an asterisk beside its
 * label (outside the <label>, so the control's name stays the label's text; the form says once what
 * it means) and its control is aria-required.
 */
export function Field({
  label,
  error,
  hint,
  required = false,
  className,
  labelClassName,
  hintTone = 'muted',
  children,
}: {
  label: ReactNode;
  error?: string | null;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  labelClassName?: string;
  /** The hint's colour: waiting (amber) for a warning. */
  hintTone?: 'muted' | 'waiting';
  children: (props: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={clsx('grid content-start gap-1.5', className)}>
      {required ? (
        <div className="flex items-baseline gap-0.5">
          <Label htmlFor={id} className={labelClassName}>
            {label}
          </Label>
          <RequiredMark />
        </div>
      ) : (
        <Label htmlFor={id} className={labelClassName}>
          {label}
        </Label>
      )}
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'aria-required': required || undefined,
      })}
      {error ? (
        <p id={errorId} className="text-xs text-destructive">
          {error}
        </p>
      ) : null}
      {hint !== undefined ? (
        <p
          id={hintId}
          className={clsx('min-h-5 text-xs', hintTone === 'waiting' ? 'text-waiting' : 'text-muted-foreground')}
          aria-live="polite"
        >
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The asterisk of a required field (aria-required says it to a screen reader). */
export function RequiredMark({ className }: { className?: string }) {
  return (
    <span aria-hidden className={clsx('text-sm leading-none font-medium text-destructive', className)}>
      *
    </span>
  );
}
