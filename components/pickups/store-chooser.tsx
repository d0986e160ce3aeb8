import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { NativeSelect } from '@/components/ui/select';

/**
 * Which store a page shows, as a GET form that works without JavaScript: a select of stores
 * ("PAR · Paris Rivoli") submitted to `action` under `name`, with the page's other parameters
 * carried along in `keep`. `none` adds a first option for no store; `children` follow the button
 * (a hint).
 */
export function StoreChooser({
  action,
  id,
  name = 'location',
  label,
  submitLabel,
  stores,
  value,
  none,
  keep = {},
  children,
}: {
  action: string;
  /** The select's id, unique on the page. */
  id: string;
  name?: string;
  label: string;
  submitLabel: string;
  stores: readonly { id: string; code: string; name: string }[];
  value: string;
  none?: string;
  keep?: Record<string, string>;
  children?: ReactNode;
}) {
  return (
    <form method="get" action={action} className="mb-4 flex flex-wrap items-end gap-2">
      <div className="grid gap-1">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <NativeSelect id={id} name={name} defaultValue={value} containerClassName="w-64">
          {none !== undefined ? <option value="">{none}</option> : null}
          {stores.map((s) => (
            <option key={s.id} value={s.id}>
              {s.code} · {s.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      {Object.entries(keep).map(([key, v]) => (
        <input key={key} type="hidden" name={key} value={v} />
      ))}
      <Button type="submit" variant="secondary">
        {submitLabel}
      </Button>
      {children}
    </form>
  );
}
