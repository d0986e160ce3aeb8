'use client';

import { useEffect, useRef, useState, useTransition } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { Icon } from '@/components/ui/icons';
import { ScanBarcode } from 'lucide';
import { actionErrorMessage } from '@/components/action-result';
import { lazySchemaResolver } from '@/components/form-errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { RecordCountInput, ZRecordCountInput } from '@/lib/inventory/schemas';
import { recordCountAction } from '@/lib/next/actions/inventory';
import { useI18n } from '@/lib/next/i18n-client';

type LogLine = { key: number; text: string; ok: boolean };
/** One line of ZRecordCountInput as typed: `add` scans one unit, `set` takes the typed quantity. */
type CountEntryValues = { lines: [{ code: string; counted: string; mode: 'add' | 'set' }] };

const resolveInput = lazySchemaResolver<typeof ZRecordCountInput>(() =>
  import('@/lib/inventory/schemas').then((m) => m.ZRecordCountInput),
);

/**
 * Count entry for scanners and keyboards. Scan mode: every Enter adds one unit of that code.
 * Type mode: the typed quantity becomes the counted quantity. The review below refreshes; each
 * result is said in the log under the field, the scanner's feed (a toast per scan would pile up).
 */
export function CountEntry({ countId }: { countId: string }) {
  const { t, formatNumber } = useI18n();
  const [log, setLog] = useState<LogLine[]>([]);
  const [pending, startTransition] = useTransition();
  const seq = useRef(0);
  // The action's schema, with the count it records into and one unit per scan.
  const resolver: Resolver<CountEntryValues, unknown, RecordCountInput> = async (values, context, options) => {
    const [line] = values.lines;
    // The schema refuses a blank quantity itself (it is no 0).
    const counted = line.mode === 'add' ? 1 : line.counted;
    const input = { countId, lines: [{ ...line, counted }] };
    const result = await resolveInput(input, context, { ...options, fields: {}, names: undefined });
    return result as Awaited<ReturnType<Resolver<CountEntryValues, unknown, RecordCountInput>>>;
  };
  const form = useForm<CountEntryValues, unknown, RecordCountInput>({
    resolver,
    defaultValues: { lines: [{ code: '', counted: '', mode: 'add' }] },
  });
  useEffect(() => resolveInput.preload(), []);
  const [line] = useWatch({ control: form.control, name: 'lines' });
  // The scanner types into the code field from the moment the page is open.
  useEffect(() => form.setFocus('lines.0.code'), [form]);
  const { errors } = form.formState;

  function push(text: string, ok: boolean) {
    seq.current += 1;
    const key = seq.current;
    setLog((l) => [{ key, text, ok }, ...l].slice(0, 6));
  }

  function send(input: RecordCountInput) {
    const [{ code, counted, mode }] = input.lines;
    form.reset({ lines: [{ code: '', counted: '', mode }] });
    startTransition(async () => {
      const result = await recordCountAction(input);
      if (!result.ok) push(actionErrorMessage(t, result), false);
      else if (result.data.unknown.length > 0) push(t('inventory.counts.unknown', { code }), false);
      else if (result.data.elsewhere.length > 0)
        push(t('inventory.counts.elsewhere', { code, number: result.data.elsewhere[0].number }), false);
      else
        push(
          mode === 'add'
            ? t('inventory.counts.recordedScan', { code })
            : t('inventory.counts.recordedSet', { code, quantity: formatNumber(counted) }),
          true,
        );
      form.setFocus('lines.0.code');
    });
  }

  return (
    <form onSubmit={(event) => void form.handleSubmit(send)(event)} className="grid gap-3" noValidate>
      <fieldset>
        <legend className="mb-2 text-sm font-medium">{t('inventory.counts.mode')}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {(['add', 'set'] as const).map((m) => (
            <label key={m} className="inline-flex items-center gap-2 text-sm">
              <input type="radio" value={m} className="size-4 accent-primary" {...form.register('lines.0.mode')} />
              {m === 'add' ? t('inventory.counts.modeScan') : t('inventory.counts.modeType')}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-end gap-2">
        <Field label={t('inventory.counts.code')} className="min-w-56 flex-1">
          {(props) => (
            <div className="relative">
              <Icon
                node={ScanBarcode}
                aria-hidden
                className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
              />
              <Input
                {...props}
                autoComplete="off"
                spellCheck={false}
                className="pl-8 font-mono"
                {...form.register('lines.0.code')}
              />
            </div>
          )}
        </Field>
        {line.mode === 'set' ? (
          <Field
            label={t('inventory.counts.quantity')}
            error={errors.lines?.[0]?.counted ? t('inventory.adjust.wholeNumber') : null}
            className="w-32"
          >
            {(props) => (
              <Input
                {...props}
                inputMode="numeric"
                className="text-right tabular-nums"
                {...form.register('lines.0.counted')}
              />
            )}
          </Field>
        ) : null}
        <Button type="submit" disabled={!line.code.trim()} aria-busy={pending || undefined}>
          {t('inventory.counts.record')}
        </Button>
      </div>
      <ul aria-live="polite" className="grid gap-1 text-sm">
        {log.map((l) => (
          <li key={l.key} className={l.ok ? 'text-done' : 'text-destructive'}>
            {l.text}
          </li>
        ))}
      </ul>
    </form>
  );
}
