import fc from 'fast-check';
import { asc, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { channels, locations } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { LOCALES, type Locale } from './config';
import { localName, localNameSql, ZLocalNames, type LocalNames } from './local-name';

let handle: DbHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

/** Writes the channels and reads the name each would show in every language (and none), both ways a query names the table. */
async function namesShown(rows: { name: string; names: LocalNames }[]) {
  await handle.db.delete(channels);
  await handle.db
    .insert(channels)
    .values(rows.map((r, i) => ({ code: `c${String(i).padStart(2, '0')}`, kind: 'web' as const, ...r })));
  const c = alias(channels, 'c');
  const out: { locale: Locale | undefined; built: string[]; raw: string[] }[] = [];
  for (const locale of [...LOCALES, undefined]) {
    const built = await handle.db
      .select({ shown: localNameSql(channels, locale) })
      .from(channels)
      .orderBy(asc(channels.code));
    const raw = await handle.db.execute<{ shown: string }>(
      sql`select ${localNameSql(c, locale)} as shown from channels c order by c.code`,
    );
    out.push({ locale, built: built.map((r) => r.shown), raw: raw.rows.map((r) => r.shown) });
  }
  return out;
}

const aName = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0);
const aRow = fc.record({
  name: aName,
  // A plain object: fast-check's records may have no prototype, which the query builder cannot take.
  names: fc.record({ en: aName, fr: aName }, { requiredKeys: [] }).map((names): LocalNames => ({ ...names })),
});

describe('the name shown', () => {
  it('is names[locale] ?? name, the same in SQL and in TypeScript on the same rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(aRow, { minLength: 1, maxLength: 6 }), async (rows) => {
        for (const { locale, built, raw } of await namesShown(rows)) {
          const expected = rows.map((r) => localName(r, locale));
          expect(built).toEqual(expected);
          expect(raw).toEqual(expected);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('falls back to the canonical name for a language without one, and is the canonical name without a locale', async () => {
    const row = { name: 'Boutique en ligne', names: { en: 'Online shop' } };
    expect(localName(row, 'en')).toBe('Online shop');
    expect(localName(row, 'fr')).toBe('Boutique en ligne');
    expect(localName(row)).toBe('Boutique en ligne');
    const [en, fr, none] = await namesShown([row, { name: 'Zalando', names: {} }]);
    expect(en.built).toEqual(['Online shop', 'Zalando']);
    expect(fr.built).toEqual(['Boutique en ligne', 'Zalando']);
    expect(none.built).toEqual(['Boutique en ligne', 'Zalando']);
  });

  it('names a language of another table the same way (locations)', async () => {
    await handle.db.insert(locations).values({
      code: 'WH-1',
      name: 'Entrepôt Orléans-Saran',
      names: { en: 'Orléans-Saran warehouse' },
      kind: 'warehouse',
      city: 'Saran',
    });
    const [row] = await handle.db
      .select({ en: localNameSql(locations, 'en'), fr: localNameSql(locations, 'fr') })
      .from(locations);
    expect(row).toEqual({ en: 'Orléans-Saran warehouse', fr: 'Entrepôt Orléans-Saran' });
  });
});

describe('names per language, as stored', () => {
  it.each([
    ['an empty name', { en: '' }],
    ['a number', { en: 3 }],
    ['an array', ['Online shop']],
    ['a string', 'Online shop'],
  ])('refuse %s (the table check keeps `->>` a name or null)', async (_, names) => {
    await expect(
      handle.db.execute(
        sql`insert into channels (code, name, kind, names) values ('bad', 'Bad', 'web', ${JSON.stringify(names)}::jsonb)`,
      ),
    ).rejects.toMatchObject({ cause: { constraint: 'channels_names_are_strings' } });
  });

  it('are a language of the interface to a trimmed, non-empty name when an operator gives them', () => {
    expect(ZLocalNames.parse({ en: '  Online shop ', fr: 'Boutique en ligne' })).toEqual({
      en: 'Online shop',
      fr: 'Boutique en ligne',
    });
    expect(ZLocalNames.safeParse({ de: 'Onlineshop' }).success).toBe(false);
    expect(ZLocalNames.safeParse({ en: '   ' }).success).toBe(false);
    expect(ZLocalNames.safeParse({ en: 'x'.repeat(121) }).success).toBe(false);
  });
});
