import { useSyncExternalStore } from 'react';

/** The Shape Detection API's barcode reader (Chromium on Android and ChromeOS, Safari 17+): not in TypeScript's DOM types yet. */
export type BarcodeDetectorLike = { detect: (source: HTMLVideoElement) => Promise<{ rawValue: string }[]> };
type BarcodeDetectorClass = new (options: { formats: string[] }) => BarcodeDetectorLike;

export function detectorClass(): BarcodeDetectorClass | null {
  return typeof window !== 'undefined' && 'BarcodeDetector' in window
    ? (window as unknown as { BarcodeDetector: BarcodeDetectorClass }).BarcodeDetector
    : null;
}

const noSubscription = () => () => undefined;

/**
 * Whether this browser reads barcodes itself ('BarcodeDetector' in window): false on the server and
 * while hydrating (the server cannot know the browser), then the browser's answer.
 */
export function useBarcodeDetector(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => detectorClass() !== null,
    () => false,
  );
}
