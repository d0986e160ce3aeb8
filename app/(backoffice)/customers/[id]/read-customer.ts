import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { settle } from '@/lib/next/page-guard';
import { getCustomerProfileForActor } from '@/lib/customers/queries';

/** One authorised read of the profile per request, shared by the title and the page. */
export const readCustomer = cache(async (id: string) =>
  settle(async (actor) => getCustomerProfileForActor(await getDb(), actor, id)),
);
