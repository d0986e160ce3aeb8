import { clsx } from 'clsx';

/**
 * The Comptoir mark: a counter seen from the front. Decorative; the name is always written next to it.
 * `className` sets its size (`size-7` without one): classes are joined, not merged.
 */
export function BrandMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden focusable="false" className={clsx('shrink-0', className ?? 'size-7')}>
      <rect width="32" height="32" rx="8" fill="var(--color-primary)" />
      <path d="M8 13h16v3H8z" fill="#fff" />
      <path d="M10 16h3v8h-3zM19 16h3v8h-3z" fill="#fff" opacity=".75" />
      <path d="M11 8h10l1.5 4h-13z" fill="#fff" opacity=".9" />
    </svg>
  );
}
