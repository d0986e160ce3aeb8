import type { ComponentProps } from 'react';
import { Icon } from '@/components/ui/icons';
import { CircleAlert, CircleCheck, Info, TriangleAlert } from 'lucide';
import { clsx } from 'clsx';

const ALERT_BASE =
  'flex items-start gap-2.5 rounded-lg border px-3.5 py-2.5 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0';

const TONES = {
  success: 'border-done-border bg-done-soft text-done',
  error: 'border-problem-border bg-problem-soft text-problem',
  warning: 'border-waiting-border bg-waiting-soft text-waiting',
  info: 'border-info-border bg-info-soft text-info',
} as const;

const ICONS = { success: CircleCheck, error: CircleAlert, warning: TriangleAlert, info: Info } as const;

/**
 * An inline message. Results of an action use `role="status"` (success) or `role="alert"`
 * (error) so screen readers announce them; pass `role={undefined}` for a static note.
 */
export function Alert({
  className,
  tone = 'info',
  children,
  ...props
}: ComponentProps<'div'> & { tone?: keyof typeof TONES | null }) {
  const icon = ICONS[tone ?? 'info'];
  return (
    <div
      data-slot="alert"
      role={tone === 'error' ? 'alert' : 'status'}
      className={clsx(ALERT_BASE, TONES[tone ?? 'info'], className)}
      {...props}
    >
      <Icon node={icon} aria-hidden />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
