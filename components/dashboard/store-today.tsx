import { Link } from '@/components/ui/link';
import { inventoryListHref } from '@/components/inventory/list-url';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { StoreToday, StoreTodayCounts } from '@/lib/dashboard/store-today';
import { getI18n } from '@/lib/next/i18n';
import { clsx } from 'clsx';

type Tile = { key: keyof StoreTodayCounts; href: string; tone: 'neutral' | 'waiting' | 'problem' };

const TONE: Record<Tile['tone'], string> = {
  neutral: 'text-foreground',
  waiting: 'text-waiting',
  problem: 'text-problem',
};

/** Each figure and the list it counts: the queue's tabs, the store's incoming transfers, its low stock. */
function tilesOf(store: StoreToday): Tile[] {
  const queue = (tab: string) => `/pickups?${new URLSearchParams({ location: store.id, tab }).toString()}`;
  const pickups: Tile[] = store.pickupEnabled
    ? [
        { key: 'toPick', href: queue('to_pick'), tone: 'neutral' },
        { key: 'late', href: queue('to_pick'), tone: 'problem' },
        { key: 'dueSoon', href: queue('due_soon'), tone: 'waiting' },
        { key: 'expiredToday', href: queue('expired'), tone: 'problem' },
      ]
    : [];
  return [
    ...pickups,
    {
      key: 'transfersIn',
      href: `/inventory/transfers?${new URLSearchParams({ loc: store.id }).toString()}`,
      tone: 'neutral',
    },
    { key: 'lowStock', href: inventoryListHref({ loc: [store.id], status: 'low' }), tone: 'waiting' },
  ];
}

/** Today at one store: a tile per figure, each a link to the list it counts. */
export async function StoreTodaySection({ store }: { store: StoreToday }) {
  const { t, formatNumber } = await getI18n();
  const headingId = `today-${store.code}`;
  const tiles = tilesOf(store);
  const quiet = tiles.every((tile) => store.counts[tile.key] === 0);
  return (
    <section aria-labelledby={headingId} className="mb-8">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 id={headingId} className="text-[0.9375rem] font-semibold">
          {t('storeToday.heading', { store: store.name })}
        </h2>
        {!store.pickupEnabled ? (
          <Badge variant="closed">{t('storeToday.pickupOff')}</Badge>
        ) : store.pickupPaused ? (
          <Badge variant="waiting">{t('storeToday.paused')}</Badge>
        ) : null}
        {quiet ? <p className="text-sm text-muted-foreground">{t('storeToday.allClear')}</p> : null}
      </div>
      <ul className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {tiles.map((tile) => {
          const count = store.counts[tile.key];
          return (
            <li key={tile.key}>
              <Card
                data-tile={tile.key}
                className="relative h-full transition-colors hover:border-primary/40 has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-ring"
              >
                <div className="flex h-full flex-col p-4">
                  <h3 className="text-sm font-medium text-muted-foreground">
                    {/* The link covers the whole tile; its name is the tile's label. */}
                    <Link
                      href={tile.href}
                      className="after:absolute after:inset-0 after:rounded-lg hover:text-foreground focus-visible:outline-none"
                    >
                      {t(`storeToday.tiles.${tile.key}.label`)}
                    </Link>
                  </h3>
                  <p
                    className={clsx(
                      'mt-1 text-3xl font-semibold tabular-nums leading-tight',
                      count === 0 ? 'text-muted-foreground' : TONE[tile.tone],
                    )}
                  >
                    {formatNumber(count)}
                  </p>
                  <p className="mt-1 text-xs text-muted-foreground">
                    {t(`storeToday.tiles.${tile.key}.detail`, { count })}
                  </p>
                </div>
              </Card>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
