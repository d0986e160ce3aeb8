'use client';

import { useId, useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { Icon } from '@/components/ui/icons';
import { ScanBarcode } from 'lucide';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { useI18n } from '@/lib/next/i18n-client';
import { lookupCode } from './lookup';

/**
 * The barcode field: scanners type the EAN like a keyboard and press Enter, which opens the SKU.
 * With JavaScript the code is looked up in place (an unknown code says so here); without it the
 * form is a plain GET to /inventory/scan, which redirects.
 */
export function ScanForm() {
  const { t } = useI18n();
  const router = useRouter();
  const id = useId();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = code.trim();
    if (!value || busy) return;
    setBusy(true);
    setError(null);
    try {
      const found = await lookupCode(value);
      if (found) router.push(`/inventory/${found.variantId}`);
      else setError(t('inventory.scan.notFound', { code: value }));
    } catch {
      setError(t('errors.unexpected'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      action="/inventory/scan"
      method="get"
      onSubmit={(event) => void onSubmit(event)}
      className="flex min-w-0 flex-col gap-1.5"
      role="search"
      aria-label={t('inventory.scan.label')}
    >
      <Label htmlFor={id} size="sm">
        {t('inventory.scan.label')}
      </Label>
      <div className="relative">
        <Icon
          node={ScanBarcode}
          aria-hidden
          className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
        />
        <Input
          id={id}
          name="code"
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
            setError(null);
          }}
          placeholder={t('inventory.scan.placeholder')}
          autoComplete="off"
          spellCheck={false}
          inputMode="text"
          enterKeyHint="go"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-busy={busy || undefined}
          className="pl-8 font-mono"
        />
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-destructive">
          {error}
        </p>
      ) : null}
    </form>
  );
}
