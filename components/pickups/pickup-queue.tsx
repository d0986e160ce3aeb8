'use client';

import { useEffect, useState } from 'react';
import { Link } from '@/components/ui/link';
import { useQuery } from '@tanstack/react-query';
import { Icon } from '@/components/ui/icons';
import { PackageOpen } from 'lucide';
import { LiveStatus } from '@/components/live/live-status';
import { useLiveInvalidation } from '@/components/live/use-live-topic';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { clsx } from 'clsx';
import { liveTopic } from '@/lib/live/topics';
import { useI18n } from '@/lib/next/i18n-client';
import { formatPickupCode } from '@/lib/pickups/code-format';
import { QUEUE_LIMIT, QUEUE_TABS, type PickupQueue, type QueueCard, type QueueTab } from '@/lib/pickups/queue-model';

type Translate = ReturnType<typeof useI18n>['t'];

async function fetchQueue(locationId: string, tab: QueueTab): Promise<PickupQueue> {
  const response = await fetch(`/pickups/queue?${new URLSearchParams({ location: locationId, tab })}`, {
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`queue ${response.status}`);
  return (await response.json()) as PickupQueue;
}

/** The time now, ticking every 30 s: ages and countdowns move without a refetch. */
function useNow(initial: string): number {
  const [now, setNow] = useState(() => Date.parse(initial));
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const id = setInterval(tick, 30_000);
    return () => clearInterval(id);
  }, []);
  return now;
}

function duration(t: Translate, ms: number): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return t('pickupQueue.duration.minutes', { count: minutes });
  if (minutes < 48 * 60)
    return t('pickupQueue.duration.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return t('pickupQueue.duration.days', { count: Math.floor(minutes / (24 * 60)) });
}

/**
 * One store's pickup queue: tabs with their counts, the tab's cards, kept fresh live (the store's
 * pickups topic invalidates the query, polling while the stream is down). The cards render by
 * pickup id, so a refetch keeps the page's place.
 */
export function PickupQueueView({ initial }: { initial: PickupQueue }) {
  const { t, formatDateTime } = useI18n();
  const locationId = initial.store.id;
  const tab = initial.tab;
  const queryKey = ['pickups', locationId, tab];
  const live = useLiveInvalidation(liveTopic.pickups(locationId), queryKey);
  const query = useQuery({
    queryKey,
    queryFn: () => fetchQueue(locationId, tab),
    initialData: initial,
    refetchInterval: live.refetchInterval,
    staleTime: 0,
  });
  const queue = query.data;
  const now = useNow(initial.now);
  const tz = queue.store.timeZone;
  const time = (iso: string) => formatDateTime(iso, tz);

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t('pickupQueue.tabs.label')} className="flex flex-wrap gap-1.5">
          {QUEUE_TABS.map((key) => {
            const current = key === tab;
            const href = `/pickups?${new URLSearchParams({ location: locationId, tab: key })}`;
            return (
              <Link
                key={key}
                href={href}
                aria-current={current ? 'page' : undefined}
                className={clsx(
                  'inline-flex h-9 items-center gap-2 rounded-md border px-3 text-sm font-medium transition-colors',
                  current
                    ? 'border-primary bg-primary text-primary-foreground'
                    : 'border-border bg-surface text-foreground hover:bg-muted',
                )}
              >
                {t(`pickupQueue.tabs.${key}`)}
                <span
                  className={clsx(
                    'rounded-full px-1.5 text-xs tabular-nums',
                    current ? 'bg-primary-foreground text-primary' : 'bg-muted',
                  )}
                >
                  {queue.counts[key]}
                </span>
                {key === 'to_pick' && queue.counts.late > 0 ? (
                  <Badge variant="problem">{t('pickupQueue.lateCount', { count: queue.counts.late })}</Badge>
                ) : null}
              </Link>
            );
          })}
        </nav>
        <LiveStatus state={live.state} />
      </div>

      {query.isError ? <Alert tone="warning">{t('pickupQueue.loadError')}</Alert> : null}

      {queue.cards.length === 0 ? (
        <EmptyState icon={<Icon node={PackageOpen} />} title={t(`pickupQueue.empty.${tab}`)} />
      ) : (
        <ul className="grid gap-3 md:grid-cols-2 2xl:grid-cols-3" aria-label={t(`pickupQueue.tabs.${tab}`)}>
          {queue.cards.map((card) => (
            <PickupCard key={card.pickupId} card={card} locationId={locationId} now={now} t={t} time={time} />
          ))}
        </ul>
      )}
      {queue.cards.length >= QUEUE_LIMIT ? (
        <p className="text-sm text-muted-foreground">{t('pickupQueue.capped', { count: QUEUE_LIMIT })}</p>
      ) : null}
    </div>
  );
}

