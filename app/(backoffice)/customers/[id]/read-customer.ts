import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { getI18n } from '@/lib/next/i18n';
import { settle } from '@/lib/next/page-guard';
import { getCustomerProfileForActor } from '@/lib/customers/queries';

/** One authorised read of the profile per request, shared by the title and the page (channels by the names shown in the request's language). */
export const readCustomer = cache(async (id: string) =>
  settle(async (actor) => {
    const [db, { locale }] = await Promise.all([getDb(), getI18n()]);
    return getCustomerProfileForActor(db, actor, id, locale);
  }),
);
