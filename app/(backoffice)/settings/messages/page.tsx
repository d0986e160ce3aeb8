import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { SettingsNav } from '@/components/settings/settings-nav';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { ERASED_RECIPIENT } from '@/lib/customers/privacy-schemas';
import { isMessageKind } from '@/lib/messages/payload';
import { findOutboxMessage, listOutboxMessages, mailIsSent, type OutboxStatus } from '@/lib/messages/queries';
import { getI18n } from '@/lib/next/i18n';
import { requirePage } from '@/lib/next/session';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('messages.mailbox.title') };
}

const STATUS_BADGE: Record<OutboxStatus, BadgeVariant> = {
  pending: 'waiting',
  sent: 'done',
  kept: 'info',
  failed: 'problem',
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
/** A positive id from the URL, else null (a forged value shows the first page). */
function idParam(v: string | string[] | undefined): number | null {
  const s = one(v);
  return s && /^[1-9][0-9]{0,15}$/.test(s) ? Number(s) : null;
}
function href(params: { before?: number | null; id?: number | null }): string {
  const q = new URLSearchParams();
  if (params.before) q.set('before', String(params.before));
  if (params.id) q.set('id', String(params.id));
  const s = q.toString();
  return s ? `/settings/messages?${s}` : '/settings/messages';
}

/**
 * The development mailbox (owners): every message written for customers, newest first, one keyset
 * page at a time, and the chosen one as the customer sees it, its stored HTML in a sandboxed iframe
 * (no scripts, an opaque origin; the page's CSP applies to it as well).
 */
export default async function MessagesSettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [, i18n, sp] = await Promise.all([requirePage('settings.manage'), getI18n(), searchParams]);
  const { t, formatDateTime } = i18n;
  const db = await getDb();
  const before = idParam(sp.before);
  const chosen = idParam(sp.id);
  const [page, message] = await Promise.all([
    listOutboxMessages(db, { beforeId: before }),
    chosen ? findOutboxMessage(db, chosen) : Promise.resolve(null),
  ]);
  const recipient = (to: string) => (to === ERASED_RECIPIENT ? t('messages.mailbox.erasedRecipient') : to);
  const kindLabel = (kind: string) =>
    isMessageKind(kind) || kind === 'order.shipped'
      ? t(`messages.mailbox.kinds.${kind}`)
      : t('messages.mailbox.unknownKind', { kind });

  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <SettingsNav active="messages" />
      <h2 className="text-lg font-semibold tracking-tight">{t('messages.mailbox.title')}</h2>
      <p className="mb-4 mt-1 text-sm text-muted-foreground">{t('messages.mailbox.description')}</p>
      {mailIsSent() ? null : (
        <Alert tone="warning" role={undefined} className="mb-4">
          {t('messages.mailbox.notSentWarning')}
        </Alert>
      )}
      {page.items.length === 0 && !before ? (
        <EmptyState title={t('messages.mailbox.title')} description={t('messages.mailbox.empty')} headingLevel={3} />
      ) : (
        <>
          <Table label={t('messages.mailbox.tableLabel')}>
            <TableHeader>
              <TableRow>
                <TableHead>{t('messages.mailbox.columns.createdAt')}</TableHead>
                <TableHead>{t('messages.mailbox.columns.kind')}</TableHead>
                <TableHead>{t('messages.mailbox.columns.recipient')}</TableHead>
                <TableHead>{t('messages.mailbox.columns.status')}</TableHead>
                <TableHead numeric>{t('messages.mailbox.columns.attempts')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.items.map((m) => (
                <TableRow key={m.id} aria-current={m.id === chosen ? 'true' : undefined}>
                  <TableCell className="whitespace-nowrap tabular-nums">{formatDateTime(m.createdAt)}</TableCell>
                  <TableCell>
                    <Link
                      href={href({ before, id: m.id })}
                      className="font-medium text-foreground underline-offset-2 hover:underline"
                      aria-current={m.id === chosen ? 'true' : undefined}
                    >
                      {kindLabel(m.kind)}
                    </Link>
                    {m.subject ? <div className="text-xs text-muted-foreground">{m.subject}</div> : null}
                  </TableCell>
                  <TableCell className="break-all">{recipient(m.recipient)}</TableCell>
                  <TableCell>
                    <Badge variant={STATUS_BADGE[m.status]}>{t(`messages.mailbox.statuses.${m.status}`)}</Badge>
                  </TableCell>
                  <TableCell numeric className="whitespace-nowrap">
                    {t('messages.mailbox.attempts', { count: m.attempts })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pager
            label={t('messages.mailbox.pager')}
            back="first"
            previous={{ href: before ? href({}) : null, label: t('messages.mailbox.newest') }}
            next={{
              href: page.nextBefore ? href({ before: page.nextBefore }) : null,
              label: t('messages.mailbox.older'),
            }}
          />
        </>
      )}
      <section aria-labelledby="message-preview" className="mt-6">
        <h3 id="message-preview" className="text-base font-semibold">
          {message ? t('messages.mailbox.preview', { id: String(message.id) }) : t('messages.mailbox.selectHint')}
        </h3>
        {message ? (
          <div className="mt-2 space-y-2 text-sm">
            <p>
              {kindLabel(message.kind)} · {recipient(message.recipient)} ·{' '}
              <Badge variant={STATUS_BADGE[message.status]}>{t(`messages.mailbox.statuses.${message.status}`)}</Badge>
            </p>
            {message.subject ? <p>{t('messages.mailbox.subject', { subject: message.subject })}</p> : null}
            {message.lastError ? (
              <p className="text-problem">{t('messages.mailbox.lastError', { error: message.lastError })}</p>
            ) : null}
            {message.status === 'pending' ? (
              <p className="text-muted-foreground">
                {t('messages.mailbox.nextAttempt', { at: formatDateTime(message.availableAt) })}
              </p>
            ) : null}
            {message.previewHtml ? (
              <iframe
                title={t('messages.mailbox.previewFrameTitle', { subject: message.subject ?? '' })}
                srcDoc={message.previewHtml}
                sandbox="allow-popups allow-popups-to-escape-sandbox"
                referrerPolicy="no-referrer"
                className="h-[44rem] w-full rounded-lg border border-border bg-white"
              />
            ) : (
              <p className="text-muted-foreground">{t('messages.mailbox.notRendered')}</p>
            )}
          </div>
        ) : null}
      </section>
    </>
  );
}
