'use client';

import { useEffect, useState } from 'react';

/** `value` once it has stayed the same for `ms`: what search as you type sends, one request per pause. */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return debounced;
}
