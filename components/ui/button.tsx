import type { ComponentProps } from 'react';
import { Link } from '@/components/ui/link';
import { clsx } from 'clsx';

const BUTTON_BASE =
  'inline-flex shrink-0 items-center gap-2 whitespace-nowrap rounded-md transition-colors select-none disabled:pointer-events-none disabled:opacity-55 [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*="size-"])]:size-4';

const BUTTON_VARIANTS = {
  variant: {
    primary: 'bg-primary text-primary-foreground shadow-card hover:bg-primary-hover',
    secondary: 'border border-border bg-surface text-foreground shadow-card hover:bg-muted',
    /** A secondary button standing for a field (the header's customer search): placeholder-coloured text. */
    field: 'border border-border bg-surface text-muted-foreground shadow-card hover:bg-muted',
    ghost: 'text-foreground hover:bg-muted',
    destructive: 'bg-destructive text-destructive-foreground shadow-card hover:bg-destructive-hover',
    link: 'text-primary underline-offset-4 hover:underline',
  },
  size: {
    sm: 'h-8 px-3 text-[0.8125rem]',
    /** sm's text and padding at a field's height, beside an Input (the order's tag form). */
    'sm-field': 'h-9 px-3 text-[0.8125rem]',
    md: 'h-9 px-3.5 text-sm',
    lg: 'h-10 px-4 text-sm',
    icon: 'size-9',
    'icon-sm': 'size-8',
  },
  justify: { center: 'justify-center', start: 'justify-start', between: 'justify-between' },
  weight: { medium: 'font-medium', normal: 'font-normal' },
} as const;

type Variants = typeof BUTTON_VARIANTS;
/** A button's look: each dimension one of its names, the default when left out (cva's shape, without cva in every page's JavaScript). */
export type ButtonVariantProps = { [K in keyof Variants]?: keyof Variants[K] | null };

/** The classes of a button's look, for what is not a Button (a download `<a>`, a Link styled by hand). */
export function buttonVariants({ variant, size, justify, weight }: ButtonVariantProps = {}): string {
  return clsx(
    BUTTON_BASE,
    BUTTON_VARIANTS.variant[variant ?? 'primary'],
    BUTTON_VARIANTS.size[size ?? 'md'],
    BUTTON_VARIANTS.justify[justify ?? 'center'],
    BUTTON_VARIANTS.weight[weight ?? 'medium'],
  );
}

export type ButtonProps = ComponentProps<'button'> & ButtonVariantProps;

// Classes are joined, not merged (clsx, as everywhere: CONTRIBUTING.md, "classes"): a className
// adds to the variants and must not restate a property they set; what differs (alignment, weight,
// colour, height) is a variant.
export function Button({ className, variant, size, justify, weight, type, ...props }: ButtonProps) {
  return (
    <button
      data-slot="button"
      // A button inside a form submits by default; make that explicit rather than accidental.
      type={type ?? 'button'}
      className={clsx(buttonVariants({ variant, size, justify, weight }), className)}
      {...props}
    />
  );
}

/**
 * A link with a button's look (shadcn's `buttonVariants` on a Link). Rather than Radix's Slot
 * behind an `asChild`, which the shell's buttons would carry into every page's JavaScript; a plain
 * `<a>` (a download) takes `className={buttonVariants(…)}` and `data-slot="button"` itself.
 */
export function ButtonLink({
  className,
  variant,
  size,
  justify,
  weight,
  ...props
}: ComponentProps<typeof Link> & ButtonVariantProps) {
  return (
    <Link
      data-slot="button"
      className={clsx(buttonVariants({ variant, size, justify, weight }), className)}
      {...props}
    />
  );
}
