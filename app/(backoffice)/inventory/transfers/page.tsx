import type { Metadata } from 'next';
import Link from 'next/link';
import { ArrowLeftRight } from 'lucide-react';
import { LocationSelectForm } from '@/components/inventory/location-select-form';
import { TransferTable } from '@/components/inventory/transfer-table';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { can, scopeOf } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/auth/session';
import { getI18n } from '@/lib/i18n/server';
import { listLocations, listTransfers } from '@/lib/inventory/queries';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('inventory.transfers.title') };
}

/**
 * Incoming and outgoing transfers per location. Managers start on their own stores; owners (and
 * agents, read-only) see every transfer unless they pick a location.
 */
export default async function TransfersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [ctx, i18n, sp] = await Promise.all([requirePage('inventory.view'), getI18n(), searchParams]);
  const { t } = i18n;
  const db = await getDb();
  const locations = await listLocations(db);
  const mine = scopeOf(ctx, 'inventory.transfer');
  const hasMine = ctx.role === 'manager' && mine !== null && mine.length > 0;
  const asked = Array.isArray(sp.loc) ? sp.loc[0] : sp.loc;
  const choice = asked === 'all' || (asked && locations.some((l) => l.id === asked)) || (asked === 'mine' && hasMine) ? asked : hasMine ? 'mine' : 'all';
  const scope: readonly string[] | null = choice === 'all' ? null : choice === 'mine' ? mine : [choice];

  const [incoming, outgoing, all] = await Promise.all([
    scope ? listTransfers(db, { locationIds: scope, direction: 'in' }) : Promise.resolve([]),
    scope ? listTransfers(db, { locationIds: scope, direction: 'out' }) : Promise.resolve([]),
    scope ? Promise.resolve([]) : listTransfers(db, { locationIds: null, limit: 100 }),
  ]);

  const options = [
    ...(hasMine ? [{ value: 'mine', label: locations.filter((l) => mine!.includes(l.id)).map((l) => l.name).join(', ') }] : []),
    { value: 'all', label: t('inventory.transfers.allLocations') },
    ...locations.map((l) => ({ value: l.id, label: `${l.code} · ${l.name}` })),
  ];

  return (
    <>
      <PageHeader
        title={t('inventory.transfers.title')}
        description={t('inventory.transfers.description')}
        action={
          can(ctx, 'inventory.transfer') ? (
            <Button asChild>
              <Link href="/inventory/transfers/new">
                <ArrowLeftRight aria-hidden />
                {t('inventory.transfers.newTitle')}
              </Link>
            </Button>
          ) : null
        }
      />
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
            {incoming.length === 0 ? (
              <Empty text={t('inventory.transfers.incomingEmpty')} />
            ) : (
              <TransferTable transfers={incoming} label={t('inventory.transfers.incoming')} i18n={i18n} />
            )}
          </section>
          <section aria-labelledby="outgoing-heading">
            <h2 id="outgoing-heading" className="mb-2 text-[0.9375rem] font-semibold">
              {t('inventory.transfers.outgoing')}
            </h2>
            {outgoing.length === 0 ? (
              <Empty text={t('inventory.transfers.outgoingEmpty')} />
            ) : (
              <TransferTable transfers={outgoing} label={t('inventory.transfers.outgoing')} i18n={i18n} />
            )}
          </section>
        </div>
      ) : all.length === 0 ? (
        <Empty text={t('inventory.transfers.allEmpty')} />
      ) : (
        <section aria-labelledby="all-heading">
          <h2 id="all-heading" className="sr-only">
            {t('inventory.transfers.all')}
          </h2>
          <TransferTable transfers={all} label={t('inventory.transfers.all')} i18n={i18n} />
        </section>
      )}
    </>
  );
}

function Empty({ text }: { text: string }) {
  return <p className="rounded-lg border border-dashed border-border bg-surface px-4 py-6 text-sm text-muted-foreground">{text}</p>;
}
