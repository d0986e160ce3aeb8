'use client';

import { useTransition } from 'react';
import { ChevronDown, LogOut } from 'lucide-react';
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

export type ShellUser = { name: string; email: string; roleLabel: string };

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** Who is signed in, the language, and sign-out. */
export function UserMenu({ user }: { user: ShellUser }) {
  const { t, locale } = useI18n();
  const [pending, startTransition] = useTransition();

  return (
    // Non-modal: a modal menu hides the page with aria-hidden while focus could still reach it.
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger
        className="flex h-9 items-center gap-2 rounded-md px-1.5 text-sm hover:bg-muted data-[state=open]:bg-muted"
        disabled={pending}
      >
        <span
          aria-hidden
          className="flex size-7 items-center justify-center rounded-full bg-primary-soft text-xs font-semibold text-primary"
        >
          {initials(user.name)}
        </span>
        <span className="sr-only">{t('userMenu.trigger')}: </span>
        <span className="max-w-[12rem] truncate font-medium max-sm:sr-only">{user.name}</span>
        <ChevronDown aria-hidden className="size-4 text-muted-foreground" />
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
          <LogOut aria-hidden />
          {t('userMenu.signOut')}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
