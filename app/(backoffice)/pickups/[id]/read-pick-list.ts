import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { getI18n } from '@/lib/next/i18n';
import { settle } from '@/lib/next/page-guard';
import { getPickListForActor } from '@/lib/pickups/pick-queries';

/** One authorised read of the pick list per request, shared by the title and the page. */
export const readPickList = cache(async (id: string) =>
  settle(async (actor) => {
    const [db, { locale }] = await Promise.all([getDb(), getI18n()]);
    return getPickListForActor(db, actor, id, locale);
  }),
);
