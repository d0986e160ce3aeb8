'use client';

import type { ComponentProps } from 'react';
import { Field } from '@/components/ui/field';
import { Input, type InputProps } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/select';
import { useI18n } from '@/lib/next/i18n-client';
import { clsx } from 'clsx';

export type LocationOption = { id: string; code: string; name: string };

/**
 * A labelled select of locations, each shown as "CODE · Name"; `placeholder` adds an empty first
 * choice. The rest are the select's own props: a controlled value, or react-hook-form's register().
 */
export function LocationField({
  label,
  locations,
  placeholder,
  error,
  ...select
}: Omit<ComponentProps<'select'>, 'id'> & {
  label: string;
  locations: LocationOption[];
  placeholder?: string;
  error?: string | null;
}) {
  return (
    <Field label={label} error={error}>
      {(props) => (
        <NativeSelect {...props} {...select}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.code} · {l.name}
            </option>
          ))}
        </NativeSelect>
      )}
    </Field>
  );
}

/** The reference a stock movement is filed under (delivery note, supplier reference): free text, 100 characters. */
export function ReferenceField({
  label,
  error,
  ...input
}: Omit<InputProps, 'id'> & { label: string; error?: string | null }) {
  const { t } = useI18n();
  return (
    <Field label={label} error={error}>
      {(props) => (
        <Input
          {...props}
          maxLength={100}
          placeholder={t('inventory.receive.referencePlaceholder')}
          autoComplete="off"
          {...input}
        />
      )}
    </Field>
  );
}

/** A typed number of units: numeric keyboard, right-aligned figures, nothing to autocomplete. The rest are the input's own props. */
export function QuantityInput({ className, width = 'w-40', ...input }: InputProps) {
  return (
    <Input
      inputMode="numeric"
      autoComplete="off"
      width={width}
      className={clsx('text-right tabular-nums', className)}
      {...input}
    />
  );
}
