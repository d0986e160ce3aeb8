import type { Metadata } from 'next';
import { PrintButton } from '@/components/pickups/print-button';
import { PICKUP_STATES, type PickupState } from '@/db/schema/pickup-states';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { getI18n } from '@/lib/next/i18n';
import { requirePage } from '@/lib/next/session';
import { getBatchPickList, MAX_BATCH } from '@/lib/pickups/pick-queries';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('pickups.pick.batch.metaTitle') };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The printable batch pick list: `?ids=<pickup>,<pickup>…` or `?location=<store>&state=to_pick`
 * (the default state). What to gather first, by SKU with the orders each unit goes to, then each
 * order on its own; A4 print styles (no shell, no buttons, an order never split across pages).
 * Only the stores the reader may view are listed.
 */
export default async function BatchPickListPage({ searchParams }: { searchParams: SearchParams }) {
  const [sp, ctx, i18n] = await Promise.all([searchParams, requirePage('pickups.view'), getI18n()]);
  const { t, formatDateTime, locale } = i18n;
  const ids = (one(sp.ids) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => UUID.test(s))
    .slice(0, MAX_BATCH);
  const location = one(sp.location);
  const stateParam = one(sp.state) ?? 'to_pick';
  const state: PickupState = (PICKUP_STATES as readonly string[]).includes(stateParam)
    ? (stateParam as PickupState)
    : 'to_pick';
  const db = await getDb();
  const list =
    ids.length > 0
      ? await getBatchPickList(db, ctx, { ids }, locale)
      : location && UUID.test(location) && can(ctx, 'pickups.view', location)
        ? await getBatchPickList(db, ctx, { locationId: location, state }, locale)
        : { store: null, orders: [], bySku: [] };
  const zone = list.store?.timeZone;

  return (
    <article className="pick-print mx-auto max-w-4xl text-sm print:max-w-none print:text-[11pt]">
      <style>{`@media print { @page { size: A4; margin: 12mm; } .pick-order { break-inside: avoid; } }`}</style>
      <header className="mb-4 flex flex-wrap items-end justify-between gap-3 border-b border-border pb-3">
        <div>
          <h1 className="text-xl font-semibold">{t('pickups.pick.batch.title')}</h1>
          <p className="text-muted-foreground">
            {list.store
              ? `${t('pickups.pick.batch.store', { store: `${list.store.code} · ${list.store.name}` })} · `
              : ''}
            {t('pickups.pick.batch.subtitle', { count: list.orders.length, date: formatDateTime(new Date(), zone) })}
          </p>
        </div>
        <PrintButton label={t('pickups.pick.batch.print')} />
      </header>
      {list.orders.length === 0 ? (
        <p>{t('pickups.pick.batch.empty')}</p>
      ) : (
        <>
          <section aria-labelledby="by-sku" className="mb-6">
            <h2 id="by-sku" className="mb-2 text-base font-semibold">
              {t('pickups.pick.batch.bySku')}
            </h2>
            <table aria-label={t('pickups.pick.batch.bySkuLabel')} className="w-full border-collapse">
              <thead>
                <tr className="border-b border-border text-left">
                  <th className="py-1 pr-2 font-medium">{t('pickups.pick.bin')}</th>
                  <th className="py-1 pr-2 font-medium">{t('pickups.pick.sku')}</th>
                  <th className="py-1 pr-2 font-medium">{t('pickups.pick.product')}</th>
                  <th className="py-1 pr-2 font-medium">{t('pickups.pick.barcode')}</th>
                  <th className="py-1 pr-2 text-right font-medium">{t('pickups.pick.batch.toPick')}</th>
                  <th className="py-1 font-medium">{t('pickups.pick.batch.forOrders')}</th>
                </tr>
              </thead>
              <tbody>
                {list.bySku.map((g) => (
                  <tr key={g.sku} className="border-b border-border align-top">
                    <td className="py-1 pr-2 font-semibold">{g.bin ?? '—'}</td>
                    <td className="py-1 pr-2 font-mono">{g.sku}</td>
                    <td className="py-1 pr-2">
                      {g.productName} <span className="text-muted-foreground">· {g.variantTitle}</span>
                    </td>
                    <td className="py-1 pr-2 font-mono">{g.barcode ?? '—'}</td>
                    <td className="py-1 pr-2 text-right font-semibold tabular-nums">{g.toPick}</td>
                    <td className="py-1">{g.orders.map((o) => `${o.number} ×${o.quantity}`).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="by-order">
            <h2 id="by-order" className="mb-2 text-base font-semibold">
              {t('pickups.pick.batch.byOrder')}
            </h2>
            <div className="flex flex-col gap-4">
              {list.orders.map((o) => (
                <section
                  key={o.pickupId}
                  className="pick-order rounded-md border border-border p-3"
                  aria-label={o.number}
                >
                  <h3 className="font-semibold">
                    {o.number}
                    {o.customerName ? <span className="font-normal"> — {o.customerName}</span> : null}
                    <span className="font-normal text-muted-foreground">
                      {' '}
                      · {t('pickups.pick.placed', { date: formatDateTime(o.placedAt, zone) })}
                    </span>
                  </h3>
                  <table className="mt-1 w-full border-collapse">
                    <thead>
                      <tr className="border-b border-border text-left">
                        <th className="w-10 py-1 font-medium">{t('pickups.pick.batch.check')}</th>
                        <th className="py-1 pr-2 font-medium">{t('pickups.pick.bin')}</th>
                        <th className="py-1 pr-2 font-medium">{t('pickups.pick.sku')}</th>
                        <th className="py-1 pr-2 font-medium">{t('pickups.pick.product')}</th>
                        <th className="py-1 text-right font-medium">{t('pickups.pick.quantity')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {o.lines.map((l) => (
                        <tr key={l.orderLineId} className="border-b border-border">
                          <td className="py-1">
                            <span aria-hidden className="inline-block size-4 border border-foreground" />
                          </td>
                          <td className="py-1 pr-2">{l.bin ?? '—'}</td>
                          <td className="py-1 pr-2 font-mono">{l.sku}</td>
                          <td className="py-1 pr-2">
                            {l.productName} <span className="text-muted-foreground">· {l.variantTitle}</span>
                          </td>
                          <td className="py-1 text-right tabular-nums">{l.quantity - l.short}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              ))}
            </div>
          </section>
        </>
      )}
    </article>
  );
}
