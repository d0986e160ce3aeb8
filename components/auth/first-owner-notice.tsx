import { Alert } from '@/components/ui/alert';
import { getI18n } from '@/lib/next/i18n';

/** On a fresh install nobody can sign in yet: says how the operator creates the first owner. */
export async function FirstOwnerNotice({ command }: { command: string }) {
  const { t } = await getI18n();
  return (
    <Alert tone="warning" role={undefined} className="mb-5" aria-labelledby="first-owner-title">
      <h2 id="first-owner-title" className="font-semibold">
        {t('login.noStaff.title')}
      </h2>
      <p className="mt-1">{t('login.noStaff.description')}</p>
      <pre className="mt-2 overflow-x-auto whitespace-pre-wrap break-all rounded border border-waiting-border bg-surface px-2 py-1.5 font-mono text-xs text-foreground">
        <code>{command}</code>
      </pre>
    </Alert>
  );
}
