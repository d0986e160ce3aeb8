import { Link } from '@/components/ui/link';
import type { ReactNode } from 'react';
import { Icon } from '@/components/ui/icons';
import { Mail, MessageSquareText, PackageCheck, ReceiptText, Undo2 } from 'lucide';
import type { NoteLabels } from '@/components/notes/labels';
import { EditableNote } from '@/components/notes/note-edit';
import { NoteForm } from '@/components/notes/note-form';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { Pager } from '@/components/ui/pager';
import { ERASED_RECIPIENT } from '@/lib/customers/privacy-schemas';
import type { TimelineItem, TimelinePage } from '@/lib/customers/timeline';
import { isMessageKind } from '@/lib/messages/payload';
import { getI18n } from '@/lib/next/i18n';
import { EmptyNote, ProfileSection } from './section';

const MESSAGE_STATUS: Record<Extract<TimelineItem, { kind: 'message' }>['status'], BadgeVariant> = {
  pending: 'waiting',
  sent: 'done',
  kept: 'info',
  failed: 'problem',
};

const ICON = { order: ReceiptText, pickup: PackageCheck, return: Undo2, message: Mail, note: MessageSquareText };

/**
 * One timeline across channels, newest first, 25 a page (the keyset pager goes back to the newest):
 * orders, pickup steps, returns, every message written for the customer with its status, and notes
 * (their authors may edit them in place). Times in the store's zone where a store is concerned.
 */
