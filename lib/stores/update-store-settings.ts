import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { locations } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError, Forbidden, NotFound } from '@/lib/errors';
import { toOpeningHours, ZUpdateStoreSettingsInput, type UpdateStoreSettingsInput } from './schemas';

export type StoreSettings = Pick<
  typeof locations.$inferSelect,
  'id' | 'code' | 'openingHours' | 'preparationMinutes' | 'holdDays' | 'pickupEnabled' | 'pickupPaused'
>;

const SETTINGS = {
  id: locations.id,
  code: locations.code,
  kind: locations.kind,
  openingHours: locations.openingHours,
  preparationMinutes: locations.preparationMinutes,
  holdDays: locations.holdDays,
  pickupEnabled: locations.pickupEnabled,
  pickupPaused: locations.pickupPaused,
};

/**
 * Sets a store's click-and-collect settings (owners only), with an audit row of what changed, in
 * one transaction. Nothing is announced: the promise, the messages, the expiry and the availability
 * API read these columns when they run, and a parcel already ready keeps the hold it was given.
 */
export async function updateStoreSettings(db: Db, actor: Actor, raw: UpdateStoreSettingsInput): Promise<StoreSettings> {
  if (!can(actor, 'settings.manage')) throw new Forbidden('Only an owner can change a store’s settings.');
  const input = ZUpdateStoreSettingsInput.parse(raw);
  const next = {
    openingHours: toOpeningHours(input.openingHours),
    preparationMinutes: input.preparationMinutes,
    holdDays: input.holdDays,
    pickupEnabled: input.pickupEnabled,
    pickupPaused: input.pickupPaused,
  };
  return db.transaction(async (tx) => {
    const [before] = await tx.select(SETTINGS).from(locations).where(eq(locations.id, input.locationId)).for('update');
    if (!before) throw new NotFound('Store');
    if (before.kind !== 'store') throw new DomainError('unprocessable', 'Only a store has click-and-collect settings.');
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(next[key]),
    );
    if (changed.length === 0) return strip(before);
    const [after] = await tx.update(locations).set(next).where(eq(locations.id, input.locationId)).returning(SETTINGS);
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'location.settings',
      entityType: 'location',
      entityId: input.locationId,
      data: {
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, after[key]])),
      },
    });
    return strip(after);
  });
}

function strip({ kind: _kind, ...settings }: StoreSettings & { kind: string }): StoreSettings {
  return settings;
}
