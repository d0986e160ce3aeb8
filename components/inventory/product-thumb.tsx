import { clsx } from 'clsx';
import { initials } from './labels';

const TINTS = [
  'bg-primary-soft text-primary',
  'bg-done-soft text-done',
  'bg-waiting-soft text-waiting',
  'bg-info-soft text-info',
  'bg-closed-soft text-closed',
];

/** The image placeholder: the product's initials on a tint chosen from its name (stable across pages). */
export function ProductThumb({ name, size = 'md' }: { name: string; size?: 'md' | 'lg' }) {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return (
    <span
      aria-hidden
      className={clsx(
        'flex shrink-0 items-center justify-center rounded-md font-semibold',
        size === 'lg' ? 'size-12 text-base' : 'size-8 text-xs',
        TINTS[hash % TINTS.length],
      )}
    >
      {initials(name)}
    </span>
  );
}
