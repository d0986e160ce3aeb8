'use client';

import { useEffect, useState } from 'react';
import dynamic from 'next/dynamic';
import { registerToasterMount } from './toast';

const Toaster = dynamic(() => import('./toaster').then((m) => m.Toaster), { ssr: false });

/**
 * Where the toaster will be: nothing until the first toast (components/ui/toast.ts), then sonner's
 * <Toaster>, loaded on demand and kept mounted.
 */
export function LazyToaster() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    registerToasterMount(() => setMounted(true));
    return () => registerToasterMount(null);
  }, []);
  return mounted ? <Toaster /> : null;
}
