'use client';

import type { ReactNode } from 'react';
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import type { LocationOption } from '@/lib/inventory/queries/locations';
import { useI18n } from '@/lib/next/i18n-client';

/**
 * The stock filter's location menu itself (Radix), checkboxes by kind. Loaded by InventoryFilters
 * when it is first opened (Radix's menu is ~30 KB gzip), which is why it starts open.
 */
export function LocationMenu({
  trigger,
  locations,
  selected,
  onToggle,
  onSelectAll,
}: {
  trigger: ReactNode;
  locations: readonly LocationOption[];
  selected: ReadonlySet<string>;
  onToggle: (id: string, checked: boolean) => void;
  onSelectAll: () => void;
}) {
  const { t } = useI18n();
  const allSelected = locations.every((l) => selected.has(l.id));
  const stores = locations.filter((l) => l.kind === 'store');
  const warehouses = locations.filter((l) => l.kind === 'warehouse');
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent
        align="start"
        className="max-h-[min(28rem,var(--radix-dropdown-menu-content-available-height))] overflow-y-auto"
      >
        <DropdownMenuCheckboxItem
          checked={allSelected}
          onSelect={(e) => e.preventDefault()}
          onCheckedChange={() => onSelectAll()}
        >
          {t('inventory.filters.selectAll')}
        </DropdownMenuCheckboxItem>
        {[
          [t('inventory.filters.stores'), stores] as const,
          [t('inventory.filters.warehouses'), warehouses] as const,
        ].map(([label, group]) =>
          group.length === 0 ? null : (
            <DropdownMenuGroup key={label}>
              <DropdownMenuSeparator />
              <DropdownMenuLabel>{label}</DropdownMenuLabel>
              {group.map((l) => (
                <DropdownMenuCheckboxItem
                  key={l.id}
                  checked={selected.has(l.id)}
                  onSelect={(e) => e.preventDefault()}
                  onCheckedChange={(checked) => onToggle(l.id, checked === true)}
                >
                  <span className="w-14 shrink-0 font-mono text-xs text-muted-foreground">{l.code}</span>
                  <span className="truncate">{l.name}</span>
                </DropdownMenuCheckboxItem>
              ))}
            </DropdownMenuGroup>
          ),
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
