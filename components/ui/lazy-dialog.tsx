'use client';

import { cloneElement, lazy, Suspense, useState, type ComponentType, type ReactElement } from 'react';

/** What a dialog loaded by lazyDialog receives besides its own props. */
export type LazyDialogProps = {
  /** The button that opens it (the same one shown before it loaded). */
  trigger: ReactElement;
  /** True when it mounts because its trigger was clicked: it starts open. */
  defaultOpen?: boolean;
};

type TriggerProps = {
  'aria-haspopup'?: 'dialog';
  onPointerEnter?: () => void;
  onFocus?: () => void;
  onClick?: () => void;
};

/**
 * A dialog that loads when it is about to be used rather than with its page: until then only its
 * trigger is there. The code (Radix's dialog, react-hook-form, the form) starts loading when the
 * pointer or the focus reaches the trigger, and the first click mounts the dialog open once it has
 * arrived; it then stays mounted, as an eager one would. Pages with action dialogs save ~30 KB gzip
 * of first-load JavaScript. `load` is called at module level: make one per dialog component.
 */
export function lazyDialog<P extends object>(load: () => Promise<ComponentType<P & LazyDialogProps>>) {
  const Dialog = lazy(() => load().then((component) => ({ default: component })));
  const preload = () => void load();

  function LazyDialog(props: P & { trigger: ReactElement<TriggerProps> }) {
    const [opened, setOpened] = useState(false);
    if (!opened) {
      return cloneElement(props.trigger, {
        'aria-haspopup': 'dialog',
        onPointerEnter: preload,
        onFocus: preload,
        onClick: () => setOpened(true),
      });
    }
    return (
      <Suspense fallback={props.trigger}>
        <Dialog {...props} defaultOpen />
      </Suspense>
    );
  }
  return LazyDialog;
}
