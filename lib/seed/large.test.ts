import { describe, expect, it } from 'vitest';
import { migrateDatabase, openPglite } from '@/db/client';
import { seedLarge } from '@/lib/seed/large';

describe('seedLarge on the embedded engine', () => {
  it('refuses with a clear message', async () => {
    const handle = await openPglite();
    try {
      await migrateDatabase(handle);
      await expect(seedLarge(handle)).rejects.toThrow(/PostgreSQL/);
    } finally {
      await handle.close();
    }
  });
});
