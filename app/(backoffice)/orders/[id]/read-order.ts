import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { settle } from '@/lib/next/page-guard';
import { getOrderForActor } from '@/lib/orders/queries';

/** One authorised read of the order per request, shared by the title and the page. */
export const readOrder = cache(async (id: string) =>
  settle(async (actor) => getOrderForActor(await getDb(), actor, id)),
);
