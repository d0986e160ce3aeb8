import { Button } from '@/components/ui/button';
import { NativeSelect } from '@/components/ui/select';

/** A GET form choosing a location scope (works without JavaScript): "mine", "all" or one location. */
export function LocationSelectForm({
  action,
  name = 'loc',
  label,
  value,
  options,
  submitLabel,
}: {
  action: string;
  name?: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  submitLabel: string;
}) {
  return (
    <form action={action} method="get" className="mb-4 flex flex-wrap items-center gap-2">
      <label htmlFor={`${name}-select`} className="text-sm font-medium">
        {label}
      </label>
      <NativeSelect id={`${name}-select`} name={name} defaultValue={value} containerClassName="w-72 max-w-full">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
      <Button type="submit" variant="secondary">
        {submitLabel}
      </Button>
    </form>
  );
}
