import { sql, type SQL } from 'drizzle-orm';

/**
 * Why two customers are likely one person. An identity (buyer id, e-mail, phone) of one order that
 * belongs to another customer; or, found by the scan, a similar name with the same address or city.
 */
export const DUPLICATE_REASONS = ['buyer_id', 'email', 'phone', 'name_address', 'name_city'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** What each reason adds to a pair's score (capped at 100). */
export const DUPLICATE_REASON_WEIGHT: Record<DuplicateReason, number> = {
  buyer_id: 90,
  email: 90,
  phone: 70,
  name_address: 60,
  name_city: 40,
};

/** Two folded names this similar (pg_trgm similarity) are "a similar name": a typo, a missing accent. */
export const NAME_SIMILARITY = 0.5;

/**
 * Where similar names are looked for: two names begin alike when they have the same first
 * NAME_BLOCK_PREFIX letters of one name (`prefix`) and the same initial of the other (`initial`).
 */
export const NAME_BLOCK_PREFIX = 3;
export const NAME_BLOCKS = [
  { prefix: 'first_fold', initial: 'last_fold' },
  { prefix: 'last_fold', initial: 'first_fold' },
] as const;

/** The block two names must share (one of NAME_BLOCKS), as an equality of `a`'s and `b`'s columns. */
function sameBlockSql(a: SQL, b: SQL, block: (typeof NAME_BLOCKS)[number]): SQL {
  const [p, i] = [sql.raw(block.prefix), sql.raw(block.initial)];
  const n = sql.raw(String(NAME_BLOCK_PREFIX));
  return sql`(left(${a}.${p}, ${n}) = left(${b}.${p}, ${n}) and left(${a}.${i}, 1) = left(${b}.${i}, 1))`;
}

/**
 * The name rule, shared by the full scan and the incremental one: `a` and `b` name rows with
 * first_fold and last_fold (search_fold of each name) and search_name (the folded full name).
 * Similar names (similarity ≥ NAME_SIMILARITY) that begin alike — the same first three letters of
 * the first name and the same initial of the last name, or the other way round (NAME_BLOCKS) — so
 * that a typo in one of them is found (past its first letter), not one in both. The initial keeps
 * the full scan's blocks small where a population has thousands of names: all the "Mar…" first
 * names of a city compared pairwise was hundreds of millions of similarities at 1M customers.
 */
export function similarNamesSql(a: string, b: string): SQL {
  const [x, y] = [sql.raw(a), sql.raw(b)];
  return sql`(${sql.join(
    NAME_BLOCKS.map((block) => sameBlockSql(x, y, block)),
    sql` or `,
  )})
    and similarity(${x}.search_name, ${y}.search_name) >= ${sql.raw(String(NAME_SIMILARITY))}`;
}

/** Bits of a trigram bitmap (trigramBitmapSql): enough that two names' unshared trigrams seldom share a bit. */
const TRIGRAM_BITMAP_BITS = 256;

/**
 * The trigrams of a folded name as a bit string: bit hash(trigram) mod 256 set for each of
 * show_trgm's trigrams (pg_trgm's own, those similarity() counts). A name's bitmap is the OR of its
 * words' (trigrams never span a space), so the full scan computes it per distinct word.
 */
export function trigramBitmapSql(text: SQL): SQL {
  const words = TRIGRAM_BITMAP_BITS / 64;
  const part = (k: number) =>
    sql`coalesce(bit_or(1::bigint << (h & 63)) filter (where h >> 6 = ${sql.raw(String(k))}), 0)::bit(64)`;
  return sql`(select ${sql.join(
    Array.from({ length: words }, (_, k) => part(k)),
    sql` || `,
  )} from (select hashtext(t) & ${sql.raw(String(TRIGRAM_BITMAP_BITS - 1))} as h from unnest(show_trgm(${text})) t) z)`;
}

/**
 * A necessary condition of similarity(a, b) ≥ NAME_SIMILARITY, from integers and bitmaps only (no
 * trigram is made): `a` and `b` have trigrams (the number of search_name's trigrams), bitmap
 * (trigramBitmapSql of search_name) and collisions (trigrams − bits set). similarity is
 * shared / (trigrams_a + trigrams_b − shared), and the shared trigrams are at most the bits both
 * bitmaps set plus the trigrams that share a bit with another in either name. The full scan tests it
 * before similarity(), which costs ~50 times more, on the ~25M pairs of names that begin alike.
 */
export function maybeSimilarNamesSql(a: string, b: string): SQL {
  const [x, y] = [sql.raw(a), sql.raw(b)];
  const t = NAME_SIMILARITY;
  // shared ≥ t/(1+t) · (trigrams_a + trigrams_b), with a margin against rounding (looser is safe).
  return sql`(bit_count(${x}.bitmap & ${y}.bitmap) + least(${x}.collisions, ${y}.collisions)) * ${sql.raw(String(1 + t))}::float8
    >= ${sql.raw(String(t))}::float8 * (${x}.trigrams + ${y}.trigrams) - 0.001::float8`;
}

/**
 * What "a similar name in the same city" weighs for a pair whose commoner name is held by `holders`
 * live customers of that city: DUPLICATE_REASON_WEIGHT.name_city for a name only the pair holds,
 * less as the name is commoner (√(2 / holders): a fourth at 32 holders, never below 10). Sixteen
 * Marie Martin in Paris are 120 pairs of probably different people; two Maëlys Kerbrat are likely one.
 */
export function nameCityWeightSql(holders: SQL): SQL {
  const w = DUPLICATE_REASON_WEIGHT.name_city;
  return sql`greatest(10, round(${sql.raw(String(w))} * sqrt(2.0 / greatest(2, ${holders}))))::int`;
}

/** The score of a text[] of reasons: their weights added, at most 100 (name_city weighs `nameCity` when given). */
export function duplicateScoreSql(reasons: SQL, nameCity?: SQL): SQL {
  const cases = sql.join(
    DUPLICATE_REASONS.map((r) =>
      r === 'name_city' && nameCity
        ? sql`when ${r}::text then coalesce(${nameCity}, ${DUPLICATE_REASON_WEIGHT[r]}::int)`
        : sql`when ${r}::text then ${DUPLICATE_REASON_WEIGHT[r]}::int`,
    ),
    sql` `,
  );
  return sql`least(100, (select coalesce(sum(case r ${cases} else 0 end), 0) from unnest(${reasons}) r))::int`;
}

/**
 * Records suggested pairs: `pairs` selects (a uuid, b uuid, reasons text[]) — two distinct
 * customers, in any order, each pair once —, and with `weighted`, a fourth column: the weight of
 * name_city for the pair (nameCityWeightSql; null: the default). A pair already suggested gains
 * the new reasons while it is open, its score the weight of those it did not have (it never drops);
 * a dismissed or merged pair stays as it is (dismissed is for good).
 */
export function recordDuplicatesSql(pairs: SQL, opts: { weighted?: boolean } = {}): SQL {
  const merged = sql`array(select distinct r from unnest(customer_duplicates.reasons || excluded.reasons) r order by r)`;
  const source = opts.weighted
    ? sql`(${pairs}) p(a, b, reasons, name_city)`
    : sql`(select q.*, null::int from (${pairs}) q) p(a, b, reasons, name_city)`;
  const added = sql`array(select unnest(excluded.reasons) except select unnest(customer_duplicates.reasons))`;
  // The new row's name_city weight, read back from its score (exact unless its score was capped).
  const nameCity = sql`least(${sql.raw(String(DUPLICATE_REASON_WEIGHT.name_city))}, greatest(10, excluded.score - ${duplicateScoreSql(sql`array_remove(excluded.reasons, 'name_city')`)}))`;
  return sql`insert into customer_duplicates (customer_id, other_customer_id, score, reasons)
    select least(p.a, p.b), greatest(p.a, p.b), ${duplicateScoreSql(sql`p.reasons`, sql`p.name_city`)}, p.reasons from ${source}
    on conflict (customer_id, other_customer_id) do update
      set reasons = ${merged},
        score = least(100, customer_duplicates.score + ${duplicateScoreSql(added, nameCity)})
      where customer_duplicates.status = 'open' and not customer_duplicates.reasons @> excluded.reasons`;
}