function PickupCard({
  card,
  locationId,
  now,
  t,
  time,
}: {
  card: QueueCard;
  locationId: string;
  now: number;
  t: Translate;
  time: (iso: string) => string;
}) {
  const promised = card.promisedAt ? Date.parse(card.promisedAt) : null;
  const due = card.dueBy ? Date.parse(card.dueBy) : null;
  const late = promised !== null && promised < now;
  const dueSoon = card.state === 'ready' && due !== null && due - now < 24 * 60 * 60 * 1000;
  const toPick = card.state === 'placed' || card.state === 'to_pick';
  return (
    <li
      className={clsx(
        'grid content-start gap-2 rounded-lg border bg-surface p-4 shadow-card',
        late || (dueSoon && due < now) ? 'border-problem-border' : 'border-border',
      )}
      data-pickup={card.pickupId}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-base font-semibold">
          <Link href={`/orders/${card.orderId}`} className="underline-offset-4 hover:underline">
            {t('pickupQueue.card.order', { number: card.orderNumber })}
          </Link>
        </h3>
        <div className="flex flex-wrap gap-1.5">
          {late ? <Badge variant="problem">{t('pickupQueue.card.late')}</Badge> : null}
          {dueSoon ? <Badge variant="waiting">{t('pickupQueue.card.dueSoon')}</Badge> : null}
          {card.code && card.state === 'ready' ? (
            <Badge variant="info">{t('pickupQueue.card.code', { code: formatPickupCode(card.code) })}</Badge>
          ) : null}
        </div>
      </div>
      <p className="text-sm">
        <span className="sr-only">{t('pickupQueue.card.customer')}: </span>
        {card.customerName || <span className="text-muted-foreground">{t('pickupQueue.card.noCustomer')}</span>}
      </p>
      <ul className="grid gap-0.5 text-sm" aria-label={t('pickupQueue.card.items')}>
        {card.items.map((item, i) => (
          <li key={`${item.sku}-${i}`}>
            {t('pickupQueue.card.item', { quantity: item.quantity, name: item.name, title: item.title })}{' '}
            <span className="font-mono text-xs text-muted-foreground">{item.sku}</span>
            {item.bin ? (
              <span className="ml-2 text-xs text-muted-foreground">{t('pickupQueue.card.bin', { bin: item.bin })}</span>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="grid gap-0.5 text-sm text-muted-foreground">
        <div>
          <p>{t('pickupQueue.card.placed', { age: duration(t, now - Date.parse(card.placedAt)) })}</p>
        </div>
        {promised !== null ? (
          <div className={late ? 'text-problem' : undefined}>
            <p>
              {t('pickupQueue.card.promised', { time: time(card.promisedAt!) })} ·{' '}
              {late
                ? t('pickupQueue.card.lateBy', { duration: duration(t, now - promised) })
                : t('pickupQueue.card.promisedIn', { duration: duration(t, promised - now) })}
            </p>
          </div>
        ) : null}
        {card.state === 'ready' && due !== null ? (
          <div className={dueSoon ? 'text-waiting' : undefined}>
            <p>
              {t('pickupQueue.card.holdEnds', { time: time(card.dueBy!) })} ·{' '}
              {due > now
                ? t('pickupQueue.card.holdLeft', { duration: duration(t, due - now) })
                : t('pickupQueue.card.holdOver')}
            </p>
          </div>
        ) : null}
        {card.transferNumber && card.state === 'awaiting_transfer' ? (
          <div>
            <p>{t('pickupQueue.card.transfer', { number: card.transferNumber })}</p>
          </div>
        ) : null}
        {card.state === 'collected' && card.closedAt ? (
          <div>
            <p>{t('pickupQueue.card.collected', { time: time(card.closedAt) })}</p>
          </div>
        ) : null}
        {card.state === 'expired' && card.closedAt ? (
          <div>
            <p>{t('pickupQueue.card.expired', { time: time(card.closedAt) })}</p>
          </div>
        ) : null}
      </div>
      {toPick ? (
        <div className="flex justify-end">
          <ButtonLink size="sm" href={`/pickups/${card.pickupId}`}>
            {t('pickupQueue.card.pick')}
          </ButtonLink>
        </div>
      ) : null}
      {card.state === 'ready' && card.code ? (
        <div className="flex justify-end">
          <ButtonLink
            size="sm"
            href={`/pickups/counter?${new URLSearchParams({ location: locationId, q: card.code })}`}
            aria-label={t('pickupQueue.card.handOverAria', { number: card.orderNumber })}
          >
            {t('pickupQueue.card.handOver')}
          </ButtonLink>
        </div>
      ) : null}
    </li>
  );
}