export async function ProfileTimeline({
  customerId,
  page,
  firstHref,
  nextHref,
  viewerId,
  canEdit,
  erased = false,
}: {
  customerId: string;
  page: TimelinePage;
  firstHref: string | null;
  nextHref: string | null;
  viewerId: string;
  canEdit: boolean;
  /** The viewer could write notes but the customer's data was erased: say so where the note box was. */
  erased?: boolean;
}) {
  const { t, formatDateTime, formatMoney } = await getI18n();
  const noteLabels: NoteLabels = {
    label: t('customerProfile.notes.label'),
    placeholder: t('customerProfile.notes.placeholder'),
    save: t('customerProfile.notes.save'),
    saving: t('customerProfile.notes.saving'),
    added: t('customerProfile.notes.added'),
    updated: t('customerProfile.notes.updated'),
    edit: t('customerProfile.notes.edit'),
    editLabel: t('customerProfile.notes.editLabel'),
    update: t('customerProfile.notes.update'),
    cancel: t('customerProfile.notes.cancel'),
    errors: {
      note_required: t('customerProfile.errors.note_required'),
      note_too_long: t('customerProfile.errors.note_too_long'),
      invalid: t('customerProfile.errors.invalid'),
    },
  };
  const orderLink = (item: TimelineItem) =>
    item.orderId ? (
      <Link href={`/orders/${item.orderId}`} className="font-mono text-[0.8125rem] text-primary hover:underline">
        {item.orderNumber}
      </Link>
    ) : null;
  const withOrder = (text: string, item: TimelineItem): ReactNode => {
    // The order number is a link within the sentence.
    const [head, ...tail] = text.split(item.orderNumber ?? '\u0000');
    return tail.length === 0 ? (
      text
    ) : (
      <>
        {head}
        {orderLink(item)}
        {tail.join(item.orderNumber ?? '')}
      </>
    );
  };

  function describe(item: TimelineItem): { title: ReactNode; detail?: ReactNode; zone?: string } {
    switch (item.kind) {
      case 'order': {
        const values = { number: item.orderNumber ?? '', channel: item.channelName, store: item.store?.name ?? '' };
        return {
          title: withOrder(
            item.store ? t('customerProfile.timeline.orderStore', values) : t('customerProfile.timeline.order', values),
            item,
          ),
          detail: (
            <span className="flex flex-wrap items-center gap-2">
              <Badge variant="neutral">{t(`orders.status.${item.status as 'placed'}`)}</Badge>
              <span className="tabular-nums">{formatMoney(item.totalCents, item.currency)}</span>
            </span>
          ),
          zone: item.store?.timeZone,
        };
      }
      case 'pickup':
        return {
          title: withOrder(
            t(`customerProfile.timeline.pickup.${item.event}`, {
              number: item.orderNumber ?? '',
              store: item.store.name,
            }),
            item,
          ),
          zone: item.store.timeZone,
        };
      case 'return':
        return {
          title: withOrder(
            t(item.complete ? 'customerProfile.timeline.returned' : 'customerProfile.timeline.partiallyReturned', {
              number: item.orderNumber ?? '',
              units: item.units,
              amount: formatMoney(item.cents, item.currency),
            }),
            item,
          ),
        };
      case 'message': {
        const kind =
          isMessageKind(item.messageKind) || item.messageKind === 'order.shipped'
            ? t(`messages.mailbox.kinds.${item.messageKind}`)
            : t('messages.mailbox.unknownKind', { kind: item.messageKind });
        return {
          title: t('customerProfile.timeline.message', {
            kind,
            channel: item.channel,
            recipient:
              item.recipient === ERASED_RECIPIENT ? t('customerProfile.timeline.erasedRecipient') : item.recipient,
          }),
          detail: (
            <span className="flex flex-wrap items-center gap-2">
              <Badge variant={MESSAGE_STATUS[item.status]} dot>
                {t(`messages.mailbox.statuses.${item.status}`)}
              </Badge>
              {item.orderId ? orderLink(item) : null}
              {item.subject ? (
                <span>{t('customerProfile.timeline.messageSubject', { subject: item.subject })}</span>
              ) : null}
              {item.sentAt ? (
                <span>{t('customerProfile.timeline.messageSentAt', { date: formatDateTime(item.sentAt) })}</span>
              ) : null}
            </span>
          ),
        };
      }
      case 'note':
        return {
          title: (
            <>
              {t('customerProfile.timeline.note', {
                author: item.authorName ?? t('customerProfile.timeline.formerStaff'),
              })}
              {item.editedAt ? (
                <span
                  className="ml-2 text-xs font-normal text-muted-foreground"
                  title={t('customerProfile.timeline.editedAt', { date: formatDateTime(item.editedAt) })}
                >
                  ({t('customerProfile.timeline.edited')})
                </span>
              ) : null}
            </>
          ),
          detail:
            canEdit && item.authorId === viewerId ? (
              <EditableNote subject="customer" noteId={item.noteId} body={item.body} labels={noteLabels} />
            ) : (
              <p className="whitespace-pre-wrap text-sm text-foreground">{item.body}</p>
            ),
        };
    }
  }

  return (
    <ProfileSection id="timeline" title={t('customerProfile.timeline.title')} hint={t('customerProfile.timeline.hint')}>
      {canEdit ? (
        <NoteForm subject="customer" subjectId={customerId} labels={noteLabels} />
      ) : erased ? (
        <p className="mb-3 text-sm text-muted-foreground">{t('customerProfile.notes.erased')}</p>
      ) : null}
      {page.items.length === 0 ? (
        <EmptyNote>{t('customerProfile.timeline.empty')}</EmptyNote>
      ) : (
        <ol aria-label={t('customerProfile.timeline.label')} className="grid gap-2">
          {page.items.map((item) => {
            const { title, detail, zone } = describe(item);
            const icon = ICON[item.kind];
            return (
              <li
                key={`${item.kind}:${item.id}`}
                data-kind={item.kind}
                className="flex gap-3 rounded-lg border border-border bg-surface px-4 py-3 shadow-card"
              >
                <Icon node={icon} aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
                <div className="grid min-w-0 flex-1 gap-1">
                  <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                    <p className="text-sm font-medium">
                      <span className="sr-only">{t(`customerProfile.timeline.kind.${item.kind}`)}: </span>
                      {title}
                    </p>
                    <time dateTime={item.at.toISOString()} className="whitespace-nowrap text-xs text-muted-foreground">
                      {formatDateTime(item.at, zone)}
                    </time>
                  </div>
                  {detail ? <div className="text-xs text-muted-foreground">{detail}</div> : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <Pager
        label={t('customerProfile.timeline.pages')}
        back="first"
        previous={{ href: firstHref, label: t('customerProfile.timeline.first') }}
        next={{ href: nextHref, label: t('customerProfile.timeline.next') }}
      />
    </ProfileSection>
  );
}
