'use client';

import NextLink from 'next/link';
import { useState, type ComponentProps } from 'react';

/**
 * The app's link (never next/link directly; eslint says so). Every back-office page is rendered
 * per request, so what Next.js prefetches for a link merely in view is the route's outline, one
 * server request per link: a list of fifty orders sent a hundred of them, and they queued before
 * the click that mattered. This link prefetches nothing until a person reaches for it (the mouse
 * over it, a finger down on it, the keyboard's focus), and then the whole page, which is usually
 * there by the click. What a prefetch brought is kept 30 s (next.config.js, staleTimes.static);
 * a server action's revalidation clears it.
 */
export function Link({ prefetch, onMouseEnter, onTouchStart, onFocus, ...props }: ComponentProps<typeof NextLink>) {
  const [reached, setReached] = useState(false);
  return (
    <NextLink
      {...props}
      prefetch={prefetch === false ? false : reached}
      onMouseEnter={(event) => {
        setReached(true);
        onMouseEnter?.(event);
      }}
      onTouchStart={(event) => {
        setReached(true);
        onTouchStart?.(event);
      }}
      onFocus={(event) => {
        setReached(true);
        onFocus?.(event);
      }}
    />
  );
}
