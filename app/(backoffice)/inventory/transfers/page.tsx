import type { Metadata } from 'next';
import { Icon } from '@/components/ui/icons';
import { ArrowLeftRight, Inbox } from 'lucide';
import { LocationSelectForm } from '@/components/inventory/location-select-form';
import { Pager } from '@/components/ui/pager';
import { TransferTable } from '@/components/inventory/transfer-table';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { can, scopeOf } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/next/session';
import { getI18n } from '@/lib/next/i18n';
import { createdCursorParam } from '@/lib/inventory/list-params';
import { listLocations } from '@/lib/inventory/queries/locations';
import { listTransfersForActor } from '@/lib/inventory/queries/transfers';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('inventory.transfers.title') };
}

type Cursors = { before?: string; inBefore?: string; outBefore?: string };

/** The transfers view with its location and page cursors in the URL; an empty cursor is left out. */
function transfersHref(loc: string, cursors: Cursors): string {
  const params = new URLSearchParams({ loc });
  for (const [key, value] of Object.entries(cursors)) if (value) params.set(key, value);
  return `/inventory/transfers?${params.toString()}`;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
/** A page cursor from the URL; a forged one is dropped, so the list shows its first page as the first. */
const cursorParam = createdCursorParam;

/**
 * Incoming and outgoing transfers per location. Managers start on their own stores and only ever
 * see transfers that involve one of them (listTransfersForActor), whatever location they pick;
 * owners (and agents, read-only) see every transfer unless they pick a location. Each list pages
 * by keyset (newest first, "older" follows a cursor), without counting the rows.
 */
export default async function TransfersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [ctx, i18n, sp] = await Promise.all([requirePage('inventory.transfers.view'), getI18n(), searchParams]);
  const { t } = i18n;
  const db = await getDb();
  const locations = await listLocations(db, i18n.locale);
  const timeZones = new Map(locations.map((l) => [l.code, l.timeZone]));
  const mine = scopeOf(ctx, 'inventory.transfer');
  const hasMine = ctx.role === 'manager' && mine !== null && mine.length > 0;
  const asked = one(sp.loc);
  const choice =
    asked === 'all' || (asked && locations.some((l) => l.id === asked)) || (asked === 'mine' && hasMine)
      ? asked
      : hasMine
        ? 'mine'
        : 'all';
  const scope: readonly string[] | null = choice === 'all' ? null : choice === 'mine' ? mine : [choice];
  const cursors: Cursors = scope
    ? { inBefore: cursorParam(sp.inBefore), outBefore: cursorParam(sp.outBefore) }
    : { before: cursorParam(sp.before) };

  const none = { transfers: [], next: null };
  // Requests waiting for an answer from a location the user may send from (every one for the owner).
  const answers = can(ctx, 'inventory.transfer');
  const [toAnswer, incoming, outgoing, all] = await Promise.all([
    answers ? listTransfersForActor(db, ctx, { locationIds: mine, direction: 'out', statuses: ['requested'] }) : none,
    scope ? listTransfersForActor(db, ctx, { locationIds: scope, direction: 'in', before: cursors.inBefore }) : none,
    scope ? listTransfersForActor(db, ctx, { locationIds: scope, direction: 'out', before: cursors.outBefore }) : none,
    scope ? none : listTransfersForActor(db, ctx, { locationIds: null, before: cursors.before }),
  ]);

  const options = [
    ...(hasMine
      ? [
          {
            value: 'mine',
            label: locations
              .filter((l) => mine.includes(l.id))
              .map((l) => l.name)
              .join(', '),
          },
        ]
      : []),
    { value: 'all', label: t('inventory.transfers.allLocations') },
    ...locations.map((l) => ({ value: l.id, label: `${l.code} · ${l.name}` })),
  ];

  /** Newest / Older for one list; the other list on the page keeps its own page. */
  const pager = (list: string, key: keyof Cursors, next: string | null) => (
    <Pager
      label={t('inventory.transfers.pages', { list })}
      back="first"
      previous={{
        href: cursors[key] ? transfersHref(choice, { ...cursors, [key]: undefined }) : null,
        label: t('inventory.transfers.newest'),
      }}
      next={{
        href: next ? transfersHref(choice, { ...cursors, [key]: next }) : null,
        label: t('inventory.transfers.older'),
      }}
    />
  );

  return (
    <>
      <PageHeader
        title={t('inventory.transfers.title')}
        description={t('inventory.transfers.description')}
        action={
          can(ctx, 'inventory.transfer') ? (
            <div className="flex flex-wrap gap-2">
              {/* A manager asks for stock more often than they send it; the owner sends it. */}
              {hasMine ? (
                <ButtonLink href="/inventory/transfers/request">
                  <Icon node={Inbox} aria-hidden />
                  {t('inventory.transfers.newRequest')}
                </ButtonLink>
              ) : null}
              <ButtonLink href="/inventory/transfers/new" variant={hasMine ? 'secondary' : 'primary'}>
                <Icon node={ArrowLeftRight} aria-hidden />
                {t('inventory.transfers.newTitle')}
              </ButtonLink>
            </div>
          ) : null
        }
      />
      {toAnswer.transfers.length > 0 ? (
        <section aria-labelledby="requests-heading" className="mb-6">
          <h2 id="requests-heading" className="text-[0.9375rem] font-semibold">
            {t('inventory.transfers.requestsToAnswer')}
          </h2>
          <p className="mb-2 text-sm text-muted-foreground">{t('inventory.transfers.requestsToAnswerHint')}</p>
          <TransferTable
            transfers={toAnswer.transfers}
            label={t('inventory.transfers.requestsToAnswer')}
            timeZones={timeZones}
            i18n={i18n}
          />
        </section>
      ) : null}
      <LocationSelectForm
        action="/inventory/transfers"
        label={t('inventory.transfers.location')}
        value={choice}
        options={options}
        submitLabel={t('inventory.transfers.show')}
      />
      {scope ? (
        <div className="grid grid-cols-1 gap-6">
          <section aria-labelledby="incoming-heading">
            <h2 id="incoming-heading" className="mb-2 text-[0.9375rem] font-semibold">
              {t('inventory.transfers.incoming')}
            </h2>
            {incoming.transfers.length === 0 ? (
              <Empty text={t('inventory.transfers.incomingEmpty')} />
            ) : (
              <TransferTable
                transfers={incoming.transfers}
                label={t('inventory.transfers.incoming')}
                timeZones={timeZones}
                i18n={i18n}
              />
            )}
            {pager(t('inventory.transfers.incoming'), 'inBefore', incoming.next)}
          </section>
          <section aria-labelledby="outgoing-heading">
            <h2 id="outgoing-heading" className="mb-2 text-[0.9375rem] font-semibold">
              {t('inventory.transfers.outgoing')}
            </h2>
            {outgoing.transfers.length === 0 ? (
              <Empty text={t('inventory.transfers.outgoingEmpty')} />
            ) : (
              <TransferTable
                transfers={outgoing.transfers}
                label={t('inventory.transfers.outgoing')}
                timeZones={timeZones}
                i18n={i18n}
              />
            )}
            {pager(t('inventory.transfers.outgoing'), 'outBefore', outgoing.next)}
          </section>
        </div>
      ) : (
        <section aria-labelledby="all-heading">
          <h2 id="all-heading" className="sr-only">
            {t('inventory.transfers.all')}
          </h2>
          {all.transfers.length === 0 ? (
            <Empty text={t('inventory.transfers.allEmpty')} />
          ) : (
            <TransferTable
              transfers={all.transfers}
              label={t('inventory.transfers.all')}
              timeZones={timeZones}
              i18n={i18n}
            />
          )}
          {pager(t('inventory.transfers.all'), 'before', all.next)}
        </section>
      )}
    </>
  );
}

function Empty({ text }: { text: string }) {
  return (
    <p className="rounded-lg border border-dashed border-border bg-surface px-4 py-6 text-sm text-muted-foreground">
      {text}
    </p>
  );
}
