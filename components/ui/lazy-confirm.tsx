'use client';

import type { ComponentProps } from 'react';
import type { ConfirmAlert } from './dialog';
import { lazyDialog } from './lazy-dialog';

/**
 * Asks before doing what cannot be undone (ConfirmAlert in dialog.tsx), loaded with Radix's alert
 * dialog when the pointer or the focus reaches its trigger (lazyDialog) rather than with the page.
 * The trigger must be a single element, such as a Button.
 */
export const ConfirmDialog = lazyDialog<Omit<ComponentProps<typeof ConfirmAlert>, 'trigger' | 'defaultOpen'>>(() =>
  import('./dialog').then((m) => m.ConfirmAlert),
);
