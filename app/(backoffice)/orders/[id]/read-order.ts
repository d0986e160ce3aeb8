import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { getI18n } from '@/lib/next/i18n';
import { settle } from '@/lib/next/page-guard';
import { getOrderForActor } from '@/lib/orders/queries';

/** One authorised read of the order per request, shared by the title and the page (channel and store by the names shown in the request's language). */
export const readOrder = cache(async (id: string) =>
  settle(async (actor) => {
    const [db, { locale }] = await Promise.all([getDb(), getI18n()]);
    return getOrderForActor(db, actor, id, locale);
  }),
);
