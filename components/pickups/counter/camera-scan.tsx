'use client';

import { useEffect, useRef, useState } from 'react';
import { Icon } from '@/components/ui/icons';
import { Camera } from 'lucide';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { useI18n } from '@/lib/next/i18n-client';
import { detectorClass } from './camera-support';

/**
 * A camera button for the counter's field, rendered only where the browser reads barcodes itself
 * (useBarcodeDetector): it opens the camera in a dialog, reads the customer's QR code and gives
 * its text, as a keyboard-wedge scanner types it. No library is loaded for this.
 */
export function CameraScan({ onRead }: { onRead: (text: string) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button type="button" variant="secondary" size="lg" onClick={() => setOpen(true)}>
        <Icon node={Camera} aria-hidden />
        {t('pickupCounter.search.camera')}
      </Button>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t('pickupCounter.camera.title')}</DialogTitle>
          <DialogDescription>{t('pickupCounter.camera.description')}</DialogDescription>
        </DialogHeader>
        {open ? (
          <CameraView
            onRead={(text) => {
              setOpen(false);
              onRead(text);
            }}
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

function CameraView({ onRead }: { onRead: (text: string) => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<'starting' | 'running' | 'denied'>('starting');
  const read = useRef(onRead);
  useEffect(() => {
    read.current = onRead;
  });

  useEffect(() => {
    const Detector = detectorClass();
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    async function start() {
      try {
        if (!Detector) throw new Error('no BarcodeDetector');
        const detector = new Detector({ formats: ['qr_code'] });
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        // Frames come once it plays; detect() just finds nothing until then.
        video.current.play().catch(() => undefined);
        setState('running');
        const scan = async () => {
          if (stopped || !video.current) return;
          const found = await detector.detect(video.current).catch(() => []);
          const text = found.find((f) => f.rawValue.trim())?.rawValue.trim();
          if (text) read.current(text);
          else timer = setTimeout(() => void scan(), 200);
        };
        void scan();
      } catch {
        if (!stopped) setState('denied');
      }
    }
    void start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <div className="grid gap-2">
      <video ref={video} muted playsInline className="aspect-video w-full rounded-md bg-foreground/90" />
      <p role="status" className="text-sm text-muted-foreground">
        {state === 'starting'
          ? t('pickupCounter.camera.starting')
          : state === 'denied'
            ? t('pickupCounter.camera.denied')
            : ''}
      </p>
    </div>
  );
}
