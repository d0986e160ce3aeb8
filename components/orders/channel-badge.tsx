import { Icon } from '@/components/ui/icons';
import { Globe, Phone, ShoppingBag, Store } from 'lucide';
import { Badge } from '@/components/ui/badge';
import { clsx } from 'clsx';

const KIND_ICON = { web: Globe, marketplace: ShoppingBag, pos: Store, phone: Phone } as const;

export type ChannelKind = keyof typeof KIND_ICON;

/**
 * A channel by name; its kind as an icon when known (a badge colour would read as a status). As
 * wide as its name, truncated only where its cell is narrower (the full name is in the title).
 */
export function ChannelBadge({
  name,
  code,
  kind,
  className,
}: {
  name: string;
  code: string;
  kind?: ChannelKind;
  className?: string;
}) {
  const icon = kind ? KIND_ICON[kind] : null;
  return (
    <Badge variant="neutral" title={`${name} (${code})`} className={clsx('max-w-full', className)}>
      {icon ? <Icon node={icon} aria-hidden className="shrink-0" /> : null}
      <span className="min-w-0 truncate">{name}</span>
    </Badge>
  );
}
