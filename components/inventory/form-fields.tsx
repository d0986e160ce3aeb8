'use client';

import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { useI18n } from '@/lib/next/i18n-client';

export type LocationOption = { id: string; code: string; name: string };

/** A labelled select of locations, each shown as "CODE · Name"; `placeholder` adds an empty first choice. */
export function LocationField({
  id,
  label,
  locations,
  value,
  onChange,
  placeholder,
  invalid,
}: {
  id: string;
  label: string;
  locations: LocationOption[];
  value: string;
  onChange: (locationId: string) => void;
  placeholder?: string;
  invalid?: boolean;
}) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid ? true : undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {locations.map((l) => (
          <option key={l.id} value={l.id}>
            {l.code} · {l.name}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

/** The reference a stock movement is filed under (delivery note, supplier reference): free text, 100 characters. */
export function ReferenceField({
  id,
  label,
  value,
  onChange,
  disabled,
  invalid,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (reference: string) => void;
  disabled?: boolean;
  invalid?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        value={value}
        maxLength={100}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        placeholder={t('inventory.receive.referencePlaceholder')}
        aria-invalid={invalid ? true : undefined}
        autoComplete="off"
      />
    </div>
  );
}
