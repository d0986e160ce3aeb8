'use client';

import { Icon } from '@/components/ui/icons';
import { Printer } from 'lucide';
import { Button } from '@/components/ui/button';

/** Opens the browser's print dialog; not printed itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" className="print:hidden" onClick={() => window.print()}>
      <Icon node={Printer} aria-hidden />
      {label}
    </Button>
  );
}
