'use client';

import { useTransition, type ReactNode } from 'react';
import { Icon } from '@/components/ui/icons';
import { LogOut } from 'lucide';
import { setLocaleAction } from '@/lib/next/actions/locale';
import { signOutAction } from '@/lib/next/actions/session';
import { Badge } from '@/components/ui/badge';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { LOCALES, isLocale } from '@/lib/i18n/config';
import { useI18n } from '@/lib/next/i18n-client';
import { UserMenuButton, type ShellUser } from './user-menu-button';

/**
 * The user menu itself (Radix): who is signed in, the language, and sign-out. Loaded by UserMenu
 * when it is first opened, which is why it starts open.
 */
export function UserMenuDropdown({ user, icon }: { user: ShellUser; icon: ReactNode }) {
  const { t, locale } = useI18n();
  const [pending, startTransition] = useTransition();

  return (
    // Non-modal: a modal menu hides the page with aria-hidden while focus could still reach it.
    <DropdownMenu modal={false} defaultOpen>
      <DropdownMenuTrigger asChild disabled={pending}>
        <UserMenuButton user={user} label={t('userMenu.trigger')} icon={icon} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <div className="px-2 pb-2 pt-1.5">
          <p className="truncate text-sm font-medium text-foreground">{user.name}</p>
          <p className="truncate text-xs text-muted-foreground">{user.email}</p>
          <Badge variant="info" className="mt-1.5">
            {user.roleLabel}
          </Badge>
        </div>
        <DropdownMenuSeparator />
        <DropdownMenuLabel>{t('userMenu.language')}</DropdownMenuLabel>
        <DropdownMenuRadioGroup
          aria-label={t('userMenu.language')}
          value={locale}
          onValueChange={(value) => {
            if (isLocale(value) && value !== locale) startTransition(async () => void (await setLocaleAction(value)));
          }}
        >
          {LOCALES.map((code) => (
            <DropdownMenuRadioItem key={code} value={code} lang={code}>
              {t(`locale.${code}`)}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => startTransition(async () => await signOutAction())}>
          <Icon node={LogOut} aria-hidden />
          {t('userMenu.signOut')}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
