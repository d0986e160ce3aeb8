'use server';

import { guardedAction } from '@/lib/next/guarded-action';
import { ZUpdateStoreSettingsInput } from '@/lib/stores/schemas';
import { updateStoreSettings } from '@/lib/stores/update-store-settings';

// A store's click-and-collect settings: owners only (settings.manage is not location-scoped).

export const updateStoreSettingsAction = guardedAction({
  permission: 'settings.manage',
  schema: ZUpdateStoreSettingsInput,
  run: ({ actor, db }, input) => updateStoreSettings(db, actor, input),
  revalidate: ['/settings/stores', '/pickups', '/'],
});
