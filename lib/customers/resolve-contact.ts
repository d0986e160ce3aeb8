import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Locale } from '@/lib/i18n/config';
import { customerCtes, type CustomerContact } from './resolve-customer';

/** The customer created for this contact was created at the same moment by someone else: run the transaction again. */
export class ContactTakenConcurrently extends Error {}

/**
 * The customer behind a channel's contact details when no order comes with them (a stock alert):
 * the same rules as an order's (customerCtes: strongest identity, merges followed, created when
 * unknown, new identities recorded), with nothing counted on their summary. The language is kept
 * when the customer had none. Null when the contact has no identity. Throws
 * ContactTakenConcurrently when a first contact of the same person was written at once: the
 * caller rolls back and runs again, then it matches.
 */
export async function resolveContact(
  tx: DbOrTx,
  channelCode: string,
  contact: CustomerContact & { locale?: Locale | null },
): Promise<string | null> {
  const c = customerCtes(channelCode, contact, null);
  if (!c) return null;
  const { rows } = await tx.execute<{ id: string; concurrent: boolean }>(sql`
    with ${c.ctes}
    select (select id from ${c.customer}) as id, exists (select 1 from ${c.createdConcurrently}) as concurrent`);
  const row = rows[0];
  if (!row?.id || row.concurrent) throw new ContactTakenConcurrently();
  if (contact.locale) {
    await tx.execute(sql`update customers set locale = ${contact.locale} where id = ${row.id} and locale is null`);
  }
  return row.id;
}
