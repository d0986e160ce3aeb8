import { Globe, Phone, ShoppingBag, Store } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/lib/utils';

const KIND_ICON = { web: Globe, marketplace: ShoppingBag, pos: Store, phone: Phone } as const;

export type ChannelKind = keyof typeof KIND_ICON;

/** A channel by name; its kind as an icon when known (a badge colour would read as a status). */
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
  const Icon = kind ? KIND_ICON[kind] : null;
  return (
    <Badge variant="neutral" title={`${name} (${code})`} className={cn('max-w-44', className)}>
      {Icon ? <Icon aria-hidden /> : null}
      <span className="truncate">{name}</span>
    </Badge>
  );
}
