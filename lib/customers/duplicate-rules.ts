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
 * The name rule, shared by the full scan and the incremental one: `a` and `b` name rows with
 * first_fold and last_fold (search_fold of each name) and search_name (the folded full name).
 * Similar names (similarity ≥ NAME_SIMILARITY) that begin alike — the same first three letters of
 * the first name and the same initial of the last name, or the other way round — so that a typo in
 * one of them is found (past its first letter), not one in both. The initial keeps the full scan's
 * blocks small where a population has thousands of names: all the "Mar…" first names of a city
 * compared pairwise was hundreds of millions of similarities at 1M customers.
 */
export function similarNamesSql(a: string, b: string): SQL {
  const [x, y] = [sql.raw(a), sql.raw(b)];
  return sql`((left(${x}.first_fold, 3) = left(${y}.first_fold, 3) and left(${x}.last_fold, 1) = left(${y}.last_fold, 1))
      or (left(${x}.last_fold, 3) = left(${y}.last_fold, 3) and left(${x}.first_fold, 1) = left(${y}.first_fold, 1)))
    and similarity(${x}.search_name, ${y}.search_name) >= ${sql.raw(String(NAME_SIMILARITY))}`;
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
