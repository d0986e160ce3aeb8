'use client';

import { Printer } from '@/components/ui/icons';
import { Button } from '@/components/ui/button';

/** Opens the browser's print dialog; not printed itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" className="print:hidden" onClick={() => window.print()}>
      <Printer aria-hidden />
      {label}
    </Button>
  );
}
