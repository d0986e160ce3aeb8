import type { ComponentProps, ReactNode } from 'react';
import { clsx } from 'clsx';

export type ShellUser = { name: string; email: string; roleLabel: string };

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}

/**
 * The user menu's button: the initials and the name; `label` is the accessible name's start
 * ("Account menu"), `icon` the chevron (drawn by the server, see shell-icons.tsx).
 */
export function UserMenuButton({
  user,
  label,
  icon,
  className,
  ...props
}: ComponentProps<'button'> & { user: ShellUser; label: string; icon: ReactNode }) {
  return (
    <button
      type="button"
      className={clsx(
        'flex h-9 items-center gap-2 rounded-md px-1.5 text-sm hover:bg-muted data-[state=open]:bg-muted',
        className,
      )}
      {...props}
    >
      <span
        aria-hidden
        className="flex size-7 items-center justify-center rounded-full bg-primary-soft text-xs font-semibold text-primary"
      >
        {initials(user.name)}
      </span>
      <span className="sr-only">{label}: </span>
      <span className="max-w-[12rem] truncate font-medium max-sm:sr-only">{user.name}</span>
      {icon}
    </button>
  );
}
