import type { Metadata } from 'next';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { TrackRefresh } from '@/components/track/track-refresh';
import { getDb } from '@/db/client';
import { formatPickupCode } from '@/lib/pickups/code';
import { qrSvg } from '@/lib/pickups/qr';
import { storeAddressLines } from '@/lib/messages/payload';
import { getTrackedPickup, type TrackingPhase } from '@/lib/pickups/tracking';
import type { Locale } from '@/lib/i18n/config';
import { getI18n } from '@/lib/next/i18n';

/**
 * The customer's tracking page, public: the token in the link is the only key (no staff session;
 * the back office's pages check theirs, this one has none to check). It shows a first name, the
 * order number, the store and where the order is, and refreshes itself while the order is open.
 * Unknown, malformed and expired tokens all get the same 404 (not-found.tsx).
 */
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ token: string }> };

const STEPS = ['placed', 'preparing', 'ready', 'collected'] as const;
const STEP_OF: Record<TrackingPhase, number> = {
  preparing: 1,
  awaiting_transfer: 1,
  ready: 2,
  collected: 3,
  expired: -1,
  cancelled: -1,
};
const OPEN: readonly TrackingPhase[] = ['preparing', 'awaiting_transfer', 'ready'];

/** One read per request for the metadata and the page. */
const readTracked = cache(async (token: string, locale: Locale) => getTrackedPickup(await getDb(), token, { locale }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token } = await params;
  const { t, locale } = await getI18n();
  const tracked = await readTracked(token, locale);
  return {
    title: tracked ? t('track.metaTitle', { orderNumber: tracked.orderNumber }) : t('track.notFound.metaTitle'),
    robots: { index: false, follow: false, nocache: true },
    referrer: 'no-referrer',
  };
}

export default async function TrackPage({ params }: Props) {
  const { token } = await params;
  const { t, locale, formatDate, formatDateTime } = await getI18n();
  const tracked = await readTracked(token, locale);
  if (!tracked) notFound();
  const { store, phase } = tracked;
  const zone = store.timeZone;
  const code = tracked.code ? formatPickupCode(tracked.code) : null;
  const qr = code ? await qrSvg(tracked.code!, t('track.qrLabel', { code })) : null;
  const current = STEP_OF[phase];
  const storeName = store.name;

  let body: string;
  switch (phase) {
    case 'ready':
      body = t('track.phase.ready.body', {
        store: storeName,
        until: tracked.holdEndsAt ? formatDate(tracked.holdEndsAt, zone, 'full') : '—',
      });
      break;
    case 'collected':
      body = tracked.collectedAt
        ? t('track.phase.collected.body', { store: storeName, at: formatDateTime(tracked.collectedAt, zone) })
        : t('track.phase.collected.bodyNoDate', { store: storeName });
      break;
    case 'preparing':
    case 'awaiting_transfer':
      body = t(`track.phase.${phase}.body`, { store: storeName });
      break;
    default:
      body = t(`track.phase.${phase}.body`);
  }

  const days = ['1', '2', '3', '4', '5', '6', '7'] as const;
  const hasHours = Object.keys(store.openingHours).length > 0;

  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-lg flex-col gap-5 px-4 py-6">
      <header className="flex flex-col gap-1">
        <p className="text-muted-foreground text-sm">
          {tracked.firstName ? t('track.greeting', { firstName: tracked.firstName }) : t('track.greetingNoName')}
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{t(`track.phase.${phase}.title`)}</h1>
        <p className="text-muted-foreground text-sm">{t('track.order', { orderNumber: tracked.orderNumber })}</p>
      </header>

      {current >= 0 ? (
        <ol aria-label={t('track.steps.label')} className="grid grid-cols-4 gap-2 text-xs">
          {STEPS.map((step, i) => (
            <li
              key={step}
              aria-current={i === current ? 'step' : undefined}
              className={
                'border-t-4 pt-2 ' +
                (i <= current ? 'border-primary text-foreground font-medium' : 'border-border text-muted-foreground')
              }
            >
              {t(`track.steps.${step}`)}
            </li>
          ))}
        </ol>
      ) : null}

      <p className="text-base">{body}</p>

      {code && qr ? (
        <section
          aria-labelledby="track-code"
          className="bg-card flex flex-col items-center gap-3 rounded-lg border p-5"
        >
          <h2 id="track-code" className="text-muted-foreground text-sm font-medium">
            {t('track.codeLabel')}
          </h2>
          <p className="font-mono text-5xl font-semibold tracking-widest" data-testid="pickup-code">
            {code}
          </p>
          <div className="w-48 max-w-full [&>svg]:h-auto [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: qr }} />
          <p className="text-muted-foreground text-center text-sm">{t('track.codeHint')}</p>
        </section>
      ) : null}

      <section aria-labelledby="track-store" className="bg-card flex flex-col gap-3 rounded-lg border p-5">
        <h2 id="track-store" className="text-lg font-semibold">
          {t('track.storeTitle')}
        </h2>
        <address className="not-italic">
          <span className="font-medium">{storeName}</span>
          {storeAddressLines(store).map((line) => (
            <span key={line} className="block">
              {line}
            </span>
          ))}
        </address>
        {hasHours ? (
          <div>
            <h3 className="text-sm font-medium">{t('track.hoursTitle')}</h3>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-sm">
              {days.map((day) => {
                const ranges = store.openingHours[day] ?? [];
                return (
                  <div key={day} className="contents">
                    <dt className="text-muted-foreground">{t(`track.weekdays.${day}`)}</dt>
                    <dd>
                      {ranges.length === 0
                        ? t('track.closed')
                        : ranges.map(([from, to]) => t('track.hoursRange', { from, to })).join(', ')}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </div>
        ) : null}
      </section>

      {OPEN.includes(phase) ? (
        <>
          <p className="text-muted-foreground text-xs">{t('track.live')}</p>
          <TrackRefresh seconds={10} />
        </>
      ) : null}
    </main>
  );
}
