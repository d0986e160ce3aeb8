import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { locations, products } from '@/db/schema';
import { scopeOf, type Actor } from '@/lib/auth/permissions';
import type { Locale } from '@/lib/i18n/config';
import { localNameSql } from '@/lib/i18n/local-name';

// The choices of the inventory views' filters: locations, categories, brands, and the locations a view covers.

export type LocationOption = { id: string; code: string; name: string; kind: 'store' | 'warehouse'; timeZone: string };

/**
 * The active locations, stores first, by the name shown in `locale` (lib/i18n/local-name.ts); without
 * a locale, by their canonical names (the CSV export's columns do not change with its reader's language).
 */
export async function listLocations(db: DbOrTx, locale?: Locale): Promise<LocationOption[]> {
  const name = localNameSql(locations, locale);
  return db
    .select({
      id: locations.id,
      code: locations.code,
      name,
      kind: locations.kind,
      timeZone: locations.timeZone,
    })
    .from(locations)
    .where(eq(locations.active, true))
    .orderBy(asc(locations.kind), asc(name), asc(locations.code));
}

export async function listCategories(db: DbOrTx): Promise<{ categories: string[]; brands: string[] }> {
  const [cats, brands] = await Promise.all([
    db.selectDistinct({ v: products.category }).from(products).orderBy(products.category),
    db.selectDistinct({ v: products.brand }).from(products).orderBy(products.brand),
  ]);
  return { categories: cats.map((c) => c.v), brands: brands.map((b) => b.v) };
}

/** The locations a view covers: what the user asked for, else their own (managers), else all. */
export function effectiveLocations(
  actor: Actor,
  requested: readonly string[],
  all: readonly LocationOption[],
): string[] {
  const known = new Set(all.map((l) => l.id));
  const asked = requested.filter((id) => known.has(id));
  if (asked.length > 0) return asked;
  const own = scopeOf(actor, 'inventory.adjust');
  if (actor.role === 'manager' && own && own.length > 0) return [...own];
  return all.map((l) => l.id);
}
