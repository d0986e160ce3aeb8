import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { maybeSimilarNamesSql, NAME_SIMILARITY, trigramBitmapSql } from './duplicate-rules';

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

// Names close to one another (a few letters, accents and separators), so that many pairs are similar.
const word = fc.string({ unit: fc.constantFrom(...'aabeilmnorstué- '.split('')), minLength: 1, maxLength: 9 });
const name = fc.record({ first: word, last: word });

/**
 * The full scan drops a pair of names when maybeSimilarNamesSql is false, before similarity() is
 * computed: it must be a necessary condition, or the full scan misses pairs the incremental finds.
 */
it('maybeSimilarNamesSql holds for every pair of names similar enough (no pair lost by the full scan)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(name, { minLength: 2, maxLength: 40 }), async (names) => {
      const values = sql.join(
        names.map((n, i) => sql`(${i}, search_fold(${n.first}), search_fold(${n.last}))`),
        sql`, `,
      );
      const { rows } = await handle.db.execute<{ similar: number; lost: number }>(sql`
        with w(i, first_fold, last_fold) as (values ${values}),
        bits as (
          select w.i, search_fold(w.first_fold || ' ' || w.last_fold) as search_name, b.bitmap,
            cardinality(show_trgm(search_fold(w.first_fold || ' ' || w.last_fold))) as trigrams
          from w cross join lateral (select ${trigramBitmapSql(sql`w.first_fold`)} | ${trigramBitmapSql(sql`w.last_fold`)} as bitmap) b),
        n as (select bits.*, trigrams - bit_count(bitmap) as collisions from bits)
        select count(*) filter (where similarity(a.search_name, b.search_name) >= ${NAME_SIMILARITY})::int as similar,
          count(*) filter (where similarity(a.search_name, b.search_name) >= ${NAME_SIMILARITY}
            and not (${maybeSimilarNamesSql('a', 'b')}))::int as lost
        from n a join n b on a.i < b.i`);
      expect(rows[0].lost).toBe(0);
      return rows[0].similar >= 0;
    }),
    { numRuns: 60 },
  );
});
