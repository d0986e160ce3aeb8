import { useId, type ReactNode } from 'react';
import { Label } from '@/components/ui/label';
import { cn } from '@/lib/utils';

/** What a control needs to be named and described by its Field. */
export type FieldControlProps = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};

/**
 * A labelled control with its error below it: the control is described by the error, and marked
 * invalid, while there is one. The control comes from `children(props)`, so any input, select or
 * textarea (registered with react-hook-form or not) gets the same wiring.
 */
export function Field({
  label,
  error,
  className,
  labelClassName,
  children,
}: {
  label: ReactNode;
  error?: string | null;
  className?: string;
  labelClassName?: string;
  children: (props: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={cn('grid content-start gap-1.5', className)}>
      <Label htmlFor={id} className={labelClassName}>
        {label}
      </Label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined })}
      {error ? (
        <p id={errorId} className="text-xs text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
