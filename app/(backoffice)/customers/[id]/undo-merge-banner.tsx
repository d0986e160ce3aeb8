import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { latestUndoableMerge } from '@/lib/customers/merge';
import { getI18n } from '@/lib/next/i18n';
import { getSessionContext } from '@/lib/next/session';
import { UndoMergeDialog } from '@/components/customer-duplicates/undo-merge-dialog';

/** On a survivor's profile: the latest merge into it that can still be undone, with 'Undo merge'. */
export async function UndoMergeBanner({ survivorId }: { survivorId: string }) {
  const [ctx, { t, formatDate }, db] = await Promise.all([getSessionContext(), getI18n(), getDb()]);
  if (!ctx || !can(ctx, 'customers.merge')) return null;
  const merge = await latestUndoableMerge(db, survivorId);
  if (!merge) return null;
  const name =
    `${merge.mergedFirstName} ${merge.mergedLastName}`.trim() || merge.mergedEmail || t('customerDuplicates.unnamed');
  return (
    <div
      role="status"
      className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-info-border bg-info-soft px-4 py-3 text-sm"
    >
      <span>{t('customerDuplicates.undo.banner', { name, date: formatDate(merge.mergedAt) })}</span>
      <UndoMergeDialog
        mergeId={merge.id}
        labels={{
          trigger: t('customerDuplicates.undo.button'),
          title: t('customerDuplicates.undo.title'),
          description: t('customerDuplicates.undo.description', { name }),
          submit: t('customerDuplicates.undo.confirm'),
          pending: t('customerDuplicates.undo.pending'),
          done: t('customerDuplicates.undo.done'),
        }}
      />
    </div>
  );
}
