import { Icon } from '@/components/ui/icons';
import { Search } from 'lucide';

/** The customer search field's icon, drawn by the server pages for LazyCustomerSearch's stand-in. */
export const SEARCH_FIELD_ICON = <Icon node={Search} aria-hidden className="size-4 shrink-0 text-muted-foreground" />;
