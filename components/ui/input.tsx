import type { ComponentProps } from 'react';
import { clsx } from 'clsx';

const INPUT_SIZES = {
  /** In a table row (a quantity per line). */
  sm: 'h-8 text-sm',
  md: 'h-9 text-sm',
  /** The one field a page is for (the pickup counter's code). */
  lg: 'h-12 text-lg',
} as const;

const INPUT_TONES = {
  default: 'border-input bg-surface',
  /** A value that differs from what was expected (units received short): the waiting status colours. */
  waiting: 'border-waiting-border bg-waiting-soft',
} as const;

export type InputLookProps = {
  inputSize?: keyof typeof INPUT_SIZES;
  tone?: keyof typeof INPUT_TONES;
  /** The field's width, a w-* class: the whole line unless given. */
  width?: `w-${string}`;
};

/** The input's attributes, but `width`: the native one sizes an image button, this one is the field's width class. */
export type InputProps = Omit<ComponentProps<'input'>, 'width'> & InputLookProps;

/**
 * A text field. Classes are joined, not merged: `className` adds (a margin, alignment, padding
 * for an icon) and never restates what the field sets; its height, colours and width are props.
 */
export function Input({
  className,
  type = 'text',
  inputSize = 'md',
  tone = 'default',
  width = 'w-full',
  ...props
}: InputProps) {
  return (
    <input
      data-slot="input"
      type={type}
      className={clsx(
        'flex min-w-0 rounded-md border px-3 py-1 text-foreground shadow-card transition-colors',
        INPUT_SIZES[inputSize],
        INPUT_TONES[tone],
        width,
        'placeholder:text-muted-foreground/80 focus-visible:border-primary focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring/40',
        'disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-70',
        'aria-invalid:border-destructive aria-invalid:focus-visible:outline-destructive/40',
        className,
      )}
      {...props}
    />
  );
}
