'use client';

import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useI18n } from '@/lib/next/i18n-client';
import { UserMenuButton, type ShellUser } from './user-menu-button';

export type { ShellUser };

// The menu (Radix's dropdown, ~30 KB) is on every page but opened rarely: it loads when the
// pointer or the focus reaches the button, and the first click opens it once it has arrived.
const loadDropdown = () => import('./user-menu-dropdown');
const UserMenuDropdown = lazy(() => loadDropdown().then((m) => ({ default: m.UserMenuDropdown })));

/** Who is signed in, the language, and sign-out. */
export function UserMenu({ user, icon }: { user: ShellUser; icon: ReactNode }) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  const button = (
    <UserMenuButton
      user={user}
      label={t('userMenu.trigger')}
      icon={icon}
      aria-haspopup="menu"
      aria-expanded={false}
      onPointerEnter={() => void loadDropdown()}
      onFocus={() => void loadDropdown()}
      onClick={() => setOpened(true)}
    />
  );
  if (!opened) return button;
  return (
    <Suspense fallback={button}>
      <UserMenuDropdown user={user} icon={icon} />
    </Suspense>
  );
}
