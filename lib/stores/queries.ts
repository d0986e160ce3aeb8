import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { locations } from '@/db/schema';
import type { OpeningHours } from '@/db/schema/locations';
import { can, type Actor } from '@/lib/auth/permissions';
import { Forbidden, NotFound } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { localNameSql } from '@/lib/i18n/local-name';

export type StoreSettingsRow = {
  id: string;
  code: string;
  name: string;
  city: string;
  timeZone: string;
  active: boolean;
  openingHours: OpeningHours;
  preparationMinutes: number;
  holdDays: number;
  pickupEnabled: boolean;
  pickupPaused: boolean;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every store with its click-and-collect settings, by code, for the owners who edit them. */
export async function listStoreSettingsForActor(
  db: DbOrTx,
  actor: Actor,
  locale?: Locale,
): Promise<StoreSettingsRow[]> {
  return selectStores(db, actor, locale);
}

/** One store's settings, for an owner; a malformed or unknown id, or a warehouse's, is NotFound. */
export async function getStoreSettingsForActor(
  db: DbOrTx,
  actor: Actor,
  locationId: string,
  locale?: Locale,
): Promise<StoreSettingsRow> {
  if (!can(actor, 'settings.manage')) throw new Forbidden('Only an owner sees the stores’ settings.');
  if (!UUID.test(locationId)) throw new NotFound('Store');
  const [row] = await selectStores(db, actor, locale, eq(locations.id, locationId));
  if (!row) throw new NotFound('Store');
  return row;
}

async function selectStores(db: DbOrTx, actor: Actor, locale?: Locale, where?: SQL): Promise<StoreSettingsRow[]> {
  if (!can(actor, 'settings.manage')) throw new Forbidden('Only an owner sees the stores’ settings.');
  return db
    .select({
      id: locations.id,
      code: locations.code,
      name: localNameSql(locations, locale),
      city: locations.city,
      timeZone: locations.timeZone,
      active: locations.active,
      openingHours: locations.openingHours,
      preparationMinutes: locations.preparationMinutes,
      holdDays: locations.holdDays,
      pickupEnabled: locations.pickupEnabled,
      pickupPaused: locations.pickupPaused,
    })
    .from(locations)
    .where(and(eq(locations.kind, 'store'), where))
    .orderBy(asc(locations.code));
}
