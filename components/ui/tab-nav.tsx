import { Link } from '@/components/ui/link';
import { clsx } from 'clsx';

/**
 * An area's sub-navigation: tab-like links under the page header, the current one marked for
 * assistive technology (aria-current) and underlined. Works in server and client components.
 */
export function TabNav({
  label,
  tabs,
}: {
  /** The navigation's name ("Inventory sections"). */
  label: string;
  tabs: readonly { href: string; label: string; current: boolean }[];
}) {
  return (
    <nav aria-label={label} className="-mt-2 mb-6 border-b border-border print:hidden">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.current ? 'page' : undefined}
              className={clsx(
                'inline-flex h-10 items-center whitespace-nowrap border-b-2 px-3 text-sm transition-colors hover:text-foreground',
                tab.current ? 'border-primary font-medium text-foreground' : 'border-transparent text-muted-foreground',
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
