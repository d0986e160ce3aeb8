'use client';

import type { ComponentProps } from 'react';
import { clsx } from 'clsx';

/**
 * A form label. A native `<label>` with the one thing Radix's Label added (and ~1.5 KB of Slot,
 * Primitive and compose-refs with it, in the JavaScript of every page with a form): a double click
 * on the text does not select it, unless it lands on a control inside the label.
 */
const LABEL_SIZES = {
  md: 'text-sm leading-none text-foreground',
  /** Above a filter bar's field or a line's control: small, muted, the text size's own line height. */
  sm: 'text-xs text-muted-foreground',
} as const;

export function Label({
  className,
  size = 'md',
  onMouseDown,
  ...props
}: ComponentProps<'label'> & { size?: keyof typeof LABEL_SIZES }) {
  return (
    // The control is named by the caller (htmlFor, or nested), as with any label; the mousedown
    // listener only keeps a double click from selecting text, it is not an interaction.
    // eslint-disable-next-line jsx-a11y/label-has-associated-control, jsx-a11y/no-noninteractive-element-interactions
    <label
      data-slot="label"
      className={clsx('font-medium select-none peer-disabled:opacity-60', LABEL_SIZES[size], className)}
      onMouseDown={(event) => {
        onMouseDown?.(event);
        const onControl = event.target instanceof Element && event.target.closest('button, input, select, textarea');
        if (!onControl && !event.defaultPrevented && event.detail > 1) event.preventDefault();
      }}
      {...props}
    />
  );
}
